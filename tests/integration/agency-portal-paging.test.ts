import { beforeAll, describe, expect, test } from "vitest";
import { callLoader, cookieForUserId, createProcuratorate, createUser, request } from "#tests/factories";
import type { AgencyScope } from "~/domain/auth/policy";
import { agencyReplyClock, AGENCY_DUE_SOON_DAYS } from "~/domain/deadlines/agency-reply";
import {
  agencyCounts,
  agencyDocumentsPage,
  agencyHearingsPage,
  countAgencyDocuments,
  countAgencyHearings,
  documentCursor,
  hearingCursor,
  recommendationCursor,
  servedRecommendationsPage,
} from "~/models/agency-portal.server";
import { calendarFor, refreshDeadlines } from "~/models/deadline.server";
import { loader as agencyHomeLoader } from "~/routes/agency._index";
import { loader as documentsLoader } from "~/routes/agency.documents";
import { loader as hearingsLoader } from "~/routes/agency.hearings";
import { prisma } from "~/utils/db.server";
import type { Cursor } from "~/utils/keyset";
import { decodeCursor, encodeCursor } from "~/utils/keyset";

// The agency portal's paged lists and bounded counts on a procuratorate of the test's own: my
// agency (A) has open and answered recommendations, documents and hearings; another agency of the
// same procuratorate (B) and an agency of another procuratorate have theirs, which never appear.

const TODAY = "2026-12-01";
const OPEN = 23;
const ANSWERED = 5;
let P: string;
let Q: string;
let A: string;
let B: string;
let C: string;
let liaisonId: string;
const mine: { open: string[]; answered: string[]; closed: string[] } = {
  open: [],
  answered: [],
  closed: [],
};
const others: string[] = [];
let host: string;
let n = 0;

const scope = (): AgencyScope => ({ procuratorateId: P, agencyId: A });
const after = (token: string | null): Cursor => ({
  dir: "after",
  key: decodeCursor(token, 3)!,
});
const before = (token: string | null): Cursor => ({
  dir: "before",
  key: decodeCursor(token, 3)!,
});

/** A case against `agencyId`, with a served recommendation (and, when asked, the agency's reply). */
async function servedRecommendation(
  procuratorateId: string,
  agencyId: string,
  servedOn: string,
  options: {
    reply?: "submitted" | "draft";
    replyPeriod?: string;
    state?: string;
  } = {}
) {
  n += 1;
  const lead = procuratorateId === P ? host : (await createUser({ role: "prosecutor", procuratorateId })).id;
  const c = await prisma.case.create({
    data: {
      procuratorateId,
      number: `页-${n}`,
      title: `机关分页测试案件 ${n}`,
      field: "ecology",
      state: options.state ?? "rectification",
      leadProsecutorId: lead,
      respondentAgencyId: agencyId,
    },
  });
  const rec = await prisma.recommendation.create({
    data: {
      caseId: c.id,
      procuratorateId,
      number: `页检行公建〔2026〕${n}号`,
      status: "served",
      facts: "事实",
      reasons: "理由",
      legalBasis: "依据",
      replyPeriod: options.replyPeriod ?? "two_months",
      createdById: lead,
    },
  });
  await prisma.service.create({
    data: {
      caseId: c.id,
      documentKind: "recommendation",
      recommendationId: rec.id,
      agencyId,
      recipient: "收件人",
      method: "direct",
      servedOn,
      signedBy: "签收人",
      serverName: "送达人",
      createdById: lead,
    },
  });
  if (options.reply) {
    await prisma.reply.create({
      data: {
        recommendationId: rec.id,
        agencyId,
        summary: "回复",
        status: options.reply,
        submittedAt: options.reply === "submitted" ? new Date(`${servedOn}T08:00:00Z`) : null,
      },
    });
  }
  return { caseId: c.id, id: rec.id };
}

/** servedOn `i` days before 2026-11-28: due dates spread from long overdue to weeks ahead. */
const day = (i: number) => new Date(Date.UTC(2026, 10, 28 - i)).toISOString().slice(0, 10);

