import { assessmentOutcomeSchema } from "~/domain/recommendation/assessment";
import { currentAssessments } from "~/domain/recommendation/assessment-rules";
import type { RateRecommendation } from "~/domain/recommendation/rates";
import { computeRates } from "~/domain/recommendation/rates";
import { agencyReplyDeadline } from "~/domain/deadlines/agency-reply";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { calendarFor } from "~/models/deadline.server";
import type { Sql } from "~/utils/db.server";
import { prisma, sql } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

// Honest rates (issue 11 §6) from real rows, for an agency or a series of the procuratorate, over
// EVERY recommendation served in scope: a province's busiest agency has thousands, and rates over
// the newest few would not be honest. Two reads over the same scope in one read transaction (a
// consistent snapshot): one row per point of a replied recommendation (or one row for a recommendation
// without a submitted reply) with its first service, stored reply deadline, latest submitted reply
// and the point's answer; and the point assessments. The counting stays in the pure computeRates,
// the choice of the current assessment in currentAssessments. Served by the indexes
// Service(agencyId, recommendationId), Case(seriesId), Service/Reply/Deadline/PointAssessment
// (recommendationId), ReplyAnswer(replyId, pointId). Measured at 100,000 cases with
// `npm run bench:http` (the /agencies/:id and /series/:id rows).

type PointRow = {
  id: string;
  replyPeriod: string;
  servedOn: string | null;
  dueOn: string | null;
  late: number | bigint | null;
  replyId: string | null;
  pointId: string | null;
  answer: string | null;
};
type AssessmentDbRow = { id: string; recommendationId: string; pointId: string; outcome: string; assessedAt: string; reopenedAt: string | null };

/** `scope`: a subquery of the recommendation ids in scope (one column). */
async function ratesOf(procuratorateId: string, scope: Sql, today: string) {
  const recs = sql`SELECT r."id", r."replyPeriod" FROM "Recommendation" r WHERE r."procuratorateId" = ${procuratorateId} AND r."id" IN (${scope})`;
  const [pointRows, assessmentRows] = await prisma.$transaction([
    prisma.$queryRaw<PointRow[]>`
      WITH x AS MATERIALIZED (
        SELECT r."id", r."replyPeriod",
          (SELECT MIN(s."servedOn") FROM "Service" s WHERE s."recommendationId" = r."id") AS "servedOn",
          (SELECT d."dueOn" FROM "Deadline" d WHERE d."recommendationId" = r."id" AND d."kind" = 'agency_reply' LIMIT 1) AS "dueOn",
          (SELECT p."id" FROM "Reply" p WHERE p."recommendationId" = r."id" AND p."status" IN ('submitted', 'assessed')
            ORDER BY p."submittedAt" DESC, p."id" DESC LIMIT 1) AS "replyId"
        FROM (${recs}) r
      )
      SELECT x."id", x."replyPeriod", x."servedOn", x."dueOn", p."late", x."replyId", pt."id" AS "pointId", a."status" AS "answer"
      FROM x
        LEFT JOIN "Reply" p ON p."id" = x."replyId"
        LEFT JOIN "RecommendationPoint" pt ON x."replyId" IS NOT NULL AND pt."recommendationId" = x."id"
        LEFT JOIN "ReplyAnswer" a ON a."replyId" = x."replyId" AND a."pointId" = pt."id"
      WHERE x."servedOn" IS NOT NULL`,
    prisma.$queryRaw<AssessmentDbRow[]>`
      SELECT pa."id", pa."recommendationId", pa."pointId", pa."outcome", pa."assessedAt" || '' AS "assessedAt", pa."reopenedAt" || '' AS "reopenedAt"
      FROM (${recs}) x JOIN "PointAssessment" pa ON pa."recommendationId" = x."id"`,
  ]);
  const assessmentsOf = groupBy(assessmentRows, (a) => a.recommendationId);
  const calendar = await calendarFor(procuratorateId);
  const byRec = new Map<string, { rec: RateRecommendation & { points: RatePoint[] }; current: Map<string, AssessmentDbRow> }>();
  for (const row of pointRows) {
    let entry = byRec.get(row.id);
    if (!entry) {
      // The stored reply deadline goes when the case closes: an unanswered recommendation of a closed
      // case still counts as due, from its service and period (两高解释 Art 21).
      const dueOn =
        row.dueOn ??
        (row.replyId ? null : (agencyReplyDeadline({ replyPeriod: row.replyPeriod, servedOn: [row.servedOn!] }, calendar)?.dueOn ?? null));
      const rec = { year: Number(row.servedOn!.slice(0, 4)), dueOn, reply: row.replyId ? { late: Boolean(Number(row.late)) } : null, points: [] };
      entry = { rec, current: currentAssessments(assessmentsOf.get(row.id) ?? []) };
      byRec.set(row.id, entry);
    }
    if (!row.pointId) continue;
    const parsed = assessmentOutcomeSchema.safeParse(entry.current.get(row.pointId)?.outcome);
    entry.rec.points.push({ answer: row.answer, outcome: parsed.success ? parsed.data : null });
  }
  return computeRates([...byRec.values()].map((e) => e.rec), today);
}

