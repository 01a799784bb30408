import { assessmentOutcomeSchema } from "~/domain/recommendation/assessment";
import { currentAssessments } from "~/domain/recommendation/assessment-rules";
import type { RateRecommendation } from "~/domain/recommendation/rates";
import { computeRates } from "~/domain/recommendation/rates";
import { dateInShanghai } from "~/domain/deadlines/dates";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

// Honest rates (issue 11 §6) from real rows, for an agency or a series of the procuratorate. One
// query with nested selects (Prisma batches each relation in one IN query, not one per row), over
// the recommendations served in scope, served by the indexes Service(agencyId), Case(seriesId, …)
// and PointAssessment(recommendationId). Bounded by RATE_LIMIT recommendations, newest first.

const RATE_LIMIT = 2000;

async function ratesWhere(procuratorateId: string, where: Prisma.RecommendationWhereInput, today: string) {
  const recs = await prisma.recommendation.findMany({
    where: { procuratorateId, services: { some: {} }, ...where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RATE_LIMIT,
    select: {
      id: true,
      services: { orderBy: [{ servedOn: "asc" }, { id: "asc" }], take: 1, select: { servedOn: true } },
      deadlines: { where: { kind: "agency_reply" }, take: 1, select: { dueOn: true } },
      replies: {
        where: { status: { in: ["submitted", "assessed"] } },
        orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { late: true, answers: { select: { pointId: true, status: true } } },
      },
      points: { select: { id: true } },
      pointAssessments: { select: { id: true, pointId: true, outcome: true, assessedAt: true, reopenedAt: true } },
    },
  });
  const rows: RateRecommendation[] = recs.map((r) => {
    const reply = r.replies[0] ?? null;
    const current = currentAssessments(r.pointAssessments);
    const answers = new Map(reply?.answers.map((a) => [a.pointId, a.status]) ?? []);
    return {
      year: Number(r.services[0]!.servedOn.slice(0, 4)),
      dueOn: r.deadlines[0]?.dueOn ?? null,
      reply: reply ? { late: reply.late } : null,
      points: r.points.map((p) => {
        const parsed = assessmentOutcomeSchema.safeParse(current.get(p.id)?.outcome);
        return { answer: answers.get(p.id) ?? null, outcome: parsed.success ? parsed.data : null };
      }),
    };
  });
  return { ...computeRates(rows, today), truncated: recs.length === RATE_LIMIT };
}

/** The rates of one agency: recommendations served on it (Service.agencyId). */
export function agencyRates(procuratorateId: string, agencyId: string, today: string = dateInShanghai()) {
  return ratesWhere(procuratorateId, { services: { some: { agencyId } } }, today);
}

/** The rates of one series: recommendations of its cases. */
export function seriesRates(procuratorateId: string, seriesId: string, today: string = dateInShanghai()) {
  return ratesWhere(procuratorateId, { case: { seriesId, procuratorateId } }, today);
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
    prisma.case.findMany({
      where: { procuratorateId, respondentAgencyId: agency.id },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: 50,
      select: { id: true, number: true, title: true, state: true },
    }),
    prisma.recommendation.findMany({
      where: { procuratorateId, services: { some: { agencyId: agency.id } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 50,
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
    }),
    agencyRates(procuratorateId, agency.id, today),
  ]);
  return { agency, cases, recommendations, rates };
}
