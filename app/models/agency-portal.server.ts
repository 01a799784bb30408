import { AGENCY_COUNT_CAP, AGENCY_LIST_PAGE_SIZE, AGENCY_PAGE_SIZE } from "~/domain/agency-portal/paging";
import type { AgencyScope } from "~/domain/auth/policy";
import {
  agencyReplyClock,
  agencyReplyClockFromStored,
  agencyReplyWindows,
  AGENCY_DUE_SOON_DAYS,
} from "~/domain/deadlines/agency-reply";
import type { Calendar } from "~/domain/deadlines/calendar";
import type { DeadlineStatus } from "~/domain/deadlines/compute";
import type { IsoDate } from "~/domain/deadlines/dates";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { REPLIED_STATUSES } from "~/domain/recommendation/reply";
import { calendarFor } from "~/models/deadline.server";
import { byteCount } from "~/utils/bytes";
import type { Sql } from "~/utils/db.server";
import { prisma, sql, sqlEmpty, sqlJoin, sqlRaw } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import type { Cursor } from "~/utils/keyset";
import { cursorFromUrl, keysetPage } from "~/utils/keyset";
import type { PartReader } from "~/utils/keyset-parts";
import { partedCursorFromUrl, partedPage } from "~/utils/keyset-parts";

// The agency portal (行政机关端). An agency liaison sees what was served on their own agency
// (Service.agencyId), documents marked agencyVisible for it, and the hearings it attended.
// DOMAIN §5: never internal reports or approvals, informant data, panel deliberation, or other
// agencies' replies in a 系列案. Every query filters by both the agency and its procuratorate.
// Lists are keyset pages along an index and counts are bounded (COUNT over LIMIT cap + 1), so the
// home costs the same for an agency served ten times or ten thousand.

export type { AgencyScope } from "~/domain/auth/policy";

/** How far ahead the portal warns: a rule of the reply deadline (app/domain/deadlines/agency-reply.ts). */
export { AGENCY_DUE_SOON_DAYS } from "~/domain/deadlines/agency-reply";
export * from "~/domain/agency-portal/paging";

/** My agency's name, for the page header. */
export async function agencyName(scope: AgencyScope): Promise<string | null> {
  const agency = await prisma.agency.findFirst({
    where: { id: scope.agencyId, procuratorateId: scope.procuratorateId },
    select: { name: true },
  });
  return agency?.name ?? null;
}

const REPLIED = sqlJoin([...REPLIED_STATUSES]);

/** Whether my agency has a written reply (submitted or assessed) to the recommendation `rec`. */
function repliedBy(scope: AgencyScope, rec: Sql) {
  return sql`EXISTS (SELECT 1 FROM "Reply" r WHERE r."recommendationId" = ${rec} AND r."agencyId" = ${scope.agencyId} AND r."status" IN (${REPLIED}))`;
}

/**
 * My agency's open replies: the stored agency_reply deadlines of recommendations served first on
 * my agency (Deadline.agencyId) that it has not answered, on the index
 * (agencyId, procuratorateId, kind, dueOn, id). Alias d.
 */
function openReplies(scope: AgencyScope) {
  return sql`"Deadline" d WHERE d."agencyId" = ${scope.agencyId} AND d."procuratorateId" = ${scope.procuratorateId}
    AND d."kind" = 'agency_reply' AND NOT ${repliedBy(scope, sql`d."recommendationId"`)}`;
}

/**
 * The first service on my agency of each recommendation of my procuratorate served on it, on the
 * index (agencyId, servedOn, id). Alias s.
 */
function firstRecommendationServices(scope: AgencyScope) {
  return sql`"Service" s WHERE s."agencyId" = ${scope.agencyId} AND s."recommendationId" IS NOT NULL
    AND EXISTS (SELECT 1 FROM "Case" c WHERE c."id" = s."caseId" AND c."procuratorateId" = ${scope.procuratorateId})
    AND NOT EXISTS (SELECT 1 FROM "Service" e WHERE e."recommendationId" = s."recommendationId" AND e."agencyId" = ${scope.agencyId}
      AND (e."servedOn", e."createdAt", e."id") < (s."servedOn", s."createdAt", s."id"))`;
}

