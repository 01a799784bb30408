import { describe, expect, test } from "vitest";
import {
  contentDisposition,
  etagMatches,
  etagOf,
  fileContentSecurityPolicy,
  parseRange,
  safeMimeType,
  servesInline,
} from "~/domain/evidence/file-serving";

describe("parseRange (single ranges, RFC 9110 §14)", () => {
  test.each([
    ["bytes=0-99", 1000, { start: 0, end: 99 }],
    ["bytes=100-", 1000, { start: 100, end: 999 }],
    ["bytes=-100", 1000, { start: 900, end: 999 }],
    ["bytes=-5000", 1000, { start: 0, end: 999 }], // the whole file when n exceeds it
    ["bytes=990-5000", 1000, { start: 990, end: 999 }], // clamped to the last byte
    ["bytes=999-999", 1000, { start: 999, end: 999 }],
    [" bytes = 5 - 9 ", 1000, { start: 5, end: 9 }],
  ])("%s of %i bytes", (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });

  test.each([
    ["bytes=1000-", 1000],
    ["bytes=1000-1001", 1000],
    ["bytes=-0", 1000],
    ["bytes=0-", 0],
    ["bytes=-1", 0],
  ])("%s of %i bytes is unsatisfiable", (header, size) => {
    expect(parseRange(header, size)).toBe("unsatisfiable");
  });

  test.each([null, "", "bytes=", "bytes=-", "items=0-1", "bytes=5-1", "bytes=0-1,5-9", "bytes=a-b", "bytes=0x1-2"])(
    "%j is ignored (whole file)",
    (header) => {
      expect(parseRange(header as string | null, 1000)).toBeNull();
    },
  );
});

describe("inline or attachment", () => {
  test.each(["image/png", "image/jpeg", "application/pdf", "audio/mpeg", "video/mp4", "IMAGE/WEBP"])("%s opens inline", (type) => {
    expect(servesInline(type)).toBe(true);
    expect(servesInline(type, true)).toBe(false); // ?download=1
  });

  test.each(["image/svg+xml", "text/html", "application/zip", "application/octet-stream", "text/plain", "not a type", "image/png; x=<"])(
    "%s is an attachment",
    (type) => {
      expect(servesInline(type)).toBe(false);
    },
  );

  test("a malformed type is served as octet-stream", () => {
    expect(safeMimeType("image/png\r\nX-Evil: 1")).toBe("application/octet-stream");
    expect(safeMimeType(" Image/PNG ")).toBe("image/png");
  });
});

describe("Content-Disposition", () => {
  test("a Chinese name goes in filename* (RFC 8187) with an ASCII fallback", () => {
    const value = contentDisposition("attachment", "现场照片-20260312-01.svg");
    expect(value).toBe(
      `attachment; filename="____-20260312-01.svg"; filename*=UTF-8''${encodeURIComponent("现场照片")}-20260312-01.svg`,
    );
  });

  test("quotes, backslashes, controls and RFC 8187's excluded characters are escaped", () => {
    const value = contentDisposition("inline", 'a"b\\c\r\n(d)*\'.pdf');
    expect(value).toBe(`inline; filename="a_b_c(d)*'.pdf"; filename*=UTF-8''a%22b%5Cc%28d%29%2A%27.pdf`);
    expect(value).not.toMatch(/[\r\n]/);
  });

  test("an empty name becomes 'file'", () => {
    expect(contentDisposition("attachment", " \u0000 ")).toBe(`attachment; filename="file"; filename*=UTF-8''file`);
  });
});

describe("CSP and ETag", () => {
  test("every file but an inline PDF is sandboxed; nothing may load from elsewhere", () => {
    for (const [type, inline] of [["image/png", true], ["image/svg+xml", false], ["application/pdf", false], ["video/mp4", true]] as const) {
      const csp = fileContentSecurityPolicy(type, inline);
      expect(csp.split("; ")[0]).toBe("sandbox");
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toMatch(/script-src/);
    }
    const pdf = fileContentSecurityPolicy("application/pdf", true);
    expect(pdf).not.toContain("sandbox");
    expect(pdf).toContain("default-src 'none'");
    expect(pdf).toContain("style-src 'unsafe-inline'");
    expect(pdf).toContain("frame-ancestors 'self'");
  });

  test("If-None-Match compares the quoted hash, weak or strong, and *", () => {
    const etag = etagOf("ab".repeat(32));
    expect(etagMatches(etag, etag)).toBe(true);
    expect(etagMatches(`"x", W/${etag}`, etag)).toBe(true);
    expect(etagMatches("*", etag)).toBe(true);
    expect(etagMatches('"other"', etag)).toBe(false);
    expect(etagMatches(null, etag)).toBe(false);
  });
});
