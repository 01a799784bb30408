import { beforeAll, describe, expect, test } from "vitest";
import { callLoader, cookieFor, createProcuratorate, createUser, request } from "#tests/factories";
import { caseListFilterSchema, clueListFilterSchema, PAGE_SIZE } from "~/domain/case/schemas";
import {
  getCaseDocuments,
  getCaseEvidence,
  getCaseHeader,
  getCaseHearings,
  getCaseLog,
  getCaseOverview,
  getCaseServices,
} from "~/models/case-page.server";
import { CASE_CURSOR_ARITY, caseStats, listCases } from "~/models/case.server";
import { cursorFromUrl, encodeCursor } from "~/utils/keyset";
import { listConsultations } from "~/models/consultation.server";
import { listRecommendations } from "~/models/recommendation.server";
import { getClue, listClues } from "~/models/clue.server";
import { showClueInformant } from "~/models/clue-workflow.server";
import { getSeries, listSeries } from "~/models/series.server";
import { loader as caseLoader } from "~/routes/_staff.cases.$caseId";
import { loader as overviewLoader } from "~/routes/_staff.cases.$caseId._index";
import { loader as evidenceLoader } from "~/routes/_staff.cases.$caseId.evidence";
import { loader as logLoader } from "~/routes/_staff.cases.$caseId.log";
import { loader as casesLoader } from "~/routes/_staff.cases._index";
import { prisma } from "~/utils/db.server";

// The read models of the case screens on a copy of the seeded database: every query is scoped to
// the procuratorate (another one's record is 404), filters and search work (a % in the search term
// is literal), pages hold PAGE_SIZE rows, and informant data is masked for viewers outside the team.

const filter = (input: Record<string, string> = {}) => caseListFilterSchema.parse(input);

async function statusOfThrow(run: () => Promise<unknown>): Promise<number | null> {
  try {
    await run();
    return null;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

let gy: { id: string };
let cz: { id: string };

beforeAll(async () => {
  gy = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "桂" }, select: { id: true } });
  cz = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "郴" }, select: { id: true } });
});

describe("scoping to the procuratorate", () => {
  test("a case, clue or series of another procuratorate is not found (404)", async () => {
    const czCase = await prisma.case.findFirstOrThrow({ where: { procuratorateId: cz.id } });
    const czClue = await prisma.clue.findFirstOrThrow({ where: { procuratorateId: cz.id } });
    const czSeries = await prisma.caseSeries.findFirstOrThrow({ where: { procuratorateId: cz.id } });
    const viewer = await prisma.user.findUniqueOrThrow({ where: { username: "prosecutor" } });

    // Every tab of the case page reads through its own scoped query.
    const tabs = [
      (p: string, id: string) => getCaseHeader(p, id),
      (p: string, id: string) => getCaseOverview(p, id, viewer.id),
      getCaseEvidence,
      getCaseHearings,
      getCaseServices,
      getCaseDocuments,
      getCaseLog,
      listConsultations,
      listRecommendations,
    ];
    for (const read of tabs) {
      expect(await statusOfThrow(() => read(gy.id, czCase.id))).toBe(404);
      expect(await statusOfThrow(() => read(cz.id, czCase.id))).toBe(null);
    }
    expect(await statusOfThrow(() => getClue(gy.id, czClue.id, viewer.id))).toBe(404);
    expect(await statusOfThrow(() => getSeries(gy.id, czSeries.id))).toBe(404);
    expect(await statusOfThrow(() => getCaseOverview(gy.id, "no-such-case", viewer.id))).toBe(404);

    // The same ids are found in their own procuratorate.
    expect((await getCaseOverview(cz.id, czCase.id, viewer.id)).id).toBe(czCase.id);
    expect((await getClue(cz.id, czClue.id, viewer.id)).id).toBe(czClue.id);
    expect((await getSeries(cz.id, czSeries.id)).id).toBe(czSeries.id);
  });

  test("lists show only the procuratorate's own records", async () => {
    const [cases, clues, series] = await Promise.all([
      listCases(gy.id, filter()),
      listClues(gy.id, clueListFilterSchema.parse({})),
      listSeries(gy.id),
    ]);
    const own = await prisma.case.count({ where: { procuratorateId: gy.id } });
    expect(cases.total).toBe(own);
    const ids = cases.items.map((c) => c.id);
    expect(await prisma.case.count({ where: { id: { in: ids }, procuratorateId: { not: gy.id } } })).toBe(0);
    expect(clues.items.every((c) => !c.number.startsWith("郴"))).toBe(true);
    expect(await prisma.clue.count({ where: { id: { in: clues.items.map((c) => c.id) }, procuratorateId: cz.id } })).toBe(0);
    expect(await prisma.caseSeries.count({ where: { id: { in: series.map((s) => s.id) }, procuratorateId: cz.id } })).toBe(0);
  });

  test("the search never reaches another procuratorate's cases", async () => {
    const czCase = await prisma.case.findFirstOrThrow({ where: { procuratorateId: cz.id } });
    const ids = async (procuratorateId: string) =>
      (await listCases(procuratorateId, filter({ q: czCase.title }))).items.map((c) => c.id);
    expect(await ids(gy.id)).toEqual([]);
    expect(await ids(cz.id)).toEqual([czCase.id]);
  });
});