type RecommendationKey = {
  part: number;
  k: string;
  at: string;
  recommendationId: string;
};

/**
 * Served recommendations in two parts: 0, the open replies soonest due first (dueOn, then the
 * deadline's id); 1, the others (answered, or with no running clock) latest served first
 * (servedOn, then the service's id), each read along its index.
 */
const readRecommendationPart =
  (scope: AgencyScope): PartReader<RecommendationKey> =>
  async (part, seek, dir, limit) => {
    const after = dir === "after";
    if (part === 0) {
      const where = seek ? sql`AND (d."dueOn", d."id") ${sqlRaw(after ? ">" : "<")} (${sqlJoin(seek)})` : sqlEmpty;
      return prisma.$queryRaw<RecommendationKey[]>`
        SELECT 0 AS "part", d."id" AS "k", d."dueOn" AS "at", d."recommendationId" AS "recommendationId"
        FROM ${openReplies(scope)} ${where}
        ORDER BY ${sqlRaw(after ? `d."dueOn" ASC, d."id" ASC` : `d."dueOn" DESC, d."id" DESC`)} LIMIT ${limit}`;
    }
    // Part 1 runs latest first: "after" a key is older than it.
    const where = seek ? sql`AND (s."servedOn", s."id") ${sqlRaw(after ? "<" : ">")} (${sqlJoin(seek)})` : sqlEmpty;
    return prisma.$queryRaw<RecommendationKey[]>`
      SELECT 1 AS "part", s."id" AS "k", s."servedOn" AS "at", s."recommendationId" AS "recommendationId"
      FROM ${firstRecommendationServices(scope)}
        AND NOT EXISTS (SELECT 1 FROM ${openReplies(scope)} AND d."key" = 'agency_reply:' || s."recommendationId")
        ${where}
      ORDER BY ${sqlRaw(after ? `s."servedOn" DESC, s."id" DESC` : `s."servedOn" ASC, s."id" ASC`)} LIMIT ${limit}`;
  };

/** The cursor of the served recommendations list in a URL (a bad one: the first page). */
export function recommendationCursor(url: URL): Cursor | null {
  return partedCursorFromUrl(url, 2, 2);
}

/**
 * One page of the recommendations served on my agency, the most urgent first: the open replies by
 * due date, then the answered ones, latest served first. Each row's due date and countdown come
 * from its stored deadline (Deadline, kind agency_reply); only a row with none (answered, or its
 * case closed) is computed, with the holiday calendar read once for the page.
 */
