import { beforeAll, describe, expect, test } from "vitest";
import { callLoader, cookieFor, createProcuratorate, createUser, request } from "#tests/factories";
import type { BoardFilter } from "~/domain/deadlines/board";
import { formatBoundedCount, parseBoardQuery } from "~/domain/deadlines/board";
import type { BoardPage } from "~/models/deadline-board.server";
import { countBoard, deadlineBoard, deadlineBoardCounts, deadlineBoardPage } from "~/models/deadline-board.server";
import { refreshDeadlines } from "~/models/deadline.server";
import { addHolidayOverride, deleteHolidayOverride } from "~/models/holiday.server";
import { myOverdueCount } from "~/models/shell.server";
import { prisma } from "~/utils/db.server";

// The paged deadline board (keyset on dueOn, id), its filters and bounded counts, its scope, and
// the bulk recompute of a holiday override, which must equal a full refresh.

const TODAY = "2026-11-20";
const all: BoardFilter = { status: "all", scope: "all", days: 7 };

let P: string;
let Q: string;
let leadId: string;
let otherId: string;
let adminId: string;
let seq = 0;

/** Filed cases with no 立案决定书 served: each has a filing_decision_service deadline, 7 days on (规则 Art 70). */
async function filedCases(procuratorateId: string, lead: string, filedOn: string, n: number, extra: { state?: string } = {}) {
  const data = Array.from({ length: n }, () => {
    seq += 1;
    return {
      procuratorateId,
      number: `板-${seq}`,
      title: `期限看板测试案件 ${seq}`,
      field: "ecology",
      state: extra.state ?? "filed",
      filedOn,
      leadProsecutorId: lead,
    };
  });
  await prisma.case.createMany({ data });
  return prisma.case.findMany({ where: { procuratorateId, number: { in: data.map((d) => d.number) } }, select: { id: true } });
}

async function walkForward(filter: BoardFilter, options: { userId?: string; mineStrategy?: "walk" | "drive" } = {}) {
  const pages: BoardPage[] = [];
  let cursor: { dir: "after"; dueOn: string; id: string } | null = null;
  for (;;) {
    const page: BoardPage = await deadlineBoardPage(P, { filter, cursor, today: TODAY, ...options });
    pages.push(page);
    if (!page.next) break;
    const [dueOn, id] = page.next.split("~");
    cursor = { dir: "after", dueOn: dueOn!, id: id! };
  }
  return pages;
}

function cursorOf(token: string, dir: "after" | "before") {
  const [dueOn, id] = token.split("~");
  return { dir, dueOn: dueOn!, id: id! };
}

async function snapshot(procuratorateId: string) {
  const rows = await prisma.deadline.findMany({
    where: { procuratorateId },
    orderBy: { key: "asc" },
    select: {
      key: true,
      kind: true,
      triggerOn: true,
      dueOn: true,
      periodEndOn: true,
      pausedSince: true,
      pausedDaysLeft: true,
      steps: true,
      basis: true,
      extended: true,
      missingYears: true,
      cases: { select: { caseId: true, ordinal: true }, orderBy: { ordinal: "asc" } },
    },
  });
  const cases = await prisma.case.findMany({ where: { procuratorateId }, orderBy: { id: "asc" }, select: { id: true, nextDueOn: true } });
  return { rows, cases };
}

beforeAll(async () => {
  P = (await createProcuratorate({ name: "看板县人民检察院", shortName: "板" })).id;
  Q = (await createProcuratorate({ name: "他院县人民检察院", shortName: "他" })).id;
  leadId = (await createUser({ role: "prosecutor", procuratorateId: P })).id;
  otherId = (await createUser({ role: "prosecutor", procuratorateId: P })).id;
  adminId = (await createUser({ role: "admin", procuratorateId: P })).id;
  const qLead = (await createUser({ role: "prosecutor", procuratorateId: Q })).id;
  // 70 deadlines due on one day (Monday 11-09): page 1 ends inside them.
  await filedCases(P, leadId, "2026-11-02", 70);
  await filedCases(P, leadId, "2026-11-03", 20); // due Tuesday 11-10
  await filedCases(P, otherId, "2026-11-16", 15); // due Monday 11-23: 3 days ahead of TODAY
  await filedCases(P, otherId, "2026-12-01", 10); // due Tuesday 12-08
  // Two suspended cases: the clock stops (规则 Art 78).
  const paused = await filedCases(P, otherId, "2026-11-10", 2, { state: "suspended" });
  for (const c of paused)
    await prisma.caseTransition.create({
      data: { caseId: c.id, fromState: "filed", toState: "suspended", actorId: otherId, at: new Date("2026-11-12T02:00:00Z") },
    });
  await filedCases(Q, qLead, "2026-11-02", 30);
  for (const id of [P, Q]) await prisma.$transaction((tx) => refreshDeadlines(tx, id), { timeout: 60_000 });
});