beforeAll(async () => {
  P = (
    await createProcuratorate({
      name: "机关分页测试县人民检察院",
      shortName: "页",
    })
  ).id;
  Q = (
    await createProcuratorate({
      name: "机关分页测试另一县人民检察院",
      shortName: "另",
    })
  ).id;
  host = (await createUser({ role: "prosecutor", procuratorateId: P })).id;
  const liaison = await createUser({ role: "agency", procuratorateId: P });
  liaisonId = liaison.id;
  A = liaison.agencyId!;
  B = (
    await prisma.agency.create({
      data: { procuratorateId: P, name: "机关分页测试县水利局" },
    })
  ).id;
  C = (
    await prisma.agency.create({
      data: { procuratorateId: Q, name: "机关分页测试另一县水利局" },
    })
  ).id;

  // Mine: open replies (some fifteen-day ones, so due order differs from service order), a draft
  // reply (still open), answered ones, and one in a closed case (no live deadline, no reply).
  for (let i = 0; i < OPEN; i++) {
    const r = await servedRecommendation(P, A, day(i * 4), {
      replyPeriod: i % 3 === 0 ? "fifteen_days" : "two_months",
      ...(i === 1 ? { reply: "draft" as const } : {}),
    });
    mine.open.push(r.id);
  }
  for (let i = 0; i < ANSWERED; i++)
    mine.answered.push((await servedRecommendation(P, A, day(200 + i), { reply: "submitted" })).id);
  mine.closed.push((await servedRecommendation(P, A, day(300), { state: "closed" })).id);
  // Theirs: another agency of my procuratorate, and an agency of another procuratorate.
  for (let i = 0; i < 3; i++) others.push(await servedRecommendation(P, B, day(i)).then((r) => r.id));
  for (let i = 0; i < 3; i++) others.push(await servedRecommendation(Q, C, day(i)).then((r) => r.id));
  await prisma.$transaction((tx) => refreshDeadlines(tx, P), {
    timeout: 60_000,
  });
  await prisma.$transaction((tx) => refreshDeadlines(tx, Q), {
    timeout: 60_000,
  });
});

/** Every page forward from the first, with the page size given. */
async function allForward(pageSize: number) {
  const pages = [];
  let cursor: Cursor | null = null;
  for (let i = 0; i < 50; i++) {
    const page = await servedRecommendationsPage(scope(), cursor, {
      today: TODAY,
      pageSize,
    });
    pages.push(page);
    if (!page.next) break;
    cursor = after(page.next);
  }
  return pages;
}

