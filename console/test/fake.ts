/** A fake server for component tests: routes "METHOD /path" to handlers; records calls. */
export type Handler = (url: URL, init: { method: string; body: unknown; headers: Headers }) =>
  { status?: number; body?: unknown; headers?: Record<string, string> } | undefined;

export interface Call { method: string; path: string; body: unknown; headers: Headers }

export function fakeServer(routes: Record<string, Handler | unknown>) {
  const calls: Call[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(req.url);
    const method = req.method;
    let body: unknown = null;
    const type = req.headers.get('content-type') ?? '';
    if (method !== 'GET' && type.includes('application/json')) body = await req.json();
    else if (method !== 'GET' && type.includes('multipart/form-data')) body = 'multipart';
    calls.push({ method, path: url.pathname, body, headers: req.headers });
    const key = `${method} ${url.pathname}`;
    const route = routes[key];
    if (route === undefined) {
      return new Response(JSON.stringify({ code: 'PGRST', message: `no route ${key}` }),
                          { status: 404, headers: { 'Content-Type': 'application/json' } });
    }
    const answer = typeof route === 'function'
      ? (route as Handler)(url, { method, body, headers: req.headers }) ?? {}
      : (route && typeof route === 'object' && 'status' in route ? route as { status: number; body?: unknown; headers?: Record<string, string> }
        : { body: route });
    const status = answer.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? null),
                        { status, headers: { 'Content-Type': 'application/json', ...answer.headers } });
  };
  return { fetchImpl: fetchImpl as typeof fetch, calls };
}

export const SESSION = { session_id: 's1', principal_id: 'u1', username: 'alice',
                         auth_method: 'password' };
