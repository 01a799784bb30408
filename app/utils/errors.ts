// One error path (docs/decisions/0008-one-error-path.md). An expected failure is an AppError: it
// carries the HTTP status of DESIGN.md and an i18n key the user sees in their language. Routes
// turn it into an answer in one place: `actionError` (a form action's Conform reply with the
// status) or `toResponse` (a thrown Response the error boundary renders). This module stays free of
// server-only imports so app/domain can extend AppError.

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429;

export const ERROR_MESSAGE_KEYS = {
  400: "error.400",
  401: "error.401",
  403: "error.403",
  404: "error.404",
  409: "error.409",
  413: "error.413",
  429: "error.429",
} as const satisfies Record<ErrorStatus, string>;

/** The base of every expected failure: a refused rule, a conflict, a file too large… */
export class AppError extends Error {
  constructor(
    public readonly messageKey: string,
    public readonly status: ErrorStatus = 409,
  ) {
    super(messageKey);
    this.name = "AppError";
  }
}

/** A domain rule refused an operation (409 unless told otherwise). Kept as the everyday name. */
export class DomainError extends AppError {
  constructor(messageKey: string, status: ErrorStatus = 409) {
    super(messageKey, status);
    this.name = "DomainError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The Response the route error boundary renders for an AppError; its body is the message key. */
export function appErrorResponse(error: AppError): Response {
  return new Response(error.messageKey, {
    status: error.status,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * For loaders (and actions without a form): `catch (e) { throw toResponse(e) }`. An AppError
 * becomes its Response; anything else (a thrown Response, a redirect, a real bug) is returned
 * unchanged so it is rethrown as it was.
 */
export function toResponse(error: unknown): unknown {
  return isAppError(error) ? appErrorResponse(error) : error;
}

/** Throws the Response for `status` right away (the thrown-Response helpers below). */
export function httpError(status: ErrorStatus, messageKey: string = ERROR_MESSAGE_KEYS[status]): never {
  throw appErrorResponse(new AppError(messageKey, status));
}

export function badRequest(key?: string): never {
  return httpError(400, key);
}
export function forbidden(key?: string): never {
  return httpError(403, key);
}
export function notFound(key?: string): never {
  return httpError(404, key);
}
export function conflict(key?: string): never {
  return httpError(409, key);
}

/** The one way a model says "not found": the row, or a thrown 404. */
export function orNotFound<T>(row: T | null | undefined, key?: string): T {
  if (row === null || row === undefined) notFound(key);
  return row;
}