describe("the served recommendations, a page at a time", () => {
  test("the trigger stores which agency each open reply's clock runs for", async () => {
    const rows = await prisma.deadline.findMany({
      where: { procuratorateId: P, kind: "agency_reply" },
      select: { recommendationId: true, agencyId: true },
    });
    const byRec = new Map(rows.map((r) => [r.recommendationId, r.agencyId]));
    // The draft does not stop the clock; submitted replies and the closed case have no live deadline.
    for (const id of mine.open) expect(byRec.get(id)).toBe(A);
    for (const id of [...mine.answered, ...mine.closed]) expect(byRec.has(id)).toBe(false);
    for (const id of others.slice(0, 3)) expect(byRec.get(id)).toBe(B);
  });

  test("pages forward: the open replies soonest due first, then the others latest served first; nothing of another agency", async () => {
    const pages = await allForward(10);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 9]);
    const rows = pages.flatMap((p) => p.items);
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, OPEN).sort()).toEqual([...mine.open].sort());
    // The rest: answered ones latest served first, then the closed case's served longest ago.
    expect(ids.slice(OPEN)).toEqual([...mine.answered, ...mine.closed]);
    for (const id of others) expect(ids).not.toContain(id);
    const due = rows.slice(0, OPEN).map((r) => r.dueOn);
    expect(due).toEqual([...due].sort());
    expect(rows.slice(0, OPEN).every((r) => !r.replied)).toBe(true);
    expect(rows.slice(OPEN, OPEN + ANSWERED).every((r) => r.replied && r.reply?.status === "submitted")).toBe(true);
    expect(pages[0]!.prev).toBeNull();
    expect(pages.at(-1)!.next).toBeNull();
  });

  test("pages back across the boundary of the two parts, to the first page", async () => {
    const forward = await allForward(10);
    const last = forward.at(-1)!;
    const middle = await servedRecommendationsPage(scope(), before(last.prev), {
      today: TODAY,
      pageSize: 10,
    });
    expect(middle.items.map((r) => r.id)).toEqual(forward[1]!.items.map((r) => r.id));
    const first = await servedRecommendationsPage(scope(), before(middle.prev), { today: TODAY, pageSize: 10 });
    expect(first.items.map((r) => r.id)).toEqual(forward[0]!.items.map((r) => r.id));
    expect(first.prev).toBeNull();
    expect(first.next).not.toBeNull();
    // A page that straddles the two parts, reached back from the page after it.
    const straddle = await servedRecommendationsPage(scope(), after(forward[0]!.next), { today: TODAY, pageSize: 15 });
    expect(straddle.items.filter((r) => r.replied)).toHaveLength(2);
    const tail = await servedRecommendationsPage(scope(), after(straddle.next), { today: TODAY, pageSize: 15 });
    expect(tail.items.map((r) => r.id)).toEqual([...mine.answered.slice(2), ...mine.closed]);
    const back = await servedRecommendationsPage(scope(), before(tail.prev), {
      today: TODAY,
      pageSize: 15,
    });
    expect(back.items.map((r) => r.id)).toEqual(straddle.items.map((r) => r.id));
  });

  test("a stale or edited cursor reads as the first page", async () => {
    const url = (q: string) => new URL(`http://localhost/agency${q}`);
    expect(recommendationCursor(url("?after=not-a-cursor"))).toBeNull();
    expect(recommendationCursor(url(`?after=${encodeCursor([7, "2026-01-01", "x"])}`))).toBeNull();
    expect(recommendationCursor(url(`?after=${encodeCursor(["0", "2026-01-01", "x"])}`))).toBeNull();
    expect(recommendationCursor(url(`?after=${encodeCursor([1, "2026-01-01"])}`))).toBeNull();
    expect(recommendationCursor(url(`?before=${encodeCursor([0, "2026-01-01", "x"])}`))).toEqual({
      dir: "before",
      key: [0, "2026-01-01", "x"],
    });
    const cookie = await cookieForUserId(liaisonId);
    const first = await servedRecommendationsPage(scope(), null);
    for (const q of ["?after=not-a-cursor", `?before=${encodeCursor([9, "x", "y"])}`]) {
      const res = await callLoader(agencyHomeLoader, request(`/agency${q}`, { cookie }));
      expect(res.status).toBe(200);
      const data = (
        res as {
          data: {
            recommendations: { items: { id: string }[]; prev: string | null };
          };
        }
      ).data;
      expect(data.recommendations.items.map((r) => r.id)).toEqual(first.items.map((r) => r.id));
      expect(data.recommendations.prev).toBeNull();
    }
  });

  test("due dates come from the stored deadline; a row without one is computed", async () => {
    const target = mine.open[5]!;
    const stored = await prisma.deadline.findFirstOrThrow({
      where: { procuratorateId: P, recommendationId: target },
    });
    await prisma.deadline.update({
      where: { id: stored.id },
      data: { dueOn: "2030-01-02" },
    });
    try {
      const rows = (await allForward(50)).flatMap((p) => p.items);
      expect(rows.find((r) => r.id === target)).toMatchObject({
        dueOn: "2030-01-02",
        deadlineStatus: "ok",
      });
      // Last of the open part now: the order is the stored one.
      expect(rows[OPEN - 1]!.id).toBe(target);
      // The answered and the closed case's ones have no stored deadline: computed as the domain rule says.
      const calendar = await calendarFor(P);
      for (const row of rows.slice(OPEN)) {
        const clock = agencyReplyClock(
          {
            replyPeriod: row.replyPeriod,
            servedOn: [row.servedOn],
            replyStatuses: row.replied ? ["submitted"] : [],
          },
          calendar,
          TODAY,
          AGENCY_DUE_SOON_DAYS
        )!;
        expect(row).toMatchObject({
          dueOn: clock.dueOn,
          days: clock.days,
          deadlineStatus: clock.status,
        });
      }
    } finally {
      await prisma.deadline.update({
        where: { id: stored.id },
        data: { dueOn: stored.dueOn },
      });
    }
  });
});

