import Database from "better-sqlite3";
import { beforeAll, describe, expect, test } from "vitest";
import { callLoader, cookieFor, createProcuratorate, createUser, request } from "#tests/factories";
import { caseListFilterSchema } from "~/domain/case/schemas";
import { bigrams } from "~/domain/search/bigrams";
import { parseSearchTerms } from "~/domain/search/query";
import { listCases } from "~/models/case.server";
import { BIGRAMS_SQL, rebuildCaseCounts, rebuildSearchIndex } from "~/models/search-index.server";
import { searchCaseHits, searchClueHits, searchEvidenceHits } from "~/models/search.server";
import { loader as searchLoader } from "~/routes/_staff.search";
import { prisma } from "~/utils/db.server";

// The full-text index and the case counters of migration 20261201050001 are kept by triggers:
// every insert, change and delete (also by cascade, also an agency's rename) shows in the next
// search, a rebuild from scratch finds exactly what the triggers kept, and the counters always
// equal a count of the cases. Search is scoped to the procuratorate and reads the user's text
// literally (never as FTS syntax).

const caseIds = async (pid: string, q: string) => (await searchCaseHits(pid, parseSearchTerms(q))).items.map((c) => c.id).sort();
const evidenceIds = async (pid: string, q: string) =>
  (await searchEvidenceHits(pid, parseSearchTerms(q))).items.map((e) => e.id).sort();
const clueIds = async (pid: string, q: string) => (await searchClueHits(pid, parseSearchTerms(q))).items.map((c) => c.id).sort();

let pid: string;
let otherPid: string;
let leadId: string;
let agencyId: string;

beforeAll(async () => {
  pid = (await createProcuratorate({ name: "检索测试县人民检察院", shortName: "检" })).id;
  otherPid = (await createProcuratorate({ name: "检索对照县人民检察院", shortName: "照" })).id;
  leadId = (await createUser({ role: "prosecutor", procuratorateId: pid })).id;
  agencyId = (await prisma.agency.create({ data: { procuratorateId: pid, name: "检索测试县城市管理局", shortName: "县城管局" } })).id;
});

const newCase = (title: string, extra: Record<string, unknown> = {}) =>
  prisma.case.create({
    data: { procuratorateId: pid, leadProsecutorId: leadId, field: "ecology", title, ...extra },
    select: { id: true },
  });

describe("the search index follows every write", () => {
  test("a new case is found by two-character, longer and one-character terms, and by its agency's names", async () => {
    const { id } = await newCase("菜市场废弃口罩随意丢弃案", { summary: "群众反映农贸市场周边废弃口罩堆放", respondentAgencyId: agencyId });
    expect(await caseIds(pid, "口罩")).toEqual([id]);
    expect(await caseIds(pid, "废弃口罩")).toEqual([id]);
    expect(await caseIds(pid, "农贸市场")).toEqual([id]); // from the summary
    expect(await caseIds(pid, "城市管理局")).toEqual([id]);
    expect(await caseIds(pid, "县城管局")).toEqual([id]);
    expect(await caseIds(pid, "罩")).toEqual([id]);
    expect(await caseIds(pid, "口罩 菜市场")).toEqual([id]); // every term must appear
    expect(await caseIds(pid, "口罩 污水")).toEqual([]);
  });

  test("a changed title, a renamed agency and a deleted case are reflected at once", async () => {
    const { id } = await newCase("河道污水直排案", { respondentAgencyId: agencyId });
    expect(await caseIds(pid, "污水")).toEqual([id]);
    await prisma.case.update({ where: { id }, data: { title: "河道垃圾倾倒案" } });
    expect(await caseIds(pid, "污水")).toEqual([]);
    expect(await caseIds(pid, "垃圾")).toEqual([id]);

    await prisma.agency.update({ where: { id: agencyId }, data: { name: "检索测试县综合行政执法局" } });
    expect(await caseIds(pid, "城市管理局")).toEqual([]);
    expect((await caseIds(pid, "综合行政执法")).includes(id)).toBe(true);

    // A state change does not touch the searched text (the trigger fires only on its columns).
    await prisma.case.update({ where: { id }, data: { state: "filed", filedOn: "2026-11-20" } });
    expect(await caseIds(pid, "垃圾")).toEqual([id]);

    await prisma.case.delete({ where: { id } });
    expect(await caseIds(pid, "垃圾")).toEqual([]);
    expect(await prisma.$queryRaw<unknown[]>`SELECT 1 FROM "SearchDoc" WHERE "entityId" = ${id}`).toEqual([]);
  });

  test("evidence is found with the case it belongs to, and leaves with it (cascade)", async () => {
    const kase = await newCase("公共场所口罩处置监管案");
    const e = await prisma.evidence.create({
      data: { caseId: kase.id, ordinal: 1, title: "现场照片：公交站台废弃口罩", kind: "audiovisual", description: "拍摄于站台垃圾桶旁", createdById: leadId },
    });
    const hits = await searchEvidenceHits(pid, parseSearchTerms("垃圾桶"));
    expect(hits.items).toEqual([expect.objectContaining({ id: e.id, caseId: kase.id, caseTitle: "公共场所口罩处置监管案", ordinal: 1 })]);
    await prisma.evidence.update({ where: { id: e.id }, data: { description: "拍摄于站台花坛旁" } });
    expect(await evidenceIds(pid, "垃圾桶")).toEqual([]);
    expect(await evidenceIds(pid, "花坛")).toEqual([e.id]);
    await prisma.case.delete({ where: { id: kase.id } });
    expect(await evidenceIds(pid, "花坛")).toEqual([]);
  });

  test("clues are found by number, summary and place", async () => {
    const clue = await prisma.clue.create({
      data: {
        procuratorateId: pid, number: "2026-检线-001", source: "report", receivedOn: "2026-11-20",
        summary: "反映小区油烟扰民", field: "ecology", location: "龙潭街道", registeredById: leadId,
      },
    });
    expect(await clueIds(pid, "油烟")).toEqual([clue.id]);
    expect(await clueIds(pid, "龙潭街道")).toEqual([clue.id]);
    expect(await clueIds(pid, "检线-001")).toEqual([clue.id]);
  });

  test("another procuratorate's records are never found, and the text is never read as query syntax", async () => {
    const mine = await newCase("饮用水源保护区违建案");
    await prisma.case.create({ data: { procuratorateId: otherPid, leadProsecutorId: leadId, field: "ecology", title: "饮用水源保护区违建案" } });
    expect(await caseIds(pid, "饮用水源")).toEqual([mine.id]);
    for (const q of ['"饮用水源', "饮用 OR 水源", "饮用水源*", "NEAR(饮用 水源)", "body:饮用水源", "^饮用", "AND", '""', "-- ;"]) {
      await expect(searchCaseHits(pid, parseSearchTerms(q))).resolves.toBeDefined();
    }
    expect(await caseIds(pid, "饮用 OR 水源")).toEqual([]); // OR is a term that must appear, not an operator
  });
});

