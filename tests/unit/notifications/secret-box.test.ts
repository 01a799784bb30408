import { describe, expect, test } from "vitest";
import { deriveSettingsKey, isSealedLike, openSecret, sealSecret } from "~/utils/secret-box.server";

// The SMTP password's seal (AES-256-GCM under an HKDF-derived key, decision 0023).

const key = deriveSettingsKey("a-session-secret-of-this-installation-0123456789");
const ctx = "ReminderSettings.smtpPassword:proc-1";

describe("sealSecret / openSecret", () => {
  test("round trip, in the versioned form, never the clear text", () => {
    for (const plain of ["s3cret!", "密码：口令 123", "", "v1:looks:like:a-seal", "x".repeat(200)]) {
      const sealed = sealSecret(plain, ctx, key);
      expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]*$/);
      if (plain.length > 3) expect(sealed).not.toContain(plain);
      expect(openSecret(sealed, ctx, key)).toEqual({ status: "sealed", value: plain });
    }
  });

  test("a fresh IV each time: the same password seals differently", () => {
    expect(sealSecret("same", ctx, key)).not.toBe(sealSecret("same", ctx, key));
  });

  test("tampering is detected: any changed part does not open", () => {
    const sealed = sealSecret("s3cret!", ctx, key);
    const [v, iv, tag, body] = sealed.split(":") as [string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString("base64url");
    };
    expect(openSecret([v, flip(iv), tag, body].join(":"), ctx, key)).toEqual({ status: "unreadable" });
    expect(openSecret([v, iv, flip(tag), body].join(":"), ctx, key)).toEqual({ status: "unreadable" });
    expect(openSecret([v, iv, tag, flip(body)].join(":"), ctx, key)).toEqual({ status: "unreadable" });
    expect(openSecret([v, iv, tag, body.slice(0, -2)].join(":"), ctx, key)).toEqual({ status: "unreadable" });
  });

  test("moved to another row (another context) it does not open", () => {
    const sealed = sealSecret("s3cret!", ctx, key);
    expect(openSecret(sealed, "ReminderSettings.smtpPassword:proc-2", key)).toEqual({ status: "unreadable" });
  });

  test("a wrong key (the secret changed) gives unreadable, never an exception or garbage", () => {
    const sealed = sealSecret("s3cret!", ctx, key);
    const other = deriveSettingsKey("another-secret-after-rotation-0123456789abcdef");
    expect(openSecret(sealed, ctx, other)).toEqual({ status: "unreadable" });
  });

  test("a legacy clear value is read as it is (to be sealed on the next write)", () => {
    expect(openSecret("plain-old-password", ctx, key)).toEqual({ status: "legacy", value: "plain-old-password" });
    expect(openSecret("a:b:c", ctx, key)).toEqual({ status: "legacy", value: "a:b:c" });
    // A value in the sealed shape (this or a later version) is never taken for a clear password.
    expect(isSealedLike("v2:AAAA:BBBB:CCCC")).toBe(true);
    expect(openSecret("v2:AAAA:BBBB:CCCC", ctx, key)).toEqual({ status: "unreadable" });
  });

  test("the key is derived, 32 bytes, stable for the same material and different for another", () => {
    expect(key).toHaveLength(32);
    expect(deriveSettingsKey("a-session-secret-of-this-installation-0123456789").equals(key)).toBe(true);
    expect(deriveSettingsKey("a-session-secret-of-this-installation-012345678X").equals(key)).toBe(false);
    expect(() => deriveSettingsKey("")).toThrow();
  });
});