describe("the home's counts", () => {
  test("count my open, due soon, overdue, answered and served recommendations, as the domain rule reads them", async () => {
    const counts = await agencyCounts(scope(), { today: TODAY });
    const rows = (await allForward(50)).flatMap((p) => p.items);
    const open = rows.filter((r) => !r.replied && mine.open.includes(r.id));
    expect(counts).toEqual({
      awaiting: OPEN,
      dueSoon: open.filter((r) => r.deadlineStatus === "due_soon").length,
      overdue: open.filter((r) => r.deadlineStatus === "overdue").length,
      replied: ANSWERED,
      served: OPEN + ANSWERED + 1,
      cap: 1000,
    });
    expect(counts.overdue).toBeGreaterThan(0);
    expect(counts.dueSoon).toBeGreaterThan(0);
    expect(counts.awaiting - counts.overdue - counts.dueSoon).toBeGreaterThan(0);
  });

  test("stop at the cap: a count above it means more than the cap", async () => {
    const counts = await agencyCounts(scope(), { today: TODAY, cap: 4 });
    expect(counts).toMatchObject({
      awaiting: 5,
      replied: 5,
      served: 5,
      cap: 4,
    });
    expect(counts.overdue).toBeLessThanOrEqual(5);
  });

  test("another agency's counts do not include mine", async () => {
    expect(await agencyCounts({ procuratorateId: P, agencyId: B }, { today: TODAY })).toMatchObject({
      awaiting: 3,
      replied: 0,
      served: 3,
    });
    // My agency id with another procuratorate: nothing.
    expect(await agencyCounts({ procuratorateId: Q, agencyId: A }, { today: TODAY })).toMatchObject({
      awaiting: 0,
      replied: 0,
      served: 0,
    });
    const empty = await servedRecommendationsPage({ procuratorateId: Q, agencyId: A }, null, { today: TODAY });
    expect(empty).toEqual({ items: [], next: null, prev: null });
  });
});

