import { describe, expect, test } from "vitest";
import type { ExhibitRow } from "~/domain/evidence/exhibit-list";
import { exhibitLines, exhibitTotals, splitNames } from "~/domain/evidence/exhibit-list";

const HASH_A = "a".repeat(64);
const HASH_B = "b".repeat(64);
const HASH_C = "c".repeat(64);

const rows: ExhibitRow[] = [
  {
    ordinal: 2,
    kind: "audiovisual",
    title: "河道现场照片",
    collectedOn: "2026-10-09",
    collectedPlace: "桂阳县欧阳海河段",
    isOriginal: true,
    collectors: [{ displayName: "周立新" }, { displayName: "陈雨桐" }],
    otherCollectors: "李监测、王技术员；赵师傅",
    files: [
      {
        id: "f2",
        originalName: "photo-redacted.jpg",
        sha256: HASH_B,
        size: 2048n,
        mimeType: "image/jpeg",
        redactionOfId: "f1",
        createdAt: new Date("2026-10-10T02:00:00Z"),
      },
      {
        id: "f1",
        originalName: "photo.jpg",
        sha256: HASH_A,
        size: 4096n,
        mimeType: "image/jpeg",
        redactionOfId: null,
        createdAt: new Date("2026-10-10T01:00:00Z"),
      },
    ],
  },
  {
    ordinal: 1,
    kind: "documentary",
    title: "排污许可证复印件",
    collectedOn: null,
    collectedPlace: null,
    isOriginal: false,
    collectors: [],
    otherCollectors: null,
    files: [
      {
        id: "f3",
        originalName: "permit.pdf",
        sha256: HASH_C,
        size: 100,
        mimeType: "application/pdf",
        redactionOfId: null,
        createdAt: new Date("2026-10-01T00:00:00Z"),
      },
    ],
  },
  {
    ordinal: 3,
    kind: "witness",
    title: "证人证言（尚未上传）",
    collectedOn: "2026-10-12",
    collectedPlace: null,
    isOriginal: true,
    collectors: [{ displayName: "陈雨桐" }],
    otherCollectors: "  ",
    files: [],
  },
];

const label = (kind: string) => `<${kind}>`;

describe("exhibit list (证据清单)", () => {
  test("numbers the lines by the items' ordinals, with kind labels, collection and collectors", () => {
    const lines = exhibitLines(rows, label);
    expect(lines.map((l) => [l.number, l.kindLabel, l.title])).toEqual([
      [1, "<documentary>", "排污许可证复印件"],
      [2, "<audiovisual>", "河道现场照片"],
      [3, "<witness>", "证人证言（尚未上传）"],
    ]);
    const photo = lines[1]!;
    expect(photo).toMatchObject({ kind: "audiovisual", collectedOn: "2026-10-09", collectedPlace: "桂阳县欧阳海河段", isOriginal: true });
    // Staff first (in name order), then the named outsiders as typed.
    expect(photo.collectors).toEqual(["陈雨桐", "周立新", "李监测", "王技术员", "赵师傅"]);
    expect(lines[2]!.collectors).toEqual(["陈雨桐"]);
    expect(lines[0]!.collectors).toEqual([]);
  });

  test("lists files oldest first with the full SHA-256, the size as a number, and the original of a redacted copy", () => {
    const photo = exhibitLines(rows, label)[1]!;
    expect(photo.files).toEqual([
      { name: "photo.jpg", sha256: HASH_A, size: 4096, mimeType: "image/jpeg", redactionOf: null },
      { name: "photo-redacted.jpg", sha256: HASH_B, size: 2048, mimeType: "image/jpeg", redactionOf: "photo.jpg" },
    ]);
    expect(photo.files[0]!.sha256).toHaveLength(64);
    expect(exhibitLines(rows, label)[2]!.files).toEqual([]);
  });

  test("totals the items, files and bytes", () => {
    expect(exhibitTotals(exhibitLines(rows, label))).toEqual({ items: 3, files: 3, bytes: 4096 + 2048 + 100 });
    expect(exhibitTotals([])).toEqual({ items: 0, files: 0, bytes: 0 });
  });

  test("splits the outsiders' names on the usual separators", () => {
    expect(splitNames("甲、乙,丙，丁;戊；己\n庚")).toEqual(["甲", "乙", "丙", "丁", "戊", "己", "庚"]);
    expect(splitNames(null)).toEqual([]);
    expect(splitNames(" 、 ")).toEqual([]);
  });
});
