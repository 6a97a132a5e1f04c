/**
 * API errors: every answer of status 400 or more becomes an ApiError carrying the SQLSTATE
 * (or PostgREST's / the glue's code) and the server's message.
 */

const SQLSTATE = /^[0-9A-Z]{5}$/;

export class ApiError extends Error {
  readonly status: number;
  /** The SQLSTATE (`42501`, `23505`, ...), PostgREST's code (`PGRST301`) or the glue's. */
  readonly code: string | null;
  readonly hint: string | null;
  readonly details: unknown;
  readonly body: unknown;
  /** Seconds to wait before trying again (429). */
  readonly retryAfter: number | null;

  constructor(status: number, code: string | null, message: string,
              extra: { hint?: string | null; details?: unknown; body?: unknown;
                       retryAfter?: number | null } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.hint = extra.hint ?? null;
    this.details = extra.details ?? null;
    this.body = extra.body ?? null;
    this.retryAfter = extra.retryAfter ?? null;
  }

  /** The SQLSTATE when the database raised (five characters), else null. */
  get sqlstate(): string | null {
    return this.code !== null && SQLSTATE.test(this.code) ? this.code : null;
  }
}

/** The ApiError of a failed answer whose body was already parsed (or read as text). */
export function errorFrom(status: number, headers: Headers | undefined, body: unknown,
                          statusText = ''): ApiError {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const code = (fields.code ?? fields.error ?? null) as string | null;
  const message = String(fields.message ?? fields.error ?? (statusText || `HTTP ${status}`));
  const raw = headers?.get('Retry-After') ?? fields.retry_after;
  const retryAfter = raw === undefined || raw === null || Number.isNaN(Number(raw))
    ? null : Number(raw);
  return new ApiError(status, code === null ? null : String(code), message, {
    hint: (fields.hint as string | undefined) ?? null, details: fields.details, body,
    retryAfter,
  });
}

/** Read a failed Response's body and make its ApiError. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const text = await response.text();
  let body: unknown = text || null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return errorFrom(response.status, response.headers, body, response.statusText);
}
