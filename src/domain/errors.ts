// Domain errors carry a kind the edges translate: an HTTP status in the API (api/http.ts), an
// `application/vnd.microsoft.error` in card actions (teams/invokeResponses.ts), a reply in chat.
// Messages are written for the person who acted. Storage outages arrive as `unavailable` (the
// storage edge converts them, storage/errors.ts), so no edge needs to know about Azure errors.
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'unavailable';

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** Machine-readable detail for API clients, e.g. the field that was wrong. */
    readonly detail?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

/** The words a person reads when nothing more particular can be said: said once, here. */
export const MESSAGES = {
  /** Storage cannot be reached (or is struggling): nothing was changed. */
  storageUnavailable: 'The Virtual Café’s storage is unavailable right now, so nothing was changed. Please try again in a minute.',
  /** Anything unexpected (a bug): the edges log it and say this. */
  internal: 'Something went wrong on our side. Please try again.',
} as const;

export const invalid = (message: string, detail?: Record<string, unknown>) => new AppError('invalid', message, detail);
export const forbidden = (message: string) => new AppError('forbidden', message);
export const notFound = (message: string) => new AppError('not-found', message);
export const conflict = (message: string, detail?: Record<string, unknown>) => new AppError('conflict', message, detail);
export const unavailable = (message: string = MESSAGES.storageUnavailable, cause?: unknown) => new AppError('unavailable', message, undefined, cause === undefined ? undefined : { cause });

/**
 * Codes an API client can act on, carried as `detail.code` and answered as the error's `code`
 * (instead of the kind's generic one): e.g. `ProfileRequired` → the tab opens the profile form.
 */
export const ERROR_CODES = { profileRequired: 'ProfileRequired' } as const;

export const profileRequired = (message = 'Tell us about you first (profession, hub, PCN and organisation): it is asked once, before your first join.') =>
  new AppError('conflict', message, { code: ERROR_CODES.profileRequired });

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** What to tell the person: the error's own words, or the one message for the unexpected. */
export const messageFor = (e: unknown): string => (isAppError(e) ? e.message : MESSAGES.internal);