describe("rebuilds and counters", () => {
  test("the bigram split in SQL (triggers) and in JavaScript (rebuild) agree", () => {
    const db = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), { readonly: true });
    try {
      const stmt = db.prepare(`SELECT ${BIGRAMS_SQL} AS b FROM (SELECT ? AS "body") v`);
      for (const body of ["口罩", "2026-行公-001 废弃口罩 堆放", "a  b", "𠮷野家 饮用水", "单", "", "x y z", "罩 ".repeat(20)]) {
        expect((stmt.get(body) as { b: string | null }).b ?? "").toBe(bigrams(body));
      }
    } finally {
      db.close();
    }
  });

  test("a rebuild from scratch finds what the triggers kept, and the counters equal a count", async () => {
    const terms = ["口罩", "废弃口罩", "垃圾", "花坛", "油烟", "饮用水源", "综合行政执法", "罩", "行公"];
    const snapshot = async () =>
      Object.fromEntries(
        await Promise.all(
          terms.map(async (q) => [q, [await caseIds(pid, q), await evidenceIds(pid, q), await clueIds(pid, q)]] as const),
        ),
      );
    const before = await snapshot();
    const counts = () =>
      prisma.$queryRaw<unknown[]>`SELECT "procuratorateId", "state", "urgent", "n" FROM "CaseCount" WHERE "n" > 0 ORDER BY 1, 2, 3`;
    const years = () =>
      prisma.$queryRaw<unknown[]>`SELECT "procuratorateId", "year", "filed", "closed" FROM "CaseYearCount"
        WHERE "filed" > 0 OR "closed" > 0 ORDER BY 1, 2`;
    const kept = [await counts(), await years()];
    const actual = await prisma.$queryRaw<unknown[]>`
      SELECT "procuratorateId", "state", "urgent", COUNT(*) AS "n" FROM "Case" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
    expect(JSON.stringify(kept[0], (_k, v) => (typeof v === "bigint" ? Number(v) : v))).toBe(
      JSON.stringify(actual, (_k, v) => (typeof v === "bigint" ? Number(v) : v)),
    );

    const db = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""));
    try {
      rebuildSearchIndex(db);
      rebuildCaseCounts(db);
    } finally {
      db.close();
    }
    expect(await snapshot()).toEqual(before);
    expect([await counts(), await years()]).toEqual(kept);
  });
});

describe("the case list and /search", () => {
  test("the list's search keeps its filters; a bad page reads as the last one", async () => {
    const hit = await newCase("学校周边口罩售卖监管案", { state: "rectification", urgent: true });
    const filter = (q: Record<string, string>) => caseListFilterSchema.parse(q);
    const all = await listCases(pid, filter({ q: "口罩" }));
    expect(all.items.map((c) => c.id)).toContain(hit.id);
    const narrowed = await listCases(pid, filter({ q: "口罩", state: "rectification" }));
    expect(narrowed.items.map((c) => c.id)).toEqual([hit.id]);
    const far = await listCases(pid, filter({ q: "口罩", page: "10000" }));
    expect(far).toMatchObject({ mode: "search", page: 1, pages: 1 });
  });

  test("/search shows each kind for staff, nothing of another procuratorate, and an empty state", async () => {
    const cookie = await cookieFor("prosecutor");
    const demo = await prisma.user.findUniqueOrThrow({ where: { username: "prosecutor" }, select: { procuratorateId: true } });
    const theirs = await prisma.case.create({
      data: { procuratorateId: otherPid, leadProsecutorId: leadId, field: "ecology", title: "检索隔离测试专用案由甲乙" },
    });
    const load = async (path: string) => {
      const result = await callLoader(searchLoader, request(path, { cookie }));
      if (result.kind !== "data") throw new Error(`expected data, got ${result.kind}`);
      expect(result.status).toBe(200);
      return result.data;
    };
    expect(JSON.stringify(await load("/search?q=检索隔离测试专用"))).not.toContain(theirs.id);

    const demoCase = await prisma.case.findFirstOrThrow({ where: { procuratorateId: demo.procuratorateId! }, select: { id: true, title: true } });
    expect(JSON.stringify(await load(`/search?q=${encodeURIComponent(demoCase.title)}&kind=case`))).toContain(demoCase.id);
    expect(await load("/search")).toMatchObject({ results: null });
    expect(await load("/search?q=口罩&kind=bogus&page=-3")).toMatchObject({ query: { kind: "all", page: 1 } });
  });
});