export async function servedRecommendationsPage(
  scope: AgencyScope,
  cursor: Cursor | null,
  options: { today?: IsoDate; pageSize?: number } = {}
) {
  const today = options.today ?? dateInShanghai(new Date());
  const page = await partedPage(2, cursor, options.pageSize ?? AGENCY_PAGE_SIZE, readRecommendationPart(scope), (r) => [
    Number(r.part),
    r.at,
    r.k,
  ]);
  const ids = page.items.map((r) => r.recommendationId);
  const details = await recommendationRows(scope, ids);
  const byId = new Map(details.map((r) => [r.id, r]));
  // The calendar only when a row has no stored deadline to read.
  let calendar: Calendar | null = null;
  const rows = [];
  for (const id of ids) {
    const rec = byId.get(id);
    if (!rec?.servedOn) continue;
    const replyStatuses = JSON.parse(rec.replyStatuses) as string[];
    // A stored deadline counts for my agency when its clock starts at my service.
    let clock: { dueOn: IsoDate; days: number; status: DeadlineStatus; replied: boolean } | null;
    if (rec.dueOn && rec.triggerOn === rec.servedOn) {
      clock = agencyReplyClockFromStored(
        { dueOn: rec.dueOn, pausedSince: rec.pausedSince, pausedDaysLeft: rec.pausedDaysLeft },
        replyStatuses,
        today
      );
    } else {
      calendar ??= await calendarFor(scope.procuratorateId);
      clock = agencyReplyClock(
        { replyPeriod: rec.replyPeriod, servedOn: [rec.servedOn], replyStatuses },
        calendar,
        today,
        AGENCY_DUE_SOON_DAYS
      );
    }
    if (!clock) continue;
    rows.push({
      id: rec.id,
      number: rec.number,
      status: rec.status,
      replyPeriod: rec.replyPeriod,
      caseTitle: rec.caseTitle,
      caseNumber: rec.caseNumber,
      servedOn: rec.servedOn,
      method: rec.method ?? "",
      reply: rec.replyStatus ? { status: rec.replyStatus, submittedAt: rec.replySubmittedAt } : null,
      dueOn: clock.dueOn,
      days: clock.days,
      deadlineStatus: clock.status,
      replied: clock.replied,
    });
  }
  return { items: rows, next: page.next, prev: page.prev };
}

type RecommendationRow = {
  id: string;
  number: string | null;
  status: string;
  replyPeriod: string;
  caseTitle: string;
  caseNumber: string | null;
  /** My agency's first service (it starts the reply clock, 民诉法 Art 87). */
  servedOn: IsoDate | null;
  method: string | null;
  /** My agency's replies' statuses, as a JSON array. */
  replyStatuses: string;
  /** My agency's latest reply (a draft counts: the liaison is writing it). */
  replyStatus: string | null;
  replySubmittedAt: string | null;
  /** The stored live deadline of my agency's reply, if any. */
  triggerOn: IsoDate | null;
  dueOn: IsoDate | null;
  pausedSince: IsoDate | null;
  pausedDaysLeft: number | null;
};

/**
 * What a page shows of its (at most a page of) recommendations, in one statement: each found by
 * primary key, with my agency's first service, my replies and the stored deadline of my reply
 * (Deadline's unique (procuratorateId, key)). Only rows of my procuratorate; services, replies and
 * deadlines of my agency only. The ids go in as one JSON parameter.
 */
function recommendationRows(scope: AgencyScope, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as RecommendationRow[]);
  const { agencyId: A, procuratorateId: P } = scope;
  const first = (column: string) =>
    sql`(SELECT s.${sqlRaw(`"${column}"`)} FROM "Service" s WHERE s."recommendationId" = x."id" AND s."agencyId" = ${A}
      ORDER BY s."servedOn", s."createdAt", s."id" LIMIT 1)`;
  const latest = (column: string) =>
    sql`(SELECT r.${sqlRaw(`"${column}"`)} || '' FROM "Reply" r WHERE r."recommendationId" = x."id" AND r."agencyId" = ${A}
      ORDER BY r."createdAt" DESC, r."id" DESC LIMIT 1)`;
  return prisma.$queryRaw<RecommendationRow[]>`
    SELECT x."id", x."number", x."status", x."replyPeriod", c."title" AS "caseTitle", c."number" AS "caseNumber",
      ${first("servedOn")} AS "servedOn", ${first("method")} AS "method",
      (SELECT json_group_array(r."status") FROM "Reply" r WHERE r."recommendationId" = x."id" AND r."agencyId" = ${A}) AS "replyStatuses",
      ${latest("status")} AS "replyStatus", ${latest("submittedAt")} AS "replySubmittedAt",
      d."triggerOn", d."dueOn", d."pausedSince", d."pausedDaysLeft"
    FROM json_each(${JSON.stringify(ids)}) j
      CROSS JOIN "Recommendation" x ON x."id" = j.value
      JOIN "Case" c ON c."id" = x."caseId" AND c."procuratorateId" = ${P}
      LEFT JOIN "Deadline" d ON d."procuratorateId" = ${P} AND d."key" = 'agency_reply:' || x."id" AND d."agencyId" = ${A}
    WHERE x."procuratorateId" = ${P}`;
}

