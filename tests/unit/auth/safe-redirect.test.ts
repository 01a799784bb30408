import { describe, expect, test } from "vitest";
import { safeRedirect } from "~/domain/auth/schemas";

const FALLBACK = "/cases";

describe("safeRedirect", () => {
  test.each(["/", "/cases", "/cases/abc?tab=evidence#top", "/public/hearings/2024-01", "/a//b"])("keeps the same-site path %j", (to) => {
    expect(safeRedirect(to, FALLBACK)).toBe(to);
  });

  // Every one of these would leave the site (or is no path at all) once a browser resolves it.
  test.each([
    "//evil.example",
    "//evil.example/cases",
    "/\\evil.example",
    "/\\/evil.example",
    "https://evil.example/",
    "http:/evil.example",
    "javascript:alert(1)",
    "data:text/html,hi",
    "evil.example",
    "\\\\evil.example",
    " /cases",
    "",
    // Browsers drop tabs and newlines while parsing a URL: "/\t/x" becomes "//x".
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
  ])("refuses %j", (to) => {
    expect(safeRedirect(to, FALLBACK)).toBe(FALLBACK);
  });

  test.each([undefined, null, 42, {}, ["/cases"]])("refuses the non-string %j", (to) => {
    expect(safeRedirect(to, FALLBACK)).toBe(FALLBACK);
  });

  test("whatever it returns stays on the site when resolved like a browser would", () => {
    const base = "https://procura.example/login";
    const tries = ["/ok", "//x.example", "/\\x.example", "/\t/x.example", "/%2F/x.example", "/.//x.example", "/..//x.example"];
    for (const to of tries) {
      expect(new URL(safeRedirect(to, FALLBACK), base).origin, to).toBe("https://procura.example");
    }
  });
});
