// The tab's only way to the server: JSON over /api with the caller's identity attached.
import { identityHeaders as signedIn } from './auth';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function identityHeaders(): Promise<Record<string, string>> {
  try {
    return await signedIn();
  } catch {
    throw new ApiError(401, 'Unauthorized', 'Teams could not sign you in to the Virtual Café. Try reopening the tab.');
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Expect text (CSV, iCalendar) instead of JSON. */
  text?: boolean;
}

export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const isPlainGet = (options.method ?? 'GET') === 'GET' && !options.text;
  if (isPlainGet) {
    const early = takeEarly(path);
    if (early) return early as Promise<T>;
  }
  return request<T>(path, options);
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = await identityHeaders();
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch {
    throw new ApiError(0, 'Network', 'The Virtual Café could not be reached. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!res.ok) {
    let code = 'Error';
    let message = `Something went wrong (${res.status}).`;
    try {
      const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      /* keep the generic message */
    }
    throw new ApiError(res.status, code, message);
  }
  if (options.text) return text as T;
  return (text ? JSON.parse(text) : undefined) as T;
}

// First load: the shell starts /api/me and the first page's GETs together, before the page's code
// has arrived; the page's own apiFetch of the same path then takes the answer already on its way.
// Each early answer is taken once (a later reload asks again) and only while fresh.
const EARLY_FOR_MS = 15_000;
const early = new Map<string, { at: number; answer: Promise<unknown> }>();

/** Starts a GET now, for the first apiFetch of exactly this path to take. */
export function prefetch(path: string): void {
  if (early.has(path)) return;
  const answer = request<unknown>(path);
  // A prefetch nobody takes must not surface as an unhandled rejection; whoever takes it sees the error.
  answer.catch(() => undefined);
  early.set(path, { at: Date.now(), answer });
}

function takeEarly(path: string): Promise<unknown> | undefined {
  const hit = early.get(path);
  if (!hit) return undefined;
  early.delete(path);
  return Date.now() - hit.at <= EARLY_FOR_MS ? hit.answer : undefined;
}

/** A file the server makes (a PDF): the bytes as a Blob, errors as for JSON. */
export async function apiBlob(path: string): Promise<Blob> {
  const headers = await identityHeaders();
  let res: Response;
  try {
    res = await fetch(path, { headers });
  } catch {
    throw new ApiError(0, 'Network', 'The Virtual Café could not be reached. Check your connection and try again.');
  }
  if (!res.ok) {
    let message = `Something went wrong (${res.status}).`;
    let code = 'Error';
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      /* keep the generic message */
    }
    throw new ApiError(res.status, code, message);
  }
  return res.blob();
}

export const qs = (params: Record<string, string | number | boolean | undefined | null>) => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '') as [string, string][];
  return entries.length ? '?' + new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString() : '';
};
