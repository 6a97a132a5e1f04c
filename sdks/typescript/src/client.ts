/**
 * NeuronplaneClient: the hand-written layer over the generated code (./generated).
 *
 * It holds an API key, a password session (access and refresh tokens) or a cookie session
 * (an OIDC login: the np_* cookies, kept by the browser, or by this client in Node), puts
 * them on every request, refreshes once when an answer is 401 or the access token is about
 * to expire, and turns every answer of status >= 400 into an ApiError. Refreshes are
 * single-flight: a refresh token is spent by its first use and the server ends the session
 * when a spent one comes back later, so concurrent requests share one refresh.
 */

import { createClient, createConfig } from './generated/client/index.js';
import type { Client as GeneratedClient } from './generated/client/index.js';
import { ApiError, errorFrom, errorFromResponse } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Refresh this many seconds before the access token expires rather than wait for a 401. */
const EXPIRY_MARGIN = 30;

export interface Tokens {
  accessToken: string;
  refreshToken?: string | null;
  /** Milliseconds since the epoch. */
  expiresAt?: number | null;
  sessionId?: string | null;
  principalId?: string | null;
}

export interface ClientOptions {
  /** PostgREST's URL (behind the reverse proxy: https://host/rest). */
  baseUrl: string;
  /** The glue's URL; default: baseUrl's origin. */
  glueUrl?: string;
  apiKey?: string;
  tokens?: Tokens;
  /** The fetch to use (default: globalThis.fetch). */
  fetch?: typeof fetch;
  /**
   * A cookie session in a browser: the browser keeps the cookies (send them with
   * credentials: 'include'); the CSRF token is read from document.cookie.
   */
  browserCookies?: boolean;
}

export interface Page<T = Record<string, unknown>> {
  rows: T[];
  offset: number;
  total: number | null;
}

interface StoredCookie { value: string; path: string }

export class NeuronplaneClient {
  readonly baseUrl: string;
  readonly glueUrl: string;
  /** The generated client for PostgREST's operations: pass it as `client` to ./generated. */
  readonly api: GeneratedClient;
  /** The generated client for the glue's operations. */
  readonly glue: GeneratedClient;
  /** How many times this client refreshed its session. */
  refreshes = 0;
  apiKey: string | null;
  tokens: Tokens | null;

  private readonly baseFetch: typeof fetch;
  private readonly browserCookies: boolean;
  private readonly cookies = new Map<string, StoredCookie>();
  private inflight: Promise<void> | null = null;
  /** Counts the refreshes: a request that saw an older generation does not refresh again. */
  private generation = 0;

  constructor(options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.glueUrl = (options.glueUrl ?? new URL(this.baseUrl).origin).replace(/\/+$/, '');
    this.apiKey = options.apiKey ?? null;
    this.tokens = options.tokens ?? null;
    this.browserCookies = options.browserCookies ?? false;
    const f = options.fetch ?? globalThis.fetch;
    this.baseFetch = (input, init) => f(input, init);
    const authFetch: typeof fetch = (input, init) => this.send(new Request(input, init));
    const make = (baseUrl: string) => {
      const client = createClient(createConfig({
        baseUrl, fetch: authFetch, throwOnError: true,
        credentials: this.browserCookies ? 'include' : 'same-origin',
      }));
      client.interceptors.error.use((error, response) =>
        response ? errorFrom(response.status, response.headers, error, response.statusText)
          : error);
      return client;
    };
    this.api = make(this.baseUrl);
    this.glue = make(this.glueUrl);
  }

  // -- sessions ---------------------------------------------------------------------------

