import { randomBytes } from "node:crypto";

/**
 * Who may frame a response. Every page says 'none'; a file-preview route that the app embeds in
 * its own pages (an <iframe> of /files/…/preview) passes 'self' to setSecurityHeaders for its
 * response (a resource route's Response does not pass through entry.server.tsx).
 */
export type FrameAncestors = "'none'" | "'self'";

/** 128 random bits, base64: a fresh CSP nonce for one response. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy of an HTML page: scripts only from this origin or inline with this
 * response's nonce (Remix's hydration and scroll-restoration scripts), no plugins, no <base>
 * elsewhere, forms post only here, nobody frames it. Styles allow 'unsafe-inline' because React
 * components set style attributes (style={{ … }}); no script runs through them. Without a nonce
 * (a `.data` response, a file) nothing at all may run or load.
 * In development Vite's HMR also needs its WebSocket (ws:) and injects <style> tags.
 */
export function contentSecurityPolicy(
  options: { nonce?: string; frameAncestors?: FrameAncestors; development?: boolean } = {},
): string {
  const frameAncestors = `frame-ancestors ${options.frameAncestors ?? "'none'"}`;
  if (!options.nonce) return ["default-src 'none'", frameAncestors, "base-uri 'none'", "form-action 'none'"].join("; ");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    options.development ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    frameAncestors,
  ].join("; ");
}

/**
 * Headers on every page and `.data` response: the CSP above, no sniffing, no framing
 * (X-Frame-Options for old browsers, CSP frame-ancestors for current ones), no Referer to other
 * sites, and no caching: pages show case data to signed-in users, and a shared or back-button
 * cache must not keep it.
 */
export function setSecurityHeaders(
  headers: Headers,
  options: { nonce?: string; frameAncestors?: FrameAncestors } = {},
): void {
  const frameAncestors = options.frameAncestors ?? "'none'";
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "same-origin");
  headers.set("X-Frame-Options", frameAncestors === "'self'" ? "SAMEORIGIN" : "DENY");
  headers.set(
    "Content-Security-Policy",
    contentSecurityPolicy({ ...options, frameAncestors, development: process.env.NODE_ENV === "development" }),
  );
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
}
