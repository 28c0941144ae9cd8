// Domain errors carry a kind the edges translate: HTTP status in the API, an error card or
// `application/vnd.microsoft.error` in the bot. Messages are written for the person who acted.
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'unavailable';

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** Machine-readable detail for API clients, e.g. the field that was wrong. */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (message: string, detail?: Record<string, unknown>) => new AppError('invalid', message, detail);
export const forbidden = (message: string) => new AppError('forbidden', message);
export const notFound = (message: string) => new AppError('not-found', message);
export const conflict = (message: string, detail?: Record<string, unknown>) => new AppError('conflict', message, detail);
export const unavailable = (message = 'The service is briefly unavailable. Please try again in a moment.') =>
  new AppError('unavailable', message);

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
