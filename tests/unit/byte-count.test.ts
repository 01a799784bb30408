import { describe, expect, test } from "vitest";
import { formatFileSize } from "~/components/portal";
import { createT } from "~/i18n";
import { byteCount } from "~/utils/bytes";

// File sizes are BigInt columns; loaders convert them with byteCount, pages format the number.

describe("byteCount", () => {
  test("converts a bigint size beyond 32 bits exactly", () => {
    expect(byteCount(3n * 1024n ** 3n)).toBe(3221225472);
    expect(byteCount(2n ** 53n - 1n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(byteCount(0n)).toBe(0);
  });

  test("refuses what is not an exact, non-negative byte count", () => {
    expect(() => byteCount(2n ** 53n + 1n)).toThrow(RangeError);
    expect(() => byteCount(-1n)).toThrow(RangeError);
  });
});

describe("formatFileSize", () => {
  test("shows bytes, KB, MB and GB in both locales", () => {
    const zh = createT("zh-CN");
    const en = createT("en");
    expect(formatFileSize(512, zh)).toBe("512 字节");
    expect(formatFileSize(2048, en)).toBe("2.0 KB");
    expect(formatFileSize(5 * 1024 ** 2, en)).toBe("5.0 MB");
    expect(formatFileSize(byteCount(3n * 1024n ** 3n), zh)).toBe("3.0 GB");
    expect(formatFileSize(byteCount(3n * 1024n ** 3n), en)).toBe("3.0 GB");
  });
});
