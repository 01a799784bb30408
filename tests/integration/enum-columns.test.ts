import { describe, expect, test } from "vitest";
import { ENUM_COLUMNS as COLUMNS } from "#tests/support/enum-columns";
import { EVIDENCE_KINDS } from "~/domain/evidence/kinds";
import { prisma } from "~/utils/db.server";

// Every enumerated column of the seeded demo database holds only values of its zod enum in
// app/domain: a seed (or a model) that writes a new literal fails here until the enum, and with
// it the labels and the rules, know the value. `seeded` columns must also hold at least one value,
// so the check cannot pass on an empty table. The list: tests/support/enum-columns.ts.

async function distinctValues(table: string, column: string): Promise<string[]> {
  // Identifiers come from the fixed list, never from input.
  const rows = await prisma.$queryRawUnsafe<{ v: string }[]>(
    `SELECT DISTINCT "${column}" AS v FROM "${table}" WHERE "${column}" IS NOT NULL ORDER BY 1`,
  );
  return rows.map((r) => r.v);
}

describe("enumerated columns of the seeded demo hold only their enum's values", () => {
  test.each(COLUMNS)("$table.$column", async ({ table, column, values, seeded }) => {
    const found = await distinctValues(table, column);
    expect(found.filter((v) => !values.includes(v)), `values of ${table}.${column} missing from its enum`).toEqual([]);
    if (seeded) expect(found.length, `${table}.${column} has no seeded value`).toBeGreaterThan(0);
  });

  test("a value outside the enum is caught", async () => {
    const evidence = await prisma.evidence.findFirstOrThrow({ select: { id: true, kind: true } });
    await prisma.evidence.update({ where: { id: evidence.id }, data: { kind: "photo" } });
    try {
      const found = await distinctValues("Evidence", "kind");
      expect(found.filter((v) => !(EVIDENCE_KINDS as readonly string[]).includes(v))).toEqual(["photo"]);
    } finally {
      await prisma.evidence.update({ where: { id: evidence.id }, data: { kind: evidence.kind } });
    }
  });
});
