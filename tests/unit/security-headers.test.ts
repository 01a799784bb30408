import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, createNonce, setSecurityHeaders } from "~/utils/security-headers.server";

describe("Content-Security-Policy", () => {
  test("a page: scripts from this origin or with the nonce only, never unsafe-inline; nobody frames it", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123" });
    const scriptSrc = /script-src ([^;]*)/.exec(csp)![1];
    expect(scriptSrc).toBe("'self' 'nonce-abc123'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain("ws:");
  });

  test("the file-preview hook: frame-ancestors 'self' and X-Frame-Options SAMEORIGIN", () => {
    const headers = new Headers();
    setSecurityHeaders(headers, { nonce: "n", frameAncestors: "'self'" });
    expect(headers.get("Content-Security-Policy")).toContain("frame-ancestors 'self'");
    expect(headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
    const page = new Headers();
    setSecurityHeaders(page, { nonce: "n" });
    expect(page.get("X-Frame-Options")).toBe("DENY");
  });

  test("development adds Vite's HMR WebSocket to connect-src, nothing to script-src", () => {
    const csp = contentSecurityPolicy({ nonce: "n", development: true });
    expect(csp).toContain("connect-src 'self' ws: wss:");
    expect(/script-src ([^;]*)/.exec(csp)![1]).toBe("'self' 'nonce-n'");
  });

  test("a fresh nonce each time, 128 bits", () => {
    const a = createNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(createNonce()).not.toBe(a);
  });
});