/** A bounded count: how many rows `from` gives, reading at most cap + 1 of them. */
function bounded(from: Sql, cap: number) {
  return sql`(SELECT COUNT(*) FROM (SELECT 1 FROM ${from} LIMIT ${cap + 1}))`;
}

export type AgencyCounts = {
  awaiting: number;
  dueSoon: number;
  overdue: number;
  replied: number;
  served: number;
  cap: number;
};

/**
 * The home's counts, each bounded (a number above `cap` means "more than cap"), in one statement:
 * open replies, of them due soon and overdue (a paused clock is neither), the recommendations my
 * agency has answered, and all recommendations served on it.
 */
export async function agencyCounts(scope: AgencyScope, options: { today?: IsoDate; cap?: number } = {}): Promise<AgencyCounts> {
  const today = options.today ?? dateInShanghai(new Date());
  const cap = options.cap ?? AGENCY_COUNT_CAP;
  const w = agencyReplyWindows(today, AGENCY_DUE_SOON_DAYS);
  const open = openReplies(scope);
  const running = sql`d."pausedSince" IS NULL`;
  // One entry per recommendation served on my agency, along the index (agencyId, recommendationId).
  const servedOnMe = (also: Sql) => sql`(SELECT DISTINCT s."recommendationId" FROM "Service" s
    WHERE s."agencyId" = ${scope.agencyId} AND s."recommendationId" IS NOT NULL
      AND EXISTS (SELECT 1 FROM "Recommendation" x WHERE x."id" = s."recommendationId" AND x."procuratorateId" = ${scope.procuratorateId})
      ${also})`;
  const [row] = await prisma.$queryRaw<Record<Exclude<keyof AgencyCounts, "cap">, bigint | number>[]>`
    SELECT ${bounded(open, cap)} AS "awaiting",
      ${bounded(sql`${open} AND d."dueOn" >= ${w.soonFrom} AND d."dueOn" <= ${w.soonTo} AND ${running}`, cap)} AS "dueSoon",
      ${bounded(sql`${open} AND d."dueOn" < ${w.overdueBefore} AND ${running}`, cap)} AS "overdue",
      ${bounded(servedOnMe(sql`AND ${repliedBy(scope, sql`s."recommendationId"`)}`), cap)} AS "replied",
      ${bounded(servedOnMe(sqlEmpty), cap)} AS "served"`;
  return {
    awaiting: Number(row?.awaiting ?? 0),
    dueSoon: Number(row?.dueSoon ?? 0),
    overdue: Number(row?.overdue ?? 0),
    replied: Number(row?.replied ?? 0),
    served: Number(row?.served ?? 0),
    cap,
  };
}

type DocumentKey = { part: number; k: string; at: string };

/** A document on the portal: a service on my agency, or a document released to it. */
export type AgencyDocumentRow = {
  key: string;
  kind: string;
  number: string | null;
  title: string | null;
  caseTitle: string | null;
  servedOn: string | null;
  method: string | null;
  /** When a released document was issued (stored instant). */
  issuedAt: string | null;
  /** The generated document the liaison may download (/documents/:id): marked agencyVisible for this agency. */
  documentId: string | null;
};

/**
 * Documents in two parts: 0, the services on my agency that are not recommendations (立案决定书,
 * 事实确认书, 终结案件决定书 …), latest served first, each with its document once released; 1,
 * generated documents marked agencyVisible for my agency that no such service covers (a served
 * 检察建议书, released by its recommendation's service; a document released at issue), latest first.
 * A document served with a 送达回证 is marked agencyVisible only when its service is recorded.
 */
