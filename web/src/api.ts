// Fetches the JSON API (docs/api.md): one function, one error type carrying the server's
// `{"error": {"code", "message"}}`, so every page shows the server's own words on failure.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiResult<T> {
  data: T;
  /** The X-Total-Count header of paged lists (targets, races), else null. */
  total: number | null;
}

export type Params = Record<string, string | number | boolean | null | undefined>;

/** Builds `/api/<path>?<params>`, leaving out empty parameters. */
export function apiUrl(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    query.set(key, value === true ? '1' : String(value));
  }
  const text = query.toString();
  return `api/${path}${text ? `?${text}` : ''}`;
}

export async function getWithTotal<T>(path: string, params: Params = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, params), { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', 'the server did not answer: is `downballot serve` running?');
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http_' + response.status,
      error?.message ?? `the server answered ${response.status} ${response.statusText}`,
    );
  }
  if (body === null) throw new ApiError(response.status, 'bad_json', 'the server sent no JSON');
  const total = response.headers.get('X-Total-Count');
  return { data: body as T, total: total === null ? null : Number(total) };
}

export async function get<T>(path: string, params: Params = {}): Promise<T> {
  return (await getWithTotal<T>(path, params)).data;
}

/** A path segment, e.g. a race id, made safe for the URL. */
export const seg = encodeURIComponent;

/**
 * Why a list came back empty (`/api/why-empty`): nothing of its kind is loaded, or what the
 * store holds to filter on. The same words the CLI prints on stderr; `fallback` if the server
 * cannot say.
 */
export async function whyEmpty(of: 'races' | 'targets' | 'leverage', fallback: string): Promise<string> {
  try {
    const { message } = await get<{ message: string }>('why-empty', { of });
    const text = message.replace(/^downballot \w+: /, '');
    return text.charAt(0).toUpperCase() + text.slice(1);
  } catch {
    return fallback;
  }
}