  /** Log in with a password (POST /rpc/login); ApiError 401 (28P01) when refused. */
  async login(username: string, password: string): Promise<Record<string, unknown>> {
    const response = await this.baseFetch(`${this.baseUrl}/rpc/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username_or_email: username, password }),
    });
    if (!response.ok) throw await errorFromResponse(response);
    const answer = await response.json() as Record<string, unknown>;
    this.apiKey = null;
    this.tokens = tokensFrom(answer);
    return answer;
  }

  /** The URL that starts an OIDC login in a browser (navigate to it). */
  oidcLoginUrl(provider: string, redirectTo: string, loginHint?: string): string {
    const url = new URL(`${this.glueUrl}/auth/oidc/${encodeURIComponent(provider)}/login`);
    url.searchParams.set('redirect_to', redirectTo);
    if (loginHint) url.searchParams.set('login_hint', loginHint);
    return url.toString();
  }

  /**
   * An OIDC login outside a browser (Node): the cookies are kept by this client.
   * authorize(url) does the person's part at the provider and returns the callback URL;
   * without it the provider's redirects are followed as they are.
   */
  async loginOidc(provider: string, redirectTo: string,
                  options: { loginHint?: string;
                             authorize?: (url: string) => Promise<string> } = {},
  ): Promise<void> {
    const start = await this.raw(this.oidcLoginUrl(provider, redirectTo, options.loginHint));
    if (start.status !== 302) throw await errorFromResponse(start);
    let url = new URL(start.headers.get('Location')!, this.glueUrl).toString();
    const callbackPath = `/auth/oidc/${provider}/callback`;
    if (options.authorize) url = await options.authorize(url);
    for (let i = 0; new URL(url).pathname !== callbackPath; i++) {
      if (i === 20) throw new ApiError(401, null, 'too many redirects during the OIDC login');
      const r = await this.raw(url);
      if (r.status < 300 || r.status >= 400) {
        if (!r.ok) throw await errorFromResponse(r);
        throw new ApiError(r.status, null, 'the provider wants the person to act: pass authorize');
      }
      url = new URL(r.headers.get('Location')!, url).toString();
    }
    const done = await this.raw(url);
    if (done.status !== 302 && done.status !== 303) throw await errorFromResponse(done);
    if (!this.cookies.has('np_access')) {
      throw new ApiError(401, '28000', 'the OIDC login set no session cookie');
    }
    this.apiKey = null;
    this.tokens = null;
  }

  /** End the session on the server and forget it. */
  async logout(): Promise<void> {
    if (this.tokens) {
      await this.request('POST', '/rpc/logout');
      this.tokens = null;
    } else if (this.cookieSession()) {
      await this.request('POST', '/auth/logout', { glue: true });
      this.cookies.clear();
    }
  }

  // -- calls ------------------------------------------------------------------------------

  /** POST /rpc/<fn> with args as JSON; the decoded answer. */
  async rpc<T = any>(fn: string, args: Record<string, unknown> = {}): Promise<T> {
    const r = await this.request('POST', `/rpc/${fn}`, { json: args });
    const text = await r.text();
    return (text ? JSON.parse(text) : null) as T;
  }

  /** Any request (PostgREST's filters in params); ApiError for a status >= 400. */
  async request(method: string, path: string,
                options: { params?: Record<string, string>; json?: unknown; body?: BodyInit;
                           headers?: Record<string, string>; glue?: boolean } = {},
  ): Promise<Response> {
    const url = new URL((options.glue ? this.glueUrl : this.baseUrl) + path);
    for (const [k, v] of Object.entries(options.params ?? {})) url.searchParams.set(k, v);
    const headers = new Headers(options.headers);
    let body = options.body;
    if (options.json !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(options.json);
    }
    const response = await this.send(new Request(url, {
      method, headers, body, credentials: this.browserCookies ? 'include' : 'same-origin',
    }));
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }

  /** One page of a view: rows offset..offset+limit-1 (Range), total when count. */
  async page<T = Record<string, unknown>>(path: string, options: {
    params?: Record<string, string>; offset?: number; limit?: number; count?: boolean } = {},
  ): Promise<Page<T>> {
    const offset = options.offset ?? 0;
    const limit = options.limit ?? 100;
    const headers: Record<string, string> = {
      'Range-Unit': 'items', Range: `${offset}-${offset + limit - 1}` };
    if (options.count ?? true) headers.Prefer = 'count=exact';
    const r = await this.request('GET', path, { params: options.params, headers });
    const match = /^(?:\d+-\d+|\*)\/(\d+|\*)$/.exec(r.headers.get('Content-Range') ?? '');
    const total = match && match[1] !== '*' ? Number(match[1]) : null;
    return { rows: await r.json() as T[], offset, total };
  }

  /** Every row of a view, pageSize per request (give an order for a stable one). */
  async *paginate<T = Record<string, unknown>>(path: string, options: {
    params?: Record<string, string>; pageSize?: number } = {}): AsyncGenerator<T> {
    const size = options.pageSize ?? 100;
    for (let offset = 0; ; offset += size) {
      const page = await this.page<T>(path, { params: options.params, offset, limit: size,
                                              count: false });
      yield* page.rows;
      if (page.rows.length < size) return;
    }
  }

  /** Upload a file for ingestion (the glue's POST /ingest/upload); the job's row. */
  async upload(projectId: string, datasetName: string, file: Blob, options: {
    filename?: string; format?: string; ifExists?: string; options?: unknown;
    indexConfig?: unknown; embedding?: unknown } = {}): Promise<Record<string, unknown>> {
    const params: Record<string, string> = { project_id: projectId, dataset_name: datasetName };
    if (options.format) params.format = options.format;
    if (options.ifExists) params.if_exists = options.ifExists;
    if (options.options !== undefined) params.options = JSON.stringify(options.options);
    if (options.indexConfig !== undefined) {
      params.index_config = JSON.stringify(options.indexConfig);
    }
    if (options.embedding !== undefined) params.embedding = JSON.stringify(options.embedding);
    const form = new FormData();
    form.append('file', file, options.filename ?? 'upload');
    const r = await this.request('POST', '/ingest/upload', { params, body: form, glue: true });
    return await r.json() as Record<string, unknown>;
  }

  // -- credentials and refresh ------------------------------------------------------------

  /** Send request with the credentials; on 401 refresh (once, shared) and send it again. */
  private async send(request: Request): Promise<Response> {
    if (this.expiring()) await this.refresh(this.generation);
    const retry = request.clone();
    const seen = this.apply(request);
    const response = await this.raw(request);
    if (response.status !== 401 || seen === null || !this.canRefresh()) return response;
    await this.refresh(seen);
    this.apply(retry);
    return this.raw(retry);
  }

  /** fetch, keeping the cookies of a Node cookie session. */
  private async raw(input: Request | string): Promise<Response> {
    const request = typeof input === 'string' ? new Request(input) : input;
    if (!this.browserCookies && this.cookies.size) {
      const header = this.cookieHeader(new URL(request.url).pathname);
      if (header) request.headers.set('Cookie', header);
    }
    const response = await this.baseFetch(request, { redirect: 'manual' });
    this.keepCookies(response);
    return response;
  }

  /** Put the credentials on request; the generation they belong to (null: an API key or
   * nothing, which no refresh can help). */
  private apply(request: Request): number | null {
    if (this.apiKey) {
      request.headers.set('X-API-Key', this.apiKey);
      return null;
    }
    if (this.tokens) {
      request.headers.set('Authorization', `Bearer ${this.tokens.accessToken}`);
      return this.generation;
    }
    if (this.cookieSession()) {
      const csrf = this.cookie('np_csrf');
      if (!SAFE_METHODS.has(request.method) && csrf) request.headers.set('X-CSRF-Token', csrf);
      return this.generation;
    }
    return null;
  }

  private expiring(): boolean {
    const t = this.tokens;
    return !!(t?.refreshToken && t.expiresAt && t.expiresAt - EXPIRY_MARGIN * 1000 < Date.now());
  }

  private canRefresh(): boolean {
    if (this.apiKey) return false;
    if (this.tokens) return !!this.tokens.refreshToken;
    return this.cookieSession();
  }

  private cookieSession(): boolean {
    return this.browserCookies || this.cookies.has('np_access');
  }

  /** One refresh at a time; a request that saw an older token reuses the result. */
  private async refresh(seen: number): Promise<void> {
    while (this.inflight) await this.inflight.catch(() => undefined);
    if (this.generation !== seen || !this.canRefresh()) return;
    this.inflight = this.doRefresh().finally(() => { this.inflight = null; });
    return this.inflight;
  }

  private async doRefresh(): Promise<void> {
    const build = () => this.tokens
      ? new Request(`${this.baseUrl}/rpc/refresh`, {
          method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ refresh_token: this.tokens.refreshToken }) })
      : new Request(`${this.glueUrl}/auth/refresh`, {
          method: 'POST', headers: { 'X-CSRF-Token': this.cookie('np_csrf') ?? '' },
          credentials: this.browserCookies ? 'include' : 'same-origin' });
    let response: Response;
    try {
      response = await this.raw(build());
    } catch {
      // The answer was lost: the same token again gets the same successor (the server's
      // reuse grace interval), so one retry is safe.
      response = await this.raw(build());
    }
    if (!response.ok) {
      if ([400, 401, 403].includes(response.status)) this.tokens = null;
      throw await errorFromResponse(response);
    }
    const answer = await response.json() as Record<string, unknown>;
    if (this.tokens) this.tokens = tokensFrom(answer);
    this.refreshes += 1;
    this.generation += 1;
  }

  // -- cookies (Node; a browser keeps its own) ----------------------------------------------

  private cookie(name: string): string | null {
    if (this.browserCookies && typeof document !== 'undefined') {
      const m = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
      return m ? decodeURIComponent(m.slice(name.length + 1)) : null;
    }
    return this.cookies.get(name)?.value ?? null;
  }

  private cookieHeader(path: string): string {
    return [...this.cookies.entries()]
      .filter(([, c]) => path.startsWith(c.path))
      .map(([n, c]) => `${n}=${c.value}`).join('; ');
  }

  private keepCookies(response: Response): void {
    if (this.browserCookies) return;
    const headers = response.headers as Headers & { getSetCookie?: () => string[] };
    for (const line of headers.getSetCookie?.() ?? []) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attrs.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const expired = attrs.some((a) => /^max-age=0$/i.test(a)) || value === '' || value === '""';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
  }
}

function tokensFrom(answer: Record<string, unknown>): Tokens {
  const expiresIn = answer.expires_in as number | undefined;
  return {
    accessToken: answer.access_token as string,
    refreshToken: (answer.refresh_token as string | undefined) ?? null,
    expiresAt: expiresIn === undefined ? null : Date.now() + expiresIn * 1000,
    sessionId: (answer.session_id as string | undefined) ?? null,
    principalId: (answer.principal_id as string | undefined) ?? null,
  };
}