const readDocumentPart =
  (scope: AgencyScope): PartReader<DocumentKey> =>
  async (part, seek, dir, limit) => {
    const after = dir === "after";
    const cmp = sqlRaw(after ? "<" : ">");
    if (part === 0) {
      const where = seek ? sql`AND (s."servedOn", s."id") ${cmp} (${sqlJoin(seek)})` : sqlEmpty;
      // "+": along (agencyId, servedOn, id), not the province's NULLs of the recommendationId index.
      return prisma.$queryRaw<DocumentKey[]>`
        SELECT 0 AS "part", s."id" AS "k", s."servedOn" AS "at" FROM "Service" s
        WHERE s."agencyId" = ${scope.agencyId} AND +s."recommendationId" IS NULL
          AND EXISTS (SELECT 1 FROM "Case" c WHERE c."id" = s."caseId" AND c."procuratorateId" = ${scope.procuratorateId}) ${where}
        ORDER BY ${sqlRaw(after ? `s."servedOn" DESC, s."id" DESC` : `s."servedOn" ASC, s."id" ASC`)} LIMIT ${limit}`;
    }
    // createdAt as stored text (|| ''), so that the cursor compares like the column.
    const where = seek ? sql`AND (g."createdAt", g."id") ${cmp} (${sqlJoin(seek)})` : sqlEmpty;
    return prisma.$queryRaw<DocumentKey[]>`
      SELECT 1 AS "part", g."id" AS "k", g."createdAt" || '' AS "at" FROM "GeneratedDocument" g
      WHERE g."agencyId" = ${scope.agencyId} AND g."procuratorateId" = ${scope.procuratorateId} AND g."agencyVisible" = 1
        AND NOT EXISTS (SELECT 1 FROM "Service" s WHERE s."documentId" = g."id" AND s."agencyId" = ${scope.agencyId} AND s."recommendationId" IS NULL) ${where}
      ORDER BY ${sqlRaw(after ? `g."createdAt" DESC, g."id" DESC` : `g."createdAt" ASC, g."id" ASC`)} LIMIT ${limit}`;
  };

/** The cursor of the documents list in a URL (a bad one: the first page). */
export function documentCursor(url: URL): Cursor | null {
  return partedCursorFromUrl(url, 2, 2);
}

/**
 * One page of the documents served on or released to my agency: the services first, latest
 * first, then the released documents, latest first.
 */
export async function agencyDocumentsPage(scope: AgencyScope, cursor: Cursor | null, pageSize: number = AGENCY_LIST_PAGE_SIZE) {
  const page = await partedPage(2, cursor, pageSize, readDocumentPart(scope), (d) => [Number(d.part), d.at, d.k]);
  const idsOf = (part: number) => JSON.stringify(page.items.filter((d) => Number(d.part) === part).map((d) => d.k));
  // The page's rows in one statement, each by primary key; only what is mine (agency and procuratorate).
  const rows = page.items.length
    ? await prisma.$queryRaw<AgencyDocumentRow[]>`
        SELECT 'service:' || s."id" AS "key", s."documentKind" AS "kind", s."documentNumber" AS "number",
          CASE WHEN g."agencyVisible" = 1 THEN g."title" END AS "title", c."title" AS "caseTitle",
          s."servedOn", s."method", NULL AS "issuedAt",
          CASE WHEN g."agencyVisible" = 1 AND g."agencyId" = ${scope.agencyId} THEN g."id" END AS "documentId"
        FROM json_each(${idsOf(0)}) j
          CROSS JOIN "Service" s ON s."id" = j.value
          JOIN "Case" c ON c."id" = s."caseId" AND c."procuratorateId" = ${scope.procuratorateId}
          LEFT JOIN "GeneratedDocument" g ON g."id" = s."documentId"
        WHERE s."agencyId" = ${scope.agencyId} AND s."recommendationId" IS NULL
        UNION ALL
        SELECT 'document:' || g."id", g."kind", g."number", g."title", c."title", NULL, NULL, g."createdAt" || '', g."id"
        FROM json_each(${idsOf(1)}) j
          CROSS JOIN "GeneratedDocument" g ON g."id" = j.value
          LEFT JOIN "Case" c ON c."id" = g."caseId"
        WHERE g."procuratorateId" = ${scope.procuratorateId} AND g."agencyId" = ${scope.agencyId} AND g."agencyVisible" = 1`
    : [];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const items = page.items.flatMap((d) => byKey.get(`${Number(d.part) === 0 ? "service" : "document"}:${d.k}`) ?? []);
  return { items, next: page.next, prev: page.prev };
}