type RatePoint = RateRecommendation["points"][number];

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** The rates of one agency: recommendations served on it (Service.agencyId). */
export function agencyRates(procuratorateId: string, agencyId: string, today: string = dateInShanghai()) {
  return ratesOf(procuratorateId, sql`SELECT s."recommendationId" FROM "Service" s WHERE s."agencyId" = ${agencyId} AND s."recommendationId" IS NOT NULL`, today);
}

/** The rates of one series: recommendations of its cases. */
export function seriesRates(procuratorateId: string, seriesId: string, today: string = dateInShanghai()) {
  return ratesOf(
    procuratorateId,
    sql`SELECT r2."id" FROM "Case" c JOIN "Recommendation" r2 ON r2."caseId" = c."id" WHERE c."seriesId" = ${seriesId} AND c."procuratorateId" = ${procuratorateId}`,
    today
  );
}

export type RatesData = Awaited<ReturnType<typeof agencyRates>>;

/** The agency page: the agency, its cases, recommendations and replies (bounded), and its rates. */
export async function getAgencyPage(procuratorateId: string, agencyId: string, today: string = dateInShanghai()) {
  const agency = await prisma.agency.findFirst({
    where: { id: agencyId, procuratorateId },
    select: { id: true, name: true },
  });
  if (!agency) notFound();
  const [cases, recommendations, rates] = await Promise.all([
    // Along Case(respondentAgencyId, updatedAt, id); the "+" keeps SQLite off the procuratorate's
    // (procuratorateId, updatedAt) index, which scans a province's cases for an agency with none.
    prisma.$queryRaw<{ id: string; number: string | null; title: string; state: string }[]>`
      SELECT c."id", c."number", c."title", c."state" FROM "Case" c
      WHERE c."respondentAgencyId" = ${agency.id} AND +c."procuratorateId" = ${procuratorateId}
      ORDER BY c."updatedAt" DESC, c."id" DESC LIMIT 50`,
    // Latest served first, along Service(agencyId, servedOn, id): the recommendations of a busy
    // agency are never all read and sorted for one page.
    prisma.service
      .findMany({
        where: { agencyId: agency.id, recommendationId: { not: null }, recommendation: { procuratorateId } },
        orderBy: [{ servedOn: "desc" }, { id: "desc" }],
        take: 50,
        select: {
          servedOn: true,
          recommendation: {
            select: {
              id: true,
              number: true,
              caseId: true,
              status: true,
              deadlines: { where: { kind: "agency_reply" }, take: 1, select: { dueOn: true } },
              replies: {
                where: { agencyId: agency.id },
                orderBy: [{ createdAt: "desc" }, { id: "desc" }],
                take: 1,
                select: { id: true, status: true, submittedAt: true, receiptNumber: true, late: true },
              },
            },
          },
        },
      })
      .then((services) => services.flatMap((s) => (s.recommendation ? [{ ...s.recommendation, servedOn: s.servedOn }] : []))),
    agencyRates(procuratorateId, agency.id, today),
  ]);
  return { agency, cases, recommendations, rates };
}