describe("the board pages by (dueOn, id)", () => {
  test("forward across a page boundary inside equal due dates: every row once, in order", async () => {
    const pages = await walkForward(all);
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, 17]);
    expect(pages[0]!.prev).toBeNull();
    expect(pages.at(-1)!.next).toBeNull();
    const rows = pages.flatMap((p) => p.items.map((d) => ({ dueOn: d.dueOn, id: d.id })));
    expect(new Set(rows.map((r) => r.id)).size).toBe(117);
    const sorted = [...rows].sort((a, b) => (a.dueOn === b.dueOn ? (a.id < b.id ? -1 : 1) : a.dueOn < b.dueOn ? -1 : 1));
    expect(rows).toEqual(sorted);
    // The boundary falls inside the 70 rows due on 11-09.
    expect(pages[0]!.items.at(-1)!.dueOn).toBe("2026-11-09");
    expect(pages[1]!.items[0]!.dueOn).toBe("2026-11-09");
  });

  test("back from the last page gives the same pages, and the first page has no previous one", async () => {
    const pages = await walkForward(all);
    const ids = (p: BoardPage) => p.items.map((d) => d.id);
    const second = await deadlineBoardPage(P, { filter: all, today: TODAY, cursor: cursorOf(pages[2]!.prev!, "before") });
    expect(ids(second)).toEqual(ids(pages[1]!));
    expect(second.next).toBe(pages[1]!.next);
    const first = await deadlineBoardPage(P, { filter: all, today: TODAY, cursor: cursorOf(second.prev!, "before") });
    expect(ids(first)).toEqual(ids(pages[0]!));
    expect(first.prev).toBeNull();
    expect(first.next).toBe(pages[0]!.next);
  });

  test("filters: kind, overdue, due soon, within N days, running, paused, mine", async () => {
    const count = async (filter: Partial<BoardFilter>, userId?: string) =>
      (await walkForward({ ...all, ...filter }, { userId })).reduce((n, p) => n + p.items.length, 0);
    expect(await count({ kind: "filing_decision_service" })).toBe(117);
    expect(await count({ kind: "agency_reply" })).toBe(0);
    expect(await count({ status: "overdue" })).toBe(90);
    expect(await count({ status: "due_soon" })).toBe(15);
    expect(await count({ status: "within", days: 30 })).toBe(25);
    expect(await count({ status: "running" })).toBe(25);
    expect(await count({ status: "paused" })).toBe(2);
    expect(await count({ scope: "mine" }, otherId)).toBe(27);
    expect(await count({ scope: "mine", status: "overdue" }, leadId)).toBe(90);
    const paused = await deadlineBoardPage(P, { filter: { ...all, status: "paused" }, today: TODAY });
    expect(paused.items.every((d) => d.status === "paused")).toBe(true);
  });

  test("mine: starting from the viewer's cases or walking the index gives the same pages and counts", async () => {
    const ids = (pages: BoardPage[]) => pages.flatMap((p) => p.items.map((d) => d.id));
    for (const userId of [leadId, otherId]) {
      for (const status of ["all", "overdue", "paused"] as const) {
        const filter = { ...all, scope: "mine" as const, status };
        const walked = await walkForward(filter, { userId, mineStrategy: "walk" });
        const driven = await walkForward(filter, { userId, mineStrategy: "drive" });
        expect(ids(driven)).toEqual(ids(walked));
        const c = (mineStrategy: "walk" | "drive") => deadlineBoardCounts(P, { filter, userId, today: TODAY, mineStrategy });
        expect(await c("drive")).toEqual(await c("walk"));
      }
    }
  });

  test("counts are bounded: past the cap they read as cap + 1 and display as cap+", async () => {
    const exact = await deadlineBoardCounts(P, { filter: all, today: TODAY });
    expect(exact).toMatchObject({ total: 117, overdue: 90, dueSoon: 15, within: 15, paused: 2, cap: 1000 });
    const capped = await deadlineBoardCounts(P, { filter: all, today: TODAY, cap: 20 });
    expect(capped).toMatchObject({ total: 21, overdue: 21, dueSoon: 15, paused: 2 });
    expect(formatBoundedCount(capped.total, 20)).toBe("20+");
    expect(formatBoundedCount(capped.dueSoon, 20)).toBe("15");
    // "mine" counts stop at 100; the badge at 99 ("99+").
    const mine = await deadlineBoardCounts(P, { filter: { ...all, scope: "mine" }, userId: leadId, today: TODAY });
    expect(mine).toMatchObject({ total: 90, overdue: 90, cap: 100 });
    expect(await myOverdueCount(P, leadId, TODAY)).toBe(90);
    expect(await countBoard(P, { filter: { ...all, status: "overdue" }, today: TODAY, cap: 5 })).toBe(6);
  });

  test("scope: another procuratorate's deadlines never appear, not even from its cursor", async () => {
    const mine = (await walkForward(all)).flatMap((p) => p.items.map((d) => d.cases[0]!.id));
    const theirs = new Set((await prisma.case.findMany({ where: { procuratorateId: Q }, select: { id: true } })).map((c) => c.id));
    expect(mine.some((id) => theirs.has(id))).toBe(false);
    const foreign = await prisma.deadline.findFirstOrThrow({ where: { procuratorateId: Q }, select: { id: true, dueOn: true } });
    const page = await deadlineBoardPage(P, { filter: all, today: TODAY, cursor: { dir: "after", ...foreign } });
    expect(page.items.every((d) => !theirs.has(d.cases[0]!.id))).toBe(true);
    const board = await deadlineBoard(Q, { filter: all, today: TODAY });
    expect(board.counts.total).toBe(30);
  });

  test("the URL: unknown filters and a cursor that is not ours are errors, reported with the first page", () => {
    expect(parseBoardQuery(new URLSearchParams("status=overdue&kind=agency_reply&scope=mine"))).toEqual({
      ok: true,
      filter: { status: "overdue", kind: "agency_reply", scope: "mine", days: 7 },
      cursor: null,
    });
    expect(parseBoardQuery(new URLSearchParams("after=2026-11-09~abc"))).toMatchObject({
      ok: true,
      cursor: { dir: "after", dueOn: "2026-11-09", id: "abc" },
    });
    expect(parseBoardQuery(new URLSearchParams("after=garbage"))).toMatchObject({ ok: false, error: "badCursor" });
    expect(parseBoardQuery(new URLSearchParams("after=2026-02-30~abc"))).toMatchObject({ ok: false, error: "badCursor" });
    expect(parseBoardQuery(new URLSearchParams("after=2026-11-09~a&before=2026-11-09~b"))).toMatchObject({ ok: false });
    expect(parseBoardQuery(new URLSearchParams("status=soonish&kind=agency_reply"))).toEqual({
      ok: false,
      error: "badFilter",
      filter: { status: "all", kind: "agency_reply", scope: "all", days: 7 },
    });
    expect(parseBoardQuery(new URLSearchParams("status=within&days=0"))).toMatchObject({ ok: false, error: "badFilter" });
  });
});