/** A bounded count of the documents list (services that are not recommendations, released documents). */
export async function countAgencyDocuments(scope: AgencyScope, cap: number = AGENCY_COUNT_CAP) {
  const [row] = await prisma.$queryRaw<{ n: bigint | number }[]>`
    SELECT ${bounded(
      sql`(SELECT s."id" FROM "Service" s WHERE s."agencyId" = ${scope.agencyId} AND +s."recommendationId" IS NULL
          AND EXISTS (SELECT 1 FROM "Case" c WHERE c."id" = s."caseId" AND c."procuratorateId" = ${scope.procuratorateId})
        UNION ALL
        SELECT g."id" FROM "GeneratedDocument" g WHERE g."agencyId" = ${scope.agencyId} AND g."procuratorateId" = ${scope.procuratorateId}
          AND g."agencyVisible" = 1
          AND NOT EXISTS (SELECT 1 FROM "Service" s WHERE s."documentId" = g."id" AND s."agencyId" = ${scope.agencyId} AND s."recommendationId" IS NULL))`,
      cap
    )} AS "n"`;
  return Number(row?.n ?? 0);
}

/** My agency's hearings: of my procuratorate, with a participant row of my agency. Alias h. */
function attendedHearings(scope: AgencyScope) {
  return sql`"Hearing" h WHERE h."procuratorateId" = ${scope.procuratorateId}
    AND h."id" IN (SELECT p."hearingId" FROM "HearingParticipant" p WHERE p."agencyId" = ${scope.agencyId})`;
}

/** The cursor of the hearings list in a URL (a bad one: the first page). */
export function hearingCursor(url: URL): Cursor | null {
  return cursorFromUrl(url, 2);
}

/** One page of the hearings my agency took part in, latest first, with my agency's own representatives only. */
export async function agencyHearingsPage(scope: AgencyScope, cursor: Cursor | null, pageSize: number = AGENCY_LIST_PAGE_SIZE) {
  const before = cursor?.dir === "before";
  const seek = cursor ? sql`AND (h."startsAt", h."id") ${sqlRaw(before ? ">" : "<")} (${sqlJoin(cursor.key)})` : sqlEmpty;
  // startsAt as stored text (|| ''), so that the cursor compares like the column.
  const keys = await prisma.$queryRaw<{ id: string; at: string }[]>`
    SELECT h."id", h."startsAt" || '' AS "at" FROM ${attendedHearings(scope)} ${seek}
    ORDER BY ${sqlRaw(before ? `h."startsAt" ASC, h."id" ASC` : `h."startsAt" DESC, h."id" DESC`)} LIMIT ${pageSize + 1}`;
  const page = keysetPage(keys, pageSize, cursor, (k) => [k.at, k.id]);
  const ids = page.items.map((k) => k.id);
  const hearings = ids.length
    ? await prisma.hearing.findMany({
        where: {
          id: { in: ids },
          procuratorateId: scope.procuratorateId,
          participants: { some: { agencyId: scope.agencyId } },
        },
        select: {
          id: true,
          title: true,
          venue: true,
          startsAt: true,
          endsAt: true,
          status: true,
          participants: {
            where: { agencyId: scope.agencyId },
            select: { name: true, post: true, attended: true },
          },
        },
      })
    : [];
  const byId = new Map(hearings.map((h) => [h.id, h]));
  const items = ids.flatMap((id) => {
    const h = byId.get(id);
    return h
      ? [
          {
            id: h.id,
            title: h.title,
            venue: h.venue,
            startsAt: h.startsAt,
            endsAt: h.endsAt,
            status: h.status,
            representatives: h.participants,
          },
        ]
      : [];
  });
  return { items, next: page.next, prev: page.prev };
}