describe("documents and hearings", () => {
  const docServices: string[] = [];
  const released: string[] = [];
  const hearings: string[] = [];

  beforeAll(async () => {
    const c = await prisma.case.findFirstOrThrow({
      where: { procuratorateId: P, respondentAgencyId: A },
      select: { id: true },
    });
    const theirCase = await prisma.case.findFirstOrThrow({
      where: { procuratorateId: P, respondentAgencyId: B },
      select: { id: true },
    });
    const serveDoc = (agencyId: string, caseId: string, servedOn: string) =>
      prisma.service.create({
        data: {
          caseId,
          documentKind: "filing_decision",
          documentNumber: `页检行公立〔2026〕${servedOn}`,
          agencyId,
          recipient: "收件人",
          method: "post",
          servedOn,
          serverName: "送达人",
          createdById: host,
        },
      });
    for (let i = 0; i < 12; i++) docServices.push((await serveDoc(A, c.id, day(i))).id);
    await serveDoc(B, theirCase.id, day(0));
    const doc = (agencyId: string, procuratorateId: string, agencyVisible: boolean, title: string, createdAt: string) =>
      prisma.generatedDocument.create({
        data: {
          procuratorateId,
          caseId: procuratorateId === P ? c.id : null,
          kind: "fact_confirmation",
          title,
          sha256: "c".repeat(64),
          size: 1,
          agencyId,
          agencyVisible,
          createdById: host,
          createdAt: new Date(createdAt),
        },
      });
    released.push((await doc(A, P, true, "发布给本局的第一份", "2026-11-02T02:00:00Z")).id);
    released.push((await doc(A, P, true, "发布给本局的第二份", "2026-11-01T02:00:00Z")).id);
    await doc(A, P, false, "内部文书", "2026-11-03T02:00:00Z");
    await doc(B, P, true, "发布给水利局的", "2026-11-03T02:00:00Z");

    const hearing = (agencyId: string, startsAt: string) =>
      prisma.hearing.create({
        data: {
          procuratorateId: P,
          title: `机关分页测试听证 ${startsAt}`,
          venue: "听证室",
          startsAt: new Date(startsAt),
          hostId: host,
          participants: {
            create: [
              {
                kind: "agency_representative",
                agencyId,
                organisation: "本局",
                name: `代表 ${startsAt}`,
              },
            ],
          },
        },
      });
    for (let i = 0; i < 7; i++) hearings.push((await hearing(A, `2026-10-${String(10 + i).padStart(2, "0")}T01:30:00Z`)).id);
    await hearing(B, "2026-10-30T01:30:00Z");
  });

  test("documents page: the services latest first, then the released documents; back again; nothing of another agency", async () => {
    const seen: string[] = [];
    const pages = [];
    let cursor: Cursor | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await agencyDocumentsPage(scope(), cursor, 5);
      pages.push(page);
      seen.push(...page.items.map((d) => d.key));
      if (!page.next) break;
      cursor = after(page.next);
    }
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 4]);
    expect(seen).toEqual([...docServices.map((id) => `service:${id}`), ...released.map((id) => `document:${id}`)]);
    expect(pages[2]!.items.map((d) => d.title)).toEqual([null, null, "发布给本局的第一份", "发布给本局的第二份"]);
    const back = await agencyDocumentsPage(scope(), before(pages[2]!.prev), 5);
    expect(back.items.map((d) => d.key)).toEqual(pages[1]!.items.map((d) => d.key));
    expect(await countAgencyDocuments(scope())).toBe(14);
    expect(await countAgencyDocuments(scope(), 3)).toBe(4);
    expect(documentCursor(new URL("http://localhost/agency/documents?after=zzz"))).toBeNull();
  });

  test("hearings page: latest first, my representatives only, paged forward and back", async () => {
    const first = await agencyHearingsPage(scope(), null, 3);
    const second = await agencyHearingsPage(scope(), { dir: "after", key: decodeCursor(first.next, 2)! }, 3);
    const third = await agencyHearingsPage(scope(), { dir: "after", key: decodeCursor(second.next, 2)! }, 3);
    expect([...first.items, ...second.items, ...third.items].map((h) => h.id)).toEqual([...hearings].reverse());
    expect(third.next).toBeNull();
    const back = await agencyHearingsPage(scope(), { dir: "before", key: decodeCursor(second.prev, 2)! }, 3);
    expect(back.items.map((h) => h.id)).toEqual(first.items.map((h) => h.id));
    expect(back.prev).toBeNull();
    expect(first.items[0]!.representatives).toEqual([{ name: "代表 2026-10-16T01:30:00Z", post: null, attended: null }]);
    expect(await countAgencyHearings(scope())).toBe(7);
    expect(await countAgencyHearings({ procuratorateId: Q, agencyId: A })).toBe(0);
    expect(hearingCursor(new URL("http://localhost/agency/hearings?before=zzz"))).toBeNull();
  });

  test("the list routes answer my agency's rows, and the home shows the latest with a link to the rest", async () => {
    const cookie = await cookieForUserId(liaisonId);
    const docs = await callLoader(documentsLoader, request("/agency/documents?after=stale", { cookie }));
    expect(docs.status).toBe(200);
    expect((docs as { data: { items: unknown[]; total: number } }).data).toMatchObject({ total: 14 });
    const hs = await callLoader(hearingsLoader, request("/agency/hearings", { cookie }));
    expect((hs as { data: { items: unknown[]; total: number } }).data).toMatchObject({ total: 7 });
    const home = await callLoader(agencyHomeLoader, request("/agency", { cookie }));
    const data = (
      home as {
        data: {
          documents: { items: unknown[]; more: boolean };
          hearings: { items: unknown[]; more: boolean };
        };
      }
    ).data;
    expect(data.documents.items).toHaveLength(10);
    expect(data.documents.more).toBe(true);
    expect(data.hearings.items).toHaveLength(5);
    expect(data.hearings.more).toBe(true);
  });
});
