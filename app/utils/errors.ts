// One error type for expected failures, carrying the HTTP status of DESIGN.md and an i18n key the
// error boundary shows in the user's language.

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

/** Throws a Response the route error boundary renders; body is the i18n key of the message. */
export function httpError(status: ErrorStatus, messageKey: string = ERROR_MESSAGE_KEYS[status]): never {
  throw new Response(messageKey, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
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

/** A domain rule refused an operation; routes turn it into a 409 (or the given status). */
export class DomainError extends Error {
  constructor(
    public readonly messageKey: string,
    public readonly status: ErrorStatus = 409,
  ) {
    super(messageKey);
    this.name = "DomainError";
  }
}