describe("the /deadlines loader", () => {
  test("a bad cursor answers 400 with the first page and the reason, never a 500", async () => {
    const { loader } = await import("~/routes/_staff.deadlines");
    const cookie = await cookieFor("prosecutor");
    const bad = await callLoader(loader, request("/deadlines?after=not-a-cursor", { cookie }));
    expect(bad.status).toBe(400);
    if (bad.kind !== "data") throw new Error(`expected data, got ${bad.kind}`);
    expect(bad.data).toMatchObject({ error: "badCursor", prev: null });
    const good = await callLoader(loader, request("/deadlines?status=overdue", { cookie }));
    expect(good.status).toBe(200);
    if (good.kind !== "data") throw new Error(`expected data, got ${good.kind}`);
    expect(good.data).toMatchObject({ error: null, filter: { status: "overdue" } });
  });
});

describe("a holiday override recomputes only what it can move, and equals a full refresh", () => {
  test("a rest day on a due date moves those deadlines; removing it moves them back", async () => {
    const before = await snapshot(P);
    // 11-10 is the due date of the 20 cases filed on 11-03: it becomes a rest day → 11-11.
    const added = await addHolidayOverride(P, adminId, { intent: "add", date: "2026-11-10", kind: "holiday", name: "本院假日" });
    expect(added.ok).toBe(true);
    const bulk = await snapshot(P);
    const moved = bulk.rows.filter((r) => r.dueOn === "2026-11-11");
    expect(moved).toHaveLength(20);
    expect(moved[0]!.periodEndOn).toBe("2026-11-10");
    await prisma.$transaction((tx) => refreshDeadlines(tx, P), { timeout: 60_000 });
    expect(await snapshot(P)).toEqual(bulk);

    if (!added.ok) return;
    await deleteHolidayOverride(P, adminId, added.id);
    const back = await snapshot(P);
    expect(back).toEqual(before);
    await prisma.$transaction((tx) => refreshDeadlines(tx, P), { timeout: 60_000 });
    expect(await snapshot(P)).toEqual(back);
  });

  test("an entry in a year without packaged data changes the warning of every deadline touching it", async () => {
    const R = (await createProcuratorate({ name: "跨年县人民检察院", shortName: "跨" })).id;
    const lead = (await createUser({ role: "prosecutor", procuratorateId: R })).id;
    const admin = (await createUser({ role: "admin", procuratorateId: R })).id;
    // The package has no 2028 (the seed enters one global 2027 day): due 2028-01-04 warns of 2028.
    await filedCases(R, lead, "2027-12-28", 3);
    await filedCases(R, lead, "2026-11-02", 3); // due 2026-11-09: untouched
    await prisma.$transaction((tx) => refreshDeadlines(tx, R));
    const before = await snapshot(R);
    expect(before.rows.filter((r) => r.missingYears === "[2028]")).toHaveLength(3);

    const added = await addHolidayOverride(R, admin, { intent: "add", date: "2028-02-10", kind: "holiday", name: "春节" });
    expect(added.ok).toBe(true);
    const bulk = await snapshot(R);
    await prisma.$transaction((tx) => refreshDeadlines(tx, R));
    expect(await snapshot(R)).toEqual(bulk);
    expect(bulk).not.toEqual(before);
    expect(bulk.rows.filter((r) => r.missingYears !== null)).toHaveLength(0);
  });
});