describe("the case work list", () => {
  let pid: string;
  let lead: { id: string };
  let seriesId: string;

  beforeAll(async () => {
    pid = (await createProcuratorate({ name: "列表测试县人民检察院", shortName: "列" })).id;
    lead = await createUser({ role: "prosecutor", procuratorateId: pid });
    const agency = await prisma.agency.create({ data: { procuratorateId: pid, name: "列表测试县水利局", shortName: "县水利局" } });
    seriesId = (await prisma.caseSeries.create({ data: { procuratorateId: pid, name: "列表测试系列案" } })).id;
    const base = { procuratorateId: pid, leadProsecutorId: lead.id, field: "ecology" };
    // 25 ordinary cases, updated one minute apart (the newest is number 25).
    for (let i = 1; i <= 25; i++) {
      await prisma.case.create({
        data: {
          ...base,
          number: `2026-列-${String(i).padStart(3, "0")}`,
          title: `普通案件 ${i}`,
          state: i <= 5 ? "closed" : i <= 10 ? "rectification" : "investigating",
          closedOn: i <= 5 ? "2026-03-01" : null,
          filedOn: "2026-01-15",
          updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
        },
      });
    }
    // Cases for filters and search.
    await prisma.case.create({
      data: {
        ...base,
        number: "2026-列-101",
        title: "饮用水源地达标率100%整改案",
        field: "public_health",
        state: "follow_up",
        seriesId,
        respondentAgencyId: agency.id,
        urgent: true,
        updatedAt: new Date(Date.UTC(2025, 0, 1)),
      },
    });
    await prisma.case.create({
      data: { ...base, number: "2026-列-102", title: "饮用水源地达标率1000元罚款案", field: "public_health", state: "follow_up", seriesId, updatedAt: new Date(Date.UTC(2025, 0, 2)) },
    });
    await prisma.case.create({
      data: { ...base, number: "2026-列-103", title: "河道采砂_未批先采案", state: "filed", updatedAt: new Date(Date.UTC(2025, 0, 3)) },
    });
    await prisma.case.create({
      data: { ...base, number: "2026-列-104", title: "河道采砂X未批先采案", state: "not_filed", updatedAt: new Date(Date.UTC(2025, 0, 4)) },
    });
  });

  const at = (qs: string) => cursorFromUrl(new URL(`http://procura.test/cases?${qs}`), CASE_CURSOR_ARITY);

  test("20 a page, most recently updated first, paged by keyset forward and back", async () => {
    const first = await listCases(pid, filter());
    expect(first.mode).toBe("browse");
    if (first.mode !== "browse") return;
    expect(first).toMatchObject({ total: 29, capped: false, prev: null });
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.items[0]!.number).toBe("2026-列-025");
    const times = first.items.map((c) => Date.parse(c.updatedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(first.next).toBeTruthy();

    const second = await listCases(pid, filter(), at(`after=${first.next}`));
    if (second.mode !== "browse") throw new Error("browse expected");
    expect(second.items).toHaveLength(9);
    expect(second.items.at(-1)!.number).toBe("2026-列-101");
    expect(second.next).toBeNull();
    const seen = new Set([...first.items, ...second.items].map((c) => c.id));
    expect(seen.size).toBe(29);

    // Back from the second page: the first page again, in the same order.
    const back = await listCases(pid, filter(), at(`before=${second.prev}`));
    if (back.mode !== "browse") throw new Error("browse expected");
    expect(back.items.map((c) => c.id)).toEqual(first.items.map((c) => c.id));
    expect(back.prev).toBeNull();

    // A cursor past the end is an empty page (with the way back); a bad one is the first page.
    const past = await listCases(pid, filter(), at(`after=${encodeCursor(["2000-01-01T00:00:00.000+00:00", ""])}`));
    expect(past.items).toEqual([]);
    const bad = await listCases(pid, filter(), at("after=not-a-cursor"));
    expect(bad.items.map((c) => c.id)).toEqual(first.items.map((c) => c.id));
  });

  test("the number and due sorts put cases without one last, across pages", async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listCases(pid, filter({ sort: "number" }), cursor ? at(`after=${cursor}`) : null);
      if (page.mode !== "browse") throw new Error("browse expected");
      all.push(...page.items.map((c) => c.number ?? "—"));
      cursor = page.next;
    } while (cursor);
    expect(all).toHaveLength(29);
    expect(all).toEqual([...all].sort());
  });

  test("filters by state, the active pseudo-state, field and series", async () => {
    expect((await listCases(pid, filter({ state: "rectification" }))).total).toBe(5);
    expect((await listCases(pid, filter({ state: "closed" }))).total).toBe(5);
    // Active: everything but closed and not_filed.
    expect((await listCases(pid, filter({ state: "active" }))).total).toBe(29 - 5 - 1);
    expect((await listCases(pid, filter({ field: "public_health" }))).total).toBe(2);
    const inSeries = await listCases(pid, filter({ series: seriesId }));
    expect(inSeries.items.map((c) => c.number).sort()).toEqual(["2026-列-101", "2026-列-102"]);
    expect(inSeries.items[0]!.series?.name).toBe("列表测试系列案");
    expect((await listCases(pid, filter({ series: "none" }))).total).toBe(27);
    // Another procuratorate's series id matches nothing here.
    const czSeries = await prisma.caseSeries.findFirstOrThrow({ where: { procuratorateId: cz.id } });
    expect((await listCases(pid, filter({ series: czSeries.id }))).total).toBe(0);
    // Filters combine.
    expect((await listCases(pid, filter({ state: "follow_up", field: "ecology" }))).total).toBe(0);
  });

  test("search matches 案由, case number and agency name; % and _ are literal", async () => {
    const numbers = async (q: string, extra: Record<string, string> = {}) =>
      (await listCases(pid, filter({ q, ...extra }))).items.map((c) => c.number).sort();

    expect(await numbers("100%")).toEqual(["2026-列-101"]);
    expect(await numbers("达标率100")).toEqual(["2026-列-101", "2026-列-102"]);
    expect(await numbers("%")).toEqual(["2026-列-101"]);
    expect(await numbers("采砂_")).toEqual(["2026-列-103"]);
    expect(await numbers("_")).toEqual(["2026-列-103"]);
    expect(await numbers("2026-列-10")).toEqual(["2026-列-101", "2026-列-102", "2026-列-103", "2026-列-104"]);
    expect(await numbers("列表测试县水利局")).toEqual(["2026-列-101"]);
    expect(await numbers("县水利局")).toEqual(["2026-列-101"]);
    // Terms separated by spaces must all appear (AND): "7" is in 普通案件 7 and 普通案件 17.
    expect(await numbers("  普通案件 7  ")).toEqual(["2026-列-007", "2026-列-017"]);
    expect(await numbers("没有这样的案件")).toEqual([]);
    expect(await numbers("达标率", { state: "follow_up", series: seriesId })).toEqual(["2026-列-101", "2026-列-102"]);
    const none = await listCases(pid, filter({ q: "没有这样的案件" }));
    expect(none).toMatchObject({ total: 0, page: 1, pages: 1, items: [] });
  });

  test("summary numbers", async () => {
    const stats = await caseStats(pid, "2026-11-26");
    expect(stats).toMatchObject({
      year: 2026,
      active: 23,
      urgentActive: 1,
      rectification: 5,
      followUp: 2,
      filedThisYear: 25,
      closedThisYear: 5,
    });
    const lastYear = await caseStats(pid, "2027-01-02");
    expect(lastYear).toMatchObject({ filedThisYear: 0, closedThisYear: 0, active: 23 });
  });
});

