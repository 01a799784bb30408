import type { AssessmentOutcome } from "~/domain/recommendation/assessment";
import type { Scenario } from "./builder";

// The per-point assessments (跟进调查, 规则 Art 77) behind every reply the scenario marks
// "assessed": a reply is assessed only when each of its points has a current assessment
// (replyStatusAfterAssessment), so the demo records one per point, on the day and by the
// prosecutor of the recommendation's follow-up, with an audit event each. The outcome follows the
// agency's answer and what the follow-up found: a point answered done on a recommendation found
// not rectified was done on paper only (回复了但未实际整改), which the honest rates count as not
// rectified.

/** The outcome the scenario's follow-up gives a point, from its answer and the follow-up's conclusion. */
export function demoOutcome(answer: string, conclusion: string): AssessmentOutcome {
  if (answer === "done") return conclusion === "not_rectified" ? "paper_only" : "rectified";
  if (answer === "partly_done" || answer === "in_progress") return conclusion === "rectified" ? "rectified" : "partly_rectified";
  return conclusion === "rectified" ? "rectified" : "not_rectified";
}

const FINDINGS: Record<AssessmentOutcome, string> = {
  rectified: "经跟进调查核实，该项已整改到位。",
  partly_rectified: "经跟进调查核实，该项部分整改，仍需持续跟进。",
  paper_only: "行政机关回复已整改，但跟进调查发现问题依旧，仅为书面整改。",
  not_rectified: "经跟进调查核实，该项未整改。",
};

/** Records the assessments of the assessed replies; run after the scenario's pending rows are flushed. */
export async function seedPointAssessments(s: Scenario) {
  const replies = await s.tx.reply.findMany({
    where: { status: "assessed" },
    // The latest reply of a recommendation first: its answers are the ones verified.
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      answers: { orderBy: { point: { ordinal: "asc" } }, select: { id: true, pointId: true, status: true } },
      recommendation: {
        select: {
          id: true,
          procuratorateId: true,
          caseId: true,
          followUps: { orderBy: [{ assessedOn: "desc" }, { id: "desc" }], take: 1, select: { assessedOn: true, conclusion: true, createdById: true, createdAt: true } },
        },
      },
    },
  });
  for (const reply of replies) {
    const rec = reply.recommendation;
    const followUp = rec.followUps[0];
    if (!followUp) continue;
    const existing = await s.tx.pointAssessment.count({ where: { recommendationId: rec.id } });
    if (existing > 0) continue;
    for (const answer of reply.answers) {
      const outcome = demoOutcome(answer.status, followUp.conclusion);
      const row = await s.tx.pointAssessment.create({
        data: {
          recommendationId: rec.id,
          pointId: answer.pointId,
          answerId: answer.id,
          outcome,
          findings: FINDINGS[outcome],
          assessedById: followUp.createdById,
          assessedAt: followUp.createdAt,
        },
        select: { id: true },
      });
      s.audit({
        procuratorateId: rec.procuratorateId,
        actorId: followUp.createdById,
        action: "point_assessment.record",
        entityType: "PointAssessment",
        entityId: row.id,
        caseId: rec.caseId,
        data: { pointId: answer.pointId, outcome },
        at: followUp.createdAt,
      });
    }
  }
}
