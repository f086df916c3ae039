// The access API (/admin/realms/{realm}/access) called with the signed-in administrator's token.
import type { ConsoleConfig } from './config';

/** An error answer: {error, field, detail} with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string | undefined,
    readonly field: string | undefined,
    readonly detail: string | undefined,
  ) {
    super(detail ? `${error ?? status}: ${detail}` : (error ?? `HTTP ${status}`));
  }

  /** Signed in, but not allowed (401 once the token is refused, 403 without the rights). */
  get forbidden(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

export interface TokenSource {
  /** a valid access token, refreshed when close to its end */
  token(): Promise<string>;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export class AccessApi {
  private readonly base: string;

  constructor(
    config: ConsoleConfig,
    private readonly tokens: TokenSource,
  ) {
    this.base = `${config.adminUrl}admin/realms/${encodeURIComponent(config.realm)}/access`;
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.send<T>('GET', path + queryString(query));
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PUT', path, body);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.send<T>('DELETE', path);
  }

  /** A download (e.g. the audit as CSV) fetched with the token, as a blob to save. */
  async download(path: string, query: Query, accept: string): Promise<Blob> {
    const res = await this.fetch('GET', path + queryString(query), undefined, accept);
    return res.blob();
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.fetch(method, path, body, 'application/json');
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async fetch(method: string, path: string, body: unknown, accept: string): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${await this.tokens.token()}`, Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
    if (!res.ok) {
      let json: { error?: string; field?: string; detail?: string; errorMessage?: string } = {};
      try {
        json = await res.json();
      } catch {
        // not JSON: the status says enough
      }
      throw new ApiError(res.status, json.error ?? json.errorMessage, json.field, json.detail);
    }
    return res;
  }
}
