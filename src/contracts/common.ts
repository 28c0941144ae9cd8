// Shapes every area's answers share: lists, the error body, health. Imports domain only; the tab
// imports these type-only.

/** Lists answer `{ items, next? }` (interfaces.md); `next` is a cursor to pass back. */
export interface ListResponse<T> {
  items: T[];
  next?: string;
}

/** Every error answer of the HTTP API. */
export interface ErrorAnswer {
  error: { code: string; message: string };
}

/** GET /api/health */
export interface HealthAnswer {
  status: 'ok' | 'unavailable';
  storage: { ok: boolean; latencyMs: number };
}