describe("the case page", () => {
  test("brings every part of a case, reads only, and masks the informant outside the team", async () => {
    const kase = await prisma.case.findFirstOrThrow({
      where: { procuratorateId: gy.id, number: "2022-行公-009" },
      include: { members: true, clue: true },
    });
    const lead = kase.leadProsecutorId;
    const chief = await prisma.user.findUniqueOrThrow({ where: { username: "chief" } });
    const before = await prisma.auditEvent.count();

    const forLead = await getCaseOverview(gy.id, kase.id, lead);
    const forChief = await getCaseOverview(gy.id, kase.id, chief.id);
    const [evidence, hearings, services, log] = await Promise.all([
      getCaseEvidence(gy.id, kase.id),
      getCaseHearings(gy.id, kase.id),
      getCaseServices(gy.id, kase.id),
      getCaseLog(gy.id, kase.id),
    ]);
    expect(await prisma.auditEvent.count()).toBe(before);

    // Masked by default, even for the lead, who may ask to see it (a recorded view).
    expect(forLead.informantRevealed).toBe(false);
    expect(forLead.mayRevealInformant).toBe(true);
    expect(forLead.clue?.informant?.masked).toBe(true);
    const shown = await getCaseOverview(gy.id, kase.id, lead, { showInformant: true });
    expect(shown.clue?.informant).toMatchObject({ name: kase.clue!.informantName, masked: false });
    expect(await prisma.auditEvent.count()).toBe(before + 1);
    expect(forChief.informantRevealed).toBe(false);
    expect(forChief.mayRevealInformant).toBe(false);
    expect(forChief.clue?.informant?.masked).toBe(true);
    const chiefView = JSON.stringify(forChief);
    expect(chiefView).not.toContain(kase.clue!.informantName!);
    if (kase.clue!.informantPhone) expect(chiefView).not.toContain(kase.clue!.informantPhone);
    if (kase.clue!.informantIdNumber) expect(chiefView).not.toContain(kase.clue!.informantIdNumber);

    // A case member other than the lead may see it in full too, when asking.
    const member = kase.members.find((m) => m.userId !== lead);
    if (member) expect((await getCaseOverview(gy.id, kase.id, member.userId, { showInformant: true })).informantRevealed).toBe(true);

    // The parts of the case page.
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.map((e) => e.ordinal)).toEqual([...evidence.map((e) => e.ordinal)].sort((a, b) => a - b));
    expect(hearings.length).toBeGreaterThan(0);
    const rec = services.recommendations[0]!;
    expect(rec.number).toMatch(/^桂检行公建〔2022〕\d+号$/);
    expect(rec.points.length).toBeGreaterThan(0);
    expect(rec.services.length).toBeGreaterThan(0);
    for (const reply of rec.replies) {
      expect(reply.status).not.toBe("draft");
      for (const answer of reply.answers) expect(rec.points.map((p) => p.ordinal)).toContain(answer.ordinal);
    }
    // The timeline lists each state change once (from CaseTransition), newest first.
    const moves = log.timeline.filter((e) => e.kind === "transition");
    expect(moves.length).toBe(await prisma.caseTransition.count({ where: { caseId: kase.id } }));
    expect(log.timeline.some((e) => e.kind === "event" && e.action === "case.transition")).toBe(false);
    const times = log.timeline.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  test("loader: a GET for a case of another procuratorate answers 404, its own 200", async () => {
    const cookie = await cookieFor("prosecutor");
    const czCase = await prisma.case.findFirstOrThrow({ where: { procuratorateId: cz.id } });
    const gyCase = await prisma.case.findFirstOrThrow({ where: { procuratorateId: gy.id } });
    const out = await callLoader(caseLoader, request(`/cases/${czCase.id}`, { cookie }), { caseId: czCase.id });
    expect(out.status).toBe(404);
    const own = await callLoader(caseLoader, request(`/cases/${gyCase.id}`, { cookie }), { caseId: gyCase.id });
    expect(own.status).toBe(200);
    // Each tab checks the scope itself: a tab URL of another procuratorate's case is 404 too.
    for (const [tab, loader] of [["", overviewLoader], ["/evidence", evidenceLoader], ["/log", logLoader]] as const) {
      expect((await callLoader(loader, request(`/cases/${czCase.id}${tab}`, { cookie }), { caseId: czCase.id })).status).toBe(404);
      expect((await callLoader(loader, request(`/cases/${gyCase.id}${tab}`, { cookie }), { caseId: gyCase.id })).status).toBe(200);
    }
  });

  test("loader: bad filter values in the query string are ignored, not an error", async () => {
    const cookie = await cookieFor("chief");
    const res = await callLoader(casesLoader, request("/cases?state=bogus&field=&page=-3&q=%25", { cookie }));
    expect(res.status).toBe(200);
    const body = res.kind === "data" ? (res.data as { filter: Record<string, unknown> }) : null;
    expect(body?.filter).toMatchObject({ state: undefined, field: undefined, page: 1, q: "%" });
  });
});

describe("clues", () => {
  test("status filter, counts per status and linked cases", async () => {
    const all = await listClues(gy.id, clueListFilterSchema.parse({}));
    const evaluating = await listClues(gy.id, clueListFilterSchema.parse({ status: "evaluating" }));
    expect(evaluating.items.every((c) => c.status === "evaluating")).toBe(true);
    expect(evaluating.total).toBe(all.statusCounts.evaluating ?? 0);
    expect(Object.values(all.statusCounts).reduce((a, b) => a + b, 0)).toBe(all.total);
    const dates = all.items.map((c) => c.receivedOn);
    expect([...dates].sort().reverse()).toEqual(dates);
    const filed = all.items.find((c) => c.status === "filed");
    expect(filed?.cases.length).toBeGreaterThan(0);
    // A source filter is counted (bounded); filters combine.
    const reports = await listClues(gy.id, clueListFilterSchema.parse({ source: "report" }));
    expect(reports.total).toBe(await prisma.clue.count({ where: { procuratorateId: gy.id, source: "report" } }));
    expect(reports.items.every((c) => c.source === "report")).toBe(true);
  });

  test("the register pages by keyset, newest received first, forward and back", async () => {
    const pid = (await createProcuratorate({ name: "线索翻页测试县人民检察院", shortName: "翻" })).id;
    const registrar = await createUser({ role: "prosecutor", procuratorateId: pid });
    for (let i = 1; i <= 25; i++) {
      await prisma.clue.create({
        data: {
          procuratorateId: pid, number: `2026-翻-${String(i).padStart(3, "0")}`, source: "report",
          // Two clues a day, so that equal dates meet at a page boundary.
          receivedOn: `2026-10-${String(Math.ceil(i / 2)).padStart(2, "0")}`,
          summary: `翻页测试线索 ${i}`, field: "ecology", registeredById: registrar.id,
        },
      });
    }
    const at = (qs: string) => cursorFromUrl(new URL(`http://procura.test/clues?${qs}`), 2);
    const first = await listClues(pid, clueListFilterSchema.parse({}));
    expect(first).toMatchObject({ total: 25, prev: null });
    expect(first.items).toHaveLength(PAGE_SIZE);
    const second = await listClues(pid, clueListFilterSchema.parse({}), at(`after=${first.next}`));
    expect(second.items).toHaveLength(5);
    expect(second.next).toBeNull();
    expect(new Set([...first.items, ...second.items].map((c) => c.id)).size).toBe(25);
    const dates = [...first.items, ...second.items].map((c) => c.receivedOn);
    expect([...dates].sort().reverse()).toEqual(dates);
    const back = await listClues(pid, clueListFilterSchema.parse({}), at(`before=${second.prev}`));
    expect(back.items.map((c) => c.id)).toEqual(first.items.map((c) => c.id));
  });

  test("the informant is always masked on read; the registrar and the assignee may show it (audited)", async () => {
    const clue = await prisma.clue.findFirstOrThrow({
      where: { procuratorateId: gy.id, informantName: { not: null }, assigneeId: { not: null } },
    });
    const stranger = await createUser({ role: "prosecutor", procuratorateId: gy.id });
    const forRegistrar = await getClue(gy.id, clue.id, clue.registeredById);
    const forAssignee = await getClue(gy.id, clue.id, clue.assigneeId!);
    const forStranger = await getClue(gy.id, clue.id, stranger.id);
    for (const view of [forRegistrar, forAssignee, forStranger]) {
      expect(view.informant?.masked).toBe(true);
      expect(JSON.stringify(view)).not.toContain(clue.informantName!);
      expect(view).not.toHaveProperty("informantName");
    }
    expect([forRegistrar.mayShowInformant, forAssignee.mayShowInformant, forStranger.mayShowInformant]).toEqual([true, true, false]);
    // Showing it is the audited action of the clue page (tests/integration/clue-workflow.test.ts).
    expect(await showClueInformant(gy.id, clue.id, clue.assigneeId!)).toMatchObject({ name: clue.informantName, masked: false });
  });
});

describe("series", () => {
  test("case counts per state and hearings per series; the series page shows each case's recommendation", async () => {
    const list = await listSeries(gy.id);
    const masks = list.find((s) => s.name.includes("废弃口罩"));
    expect(masks).toBeDefined();
    const inDb = await prisma.case.groupBy({ by: ["state"], where: { seriesId: masks!.id }, _count: { _all: true } });
    expect(masks!.byState).toEqual(Object.fromEntries(inDb.map((r) => [r.state, r._count._all])));
    expect(masks!.cases).toBe(inDb.reduce((a, r) => a + r._count._all, 0));
    expect(masks!.hearings).toBe(await prisma.hearing.count({ where: { seriesId: masks!.id } }));

    const detail = await getSeries(gy.id, masks!.id);
    expect(detail.cases).toHaveLength(masks!.cases);
    expect(detail.hearings.length).toBe(masks!.hearings);
    for (const c of detail.cases) {
      expect(c.recommendation?.number).toMatch(/^桂检行公建〔2022〕\d+号$/);
      expect(["replied", "assessed", "closed", "awaiting"]).toContain(c.reply);
    }
  });
});
