/**
 * The console's one door to the server: the TypeScript SDK over the same origin (PostgREST
 * under /rest, the glue's routes at the root), with the browser's cookie session. The
 * session lives in HttpOnly cookies; the page holds no token (only np_csrf, which the SDK
 * sends back as X-CSRF-Token on writes).
 */
import { ApiError, NeuronplaneClient } from 'neuronplane-client';

export { ApiError };

export interface Session {
  session_id: string;
  principal_id: string;
  username: string;
  email?: string | null;
  display_name?: string | null;
  auth_method: string;
}

export class Console {
  readonly np: NeuronplaneClient;
  private readonly fetchImpl: typeof fetch;

  constructor(origin: string, fetchImpl: typeof fetch = (i, n) => globalThis.fetch(i, n)) {
    this.fetchImpl = fetchImpl;
    this.np = new NeuronplaneClient({ baseUrl: `${origin}/rest`, glueUrl: origin,
                                      browserCookies: true, fetch: fetchImpl });
  }

  /** Password sign-in through the glue, which sets the session cookies. */
  async signIn(username: string, password: string): Promise<void> {
    const r = await this.fetchImpl(`${this.np.glueUrl}/auth/login`, {
      method: 'POST', credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username_or_email: username, password }),
    });
    if (!r.ok) throw await asError(r);
  }

  oidcUrl(provider: string): string {
    return this.np.oidcLoginUrl(provider, '/');
  }

  async providers(): Promise<string[]> {
    const rows = await this.get<{ name: string }>('/rpc/sign_in_providers');
    return rows.map((r) => r.name);
  }

  /** Who the cookies stand for; null when signed out. */
  async session(): Promise<Session | null> {
    try {
      const r = await this.np.request('GET', '/auth/session', { glue: true });
      return await r.json() as Session;
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return null;
      throw e;
    }
  }

  async signOut(): Promise<void> {
    await this.np.request('POST', '/auth/logout', { glue: true });
  }

  async get<T>(path: string, params: Record<string, string> = {}): Promise<T[]> {
    const r = await this.np.request('GET', path, { params });
    return await r.json() as T[];
  }

  rpc<T = unknown>(fn: string, args: Record<string, unknown> = {}): Promise<T> {
    return this.np.rpc<T>(fn, args);
  }

  async glue<T = unknown>(path: string, json: unknown): Promise<T> {
    const r = await this.np.request('POST', path, { glue: true, json });
    return await r.json() as T;
  }

  upload(projectId: string, name: string, file: File, options: { format?: string;
    embedding?: unknown; indexConfig?: unknown } = {}): Promise<Record<string, unknown>> {
    return this.np.upload(projectId, name, file, { filename: file.name, ...options });
  }
}

async function asError(r: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = await r.json() as Record<string, unknown>;
  } catch {
    // not JSON
  }
  return new ApiError(r.status, (body.code as string) ?? null,
                      String(body.message ?? `HTTP ${r.status}`));
}

/** A message a person can act on, from whatever was thrown. */
export function describe(e: unknown): string {
  if (e instanceof ApiError) {
    const hint = e.hint ? ` (${e.hint})` : '';
    // A cookie session's request reaches PostgREST without a bearer token, so a refusal
    // (42501) comes back as 401: it is a permission, not an ended session.
    if (e.status === 403 || e.code === '42501') return `Not permitted: ${e.message}${hint}`;
    if (e.status === 401 && e.code !== '28P01') {
      return `${e.message}${hint}. Sign in again if your session ended.`;
    }
    return `${e.message}${hint}`;
  }
  if (e instanceof TypeError) return 'The server cannot be reached; check that it runs and try again.';
  return String((e as Error)?.message ?? e);
}
