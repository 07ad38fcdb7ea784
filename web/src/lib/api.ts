// The API client: JSON in and out, problem+json errors turned into ApiError with their detail and field errors.
/** A field's problem: the English message and, from servers that send them, a `code` with its parameters
 * (minimum, maximum, origin, expected, format, values, ...) to word it in the person's language. */
export type FieldError = { path: string; message: string; code?: string; [param: string]: unknown };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly fields: FieldError[] = [],
    readonly type = '',
    /** A refused business rule's stable code (409 rule/<code>), e.g. 'section_full'. */
    readonly code?: string,
    /** The problem's other fields (a rule's details, e.g. { capacity: 12 }), as the server sent them. */
    readonly extras: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

const PROBLEM_FIELDS = new Set(['type', 'title', 'status', 'detail', 'instance', 'fields', 'code']);

export type ApiResult<T> = { data: T; etag: string | null };

// Read-your-writes: the newest log position this page's writes were answered with. Writes say the client
// carries it (so they are answered without waiting for the read models); reads bring it, so they see those writes.
let lastWrite: string | null = null;
const later = (a: string, b: string | null) => {
  if (b === null) return true;
  const [a1, a2] = a.split(':').map(BigInt) as [bigint, bigint];
  const [b1, b2] = b.split(':').map(BigInt) as [bigint, bigint];
  return a1 > b1 || (a1 === b1 && a2 > b2);
};
const consistencyHeaders = (method: string): Record<string, string> =>
  method === 'GET' || method === 'HEAD'
    ? lastWrite
      ? { 'lectern-after': lastWrite }
      : {}
    : { 'lectern-consistency': 'token' };

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...consistencyHeaders(method),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  const position = response.headers.get('lectern-position');
  if (position && /^\d+:\d+$/.test(position) && later(position, lastWrite)) lastWrite = position;
  const text = await response.text();
  const json = text ? safeParse(text) : null;
  if (!response.ok) {
    const p = (json ?? {}) as {
      detail?: string;
      title?: string;
      fields?: FieldError[];
      type?: string;
      code?: unknown;
      [extra: string]: unknown;
    };
    if (response.status === 401 && path !== '/api/auth/login' && path !== '/api/me') onUnauthenticated();
    throw new ApiError(
      response.status,
      p.detail ?? p.title ?? `${response.status} ${response.statusText}`,
      Array.isArray(p.fields) ? p.fields : [],
      p.type ?? '',
      typeof p.code === 'string' ? p.code : undefined,
      Object.fromEntries(Object.entries(p).filter(([k]) => !PROBLEM_FIELDS.has(k))),
    );
  }
  return { data: json as T, etag: response.headers.get('etag') };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 300) };
  }
}

let onUnauthenticated = () => {};
/** Lets the app return to sign-in when the session expires mid-use. */
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

export const api = {
  get: async <T>(path: string) => (await request<T>('GET', path)).data,
  getWithEtag: <T>(path: string) => request<T>('GET', path),
  post: async <T>(path: string, body: unknown = {}, headers?: Record<string, string>) =>
    (await request<T>('POST', path, body, headers)).data,
  patch: async <T>(path: string, body: unknown, headers?: Record<string, string>) =>
    (await request<T>('PATCH', path, body, headers)).data,
  put: async <T>(path: string, body: unknown, headers?: Record<string, string>) =>
    (await request<T>('PUT', path, body, headers)).data,
  delete: async <T>(path: string, headers?: Record<string, string>) =>
    (await request<T>('DELETE', path, undefined, headers)).data,
};

/** A fresh Idempotency-Key so a double click or a retry never creates twice. */
export const idempotencyKey = () => ({ 'idempotency-key': crypto.randomUUID() });

export const qs = (params: Record<string, string | number | undefined | null>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
};