/** A bounded count of the hearings my agency took part in. */
export async function countAgencyHearings(scope: AgencyScope, cap: number = AGENCY_COUNT_CAP) {
  const [row] = await prisma.$queryRaw<{ n: bigint | number }[]>`SELECT ${bounded(attendedHearings(scope), cap)} AS "n"`;
  return Number(row?.n ?? 0);
}

/**
 * One recommendation as served on my agency; throws 404 when it was never served on it.
 * Only my agency's service records and replies; the text the 检察建议书 carries (规则 Art 75;
 * 建议规定 Art 16), nothing of the internal file.
 */
export async function getServedRecommendation(scope: AgencyScope, recommendationId: string) {
  const rec = await prisma.recommendation.findFirst({
    where: {
      id: recommendationId,
      case: { procuratorateId: scope.procuratorateId },
      services: { some: { agencyId: scope.agencyId } },
    },
    select: {
      id: true,
      number: true,
      status: true,
      facts: true,
      reasons: true,
      legalBasis: true,
      replyPeriod: true,
      ccList: true,
      issuedOn: true,
      case: {
        select: {
          title: true,
          number: true,
          procuratorate: { select: { name: true } },
        },
      },
      points: { orderBy: { ordinal: "asc" }, select: { id: true, ordinal: true, text: true } },
      services: {
        where: { agencyId: scope.agencyId },
        orderBy: [{ servedOn: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          documentNumber: true,
          recipient: true,
          method: true,
          place: true,
          servedOn: true,
          signedBy: true,
          refusalReason: true,
          witness: true,
          serverName: true,
          // The 检察建议书 this service delivered (released to my agency by it).
          document: { select: { id: true, title: true, agencyId: true, agencyVisible: true } },
        },
      },
      replies: {
        where: { agencyId: scope.agencyId },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          status: true,
          summary: true,
          submittedAt: true,
          createdAt: true,
          submittedBy: { select: { displayName: true } },
          answers: { select: { pointId: true, status: true, text: true } },
          attachments: {
            orderBy: { createdAt: "asc" },
            select: { id: true, originalName: true, size: true, mimeType: true, createdAt: true },
          },
        },
      },
    },
  });
  if (!rec) notFound();
  const agency = await agencyName(scope);
  const ordinalOf = new Map(rec.points.map((p) => [p.id, p.ordinal]));
  return {
    id: rec.id,
    number: rec.number,
    status: rec.status,
    facts: rec.facts,
    reasons: rec.reasons,
    legalBasis: rec.legalBasis,
    replyPeriod: rec.replyPeriod,
    ccList: rec.ccList,
    issuedOn: rec.issuedOn,
    caseTitle: rec.case.title,
    caseNumber: rec.case.number,
    procuratorate: rec.case.procuratorate.name,
    agency,
    points: rec.points,
    services: rec.services.map(({ document, ...service }) => ({
      ...service,
      // Only a document released to my agency is offered for download.
      document: document && document.agencyVisible && document.agencyId === scope.agencyId ? { id: document.id, title: document.title } : null,
    })),
    replies: rec.replies.map((r) => ({
      id: r.id,
      status: r.status,
      summary: r.summary,
      submittedAt: r.submittedAt,
      createdAt: r.createdAt,
      submittedBy: r.submittedBy?.displayName ?? null,
      answers: r.answers
        .map((a) => ({ ...a, ordinal: ordinalOf.get(a.pointId) ?? 0 }))
        .sort((a, b) => a.ordinal - b.ordinal),
      attachments: r.attachments.map((a) => ({ ...a, size: byteCount(a.size) })),
    })),
  };
}
