import { approvalSubject } from "~/domain/case/next-steps";
import { createT } from "~/i18n";
import { checkGuard } from "~/domain/case/guards";
import type { CaseState } from "~/domain/case/states";
import { caseStateSchema } from "~/domain/case/states";
import { computeDeadline } from "~/domain/deadlines/compute";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { DEADLINE_RULES, replyRuleFor } from "~/domain/deadlines/rules";
import { assessmentOutcomeSchema } from "~/domain/recommendation/assessment";
import { currentAssessments } from "~/domain/recommendation/assessment-rules";
import type { Escalation, EscalationInput } from "~/domain/recommendation/escalation";
import { decideEscalation } from "~/domain/recommendation/escalation";
import type { FollowUpConclusion } from "~/domain/recommendation/follow-up";
import { replyPeriodSchema } from "~/domain/recommendation/states";
import { requestApproval } from "~/models/approval-request.server";
import { recordAudit } from "~/models/audit.server";
import { guardFactsOf } from "~/models/case-steps.server";
import { transitionCase } from "~/models/case-state.server";
import { calendarFor } from "~/models/deadline.server";
import { assertNoPendingHearingDecision } from "~/models/hearing-decision.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

// The escalation gate of the case page (issue 11 §5): the facts decideEscalation reads, and the one
// guided action that takes what it offers through the transition table (规则 Arts 77-81).

/** The facts of the case's latest served recommendation; null fields before service. */
async function factsOf(db: Tx | typeof prisma, procuratorateId: string, caseId: string, today: string) {
  const kase = await db.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: {
      id: true,
      state: true,
      version: true,
      number: true,
      title: true,
      recommendations: {
        where: { procuratorateId, status: { in: ["served", "replied", "closed"] } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: {
          id: true,
          replyPeriod: true,
          points: { orderBy: { ordinal: "asc" }, select: { id: true, ordinal: true } },
          replies: {
            where: { status: { in: ["submitted", "assessed"] } },
            orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
            take: 1,
            select: { id: true, dueOn: true },
          },
          services: { orderBy: [{ servedOn: "asc" }, { id: "asc" }], take: 1, select: { servedOn: true } },
          deadlines: { where: { kind: "agency_reply" }, take: 1, select: { dueOn: true } },
          pointAssessments: { select: { id: true, pointId: true, outcome: true, assessedAt: true, reopenedAt: true } },
        },
      },
    },
  });
  if (!kase) notFound();
  const state = caseStateSchema.parse(kase.state);
  const rec = kase.recommendations[0] ?? null;
  // The end of the rectification period: the stored reply deadline while it runs, the due date kept
  // on the submitted reply once it stopped the clock (the stored row then goes).
  let replyDueOn: string | null = rec?.deadlines[0]?.dueOn ?? rec?.replies[0]?.dueOn ?? null;
  if (rec && !replyDueOn && rec.services[0]) {
    // Before the deadline cache stored the row, the same rule (两高解释 Art 21).
    const period = replyPeriodSchema.catch("two_months").parse(rec.replyPeriod);
    replyDueOn = computeDeadline(replyRuleFor(period), rec.services[0].servedOn, await calendarFor(procuratorateId, db as Tx)).dueOn;
  }
  const current = rec ? currentAssessments(rec.pointAssessments) : new Map();
  const points = (rec?.points ?? []).map((p) => {
    const parsed = assessmentOutcomeSchema.safeParse(current.get(p.id)?.outcome);
    return { ordinal: p.ordinal, outcome: parsed.success ? parsed.data : null };
  });
  const decision = rec
    ? decideEscalation({ state, replySubmitted: rec.replies.length > 0, replyDueOn, today, outcomes: points.map((p) => p.outcome) })
    : ({ offer: "none", complaintDraft: false } satisfies Escalation);
  return { kase, state, recommendationId: rec?.id ?? null, replyDueOn, points, decision };
}

/**
 * What the case page's gate shows: the offer, why, and the one-month clock of 审查起诉, counted from
 * the end of the rectification period (规则 Art 47: 自检察建议整改期满之日起), as the deadline engine
 * counts it once the case is in pre-suit review.
 */
export async function getEscalation(procuratorateId: string, caseId: string, today: string = dateInShanghai()) {
  const f = await factsOf(prisma, procuratorateId, caseId, today);
  const clock =
    f.decision.offer === "pre_suit_review"
      ? computeDeadline(DEADLINE_RULES.pre_suit_review, f.replyDueOn ?? today, await calendarFor(procuratorateId))
      : null;
  return {
    decision: f.decision,
    version: f.kase.version,
    replyDueOn: f.replyDueOn,
    points: f.points,
    clock: clock ? { dueOn: clock.dueOn, basis: clock.basis, basisKey: clock.basisKey } : null,
  };
}

/** The 审查终结报告's conclusion from the gate's reason (规则 Art 79). */
function conclusionOf(decision: Escalation, points: { outcome: string | null }[]): FollowUpConclusion {
  if (decision.offer === "closure") return "rectified";
  if (decision.offer === "pre_suit_review" && decision.reason === "unperformed") {
    return points.some((p) => p.outcome === "not_rectified" || p.outcome === "paper_only") ? "not_rectified" : "partly_rectified";
  }
  return "not_rectified";
}

/**
 * Takes what the gate offers, in one transaction: from the agency's period the case first moves to
 * follow-up (规则 Art 77); the follow-up's conclusion is recorded (审查终结报告, 规则 Art 79); then
 * pre-suit review is entered (规则 Arts 79, 81; its one-month clock starts, 规则 Art 47) or closure
 * on 规则 Art 74(3) is requested from the chief (规则 Art 80). 409 when the case moved since the page
 * was shown or the gate does not offer this step.
 */
export async function takeEscalation(
  procuratorateId: string,
  actorId: string,
  caseId: string,
  input: EscalationInput,
  today: string = dateInShanghai(),
): Promise<{ outcome: "moved"; to: CaseState } | { outcome: "requested"; approvalId: string }> {
  return prisma.$transaction(async (tx) => {
    const f = await factsOf(tx, procuratorateId, caseId, today);
    if (f.kase.version !== input.version) throw new DomainError("casepage.error.stale", 409);
    if (f.decision.offer !== input.offer) throw new DomainError("agencyAssess.error.notOffered", 409);
    if (f.state === "rectification") {
      const guard = checkGuard("rectification", "follow_up", await guardFactsOf(tx, caseId));
      if (!guard.ok) throw new DomainError(guard.reason, 409);
      await transitionCase(tx, { procuratorateId, caseId, to: "follow_up", actorId, reason: input.reason, on: today });
    }
    // The 审查终结报告's findings, in the legal language whatever the user's locale.
    const legal = createT("zh-CN");
    const findings = f.points
      .map((p) => legal("agencyAssess.findings.point", { n: p.ordinal, outcome: p.outcome ? legal.label("assessmentOutcome", p.outcome) : legal("agencyAssess.findings.unassessed") }))
      .join("；");
    const followUp = await tx.followUp.create({
      data: {
        caseId,
        recommendationId: f.recommendationId,
        assessedOn: today,
        method: "跟进调查（逐项评估）",
        findings: f.decision.offer === "pre_suit_review" && f.decision.reason === "overdue" ? legal("agencyAssess.findings.overdue", { date: f.replyDueOn ?? "" }) : findings,
        conclusion: conclusionOf(f.decision, f.points),
        disposition: f.decision.offer === "closure" ? "close" : "sue",
        createdById: actorId,
      },
      select: { id: true, conclusion: true, disposition: true, findings: true },
    });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "follow_up.record",
      entityType: "FollowUp",
      entityId: followUp.id,
      caseId,
      data: { before: null, after: { conclusion: followUp.conclusion, disposition: followUp.disposition, findings: followUp.findings } },
    });
    if (f.decision.offer === "pre_suit_review") {
      const guard = checkGuard("follow_up", "pre_suit_review", await guardFactsOf(tx, caseId));
      if (!guard.ok) throw new DomainError(guard.reason, 409);
      await transitionCase(tx, { procuratorateId, caseId, to: "pre_suit_review", actorId, reason: input.reason, on: today });
      return { outcome: "moved", to: "pre_suit_review" };
    }
    await assertNoPendingHearingDecision(tx, procuratorateId, caseId);
    const row = await requestApproval(
      {
        procuratorateId,
        requestedById: actorId,
        kind: "closure",
        subject: approvalSubject("closure", f.kase),
        caseId,
        payload: { ground: "fully_rectified", reason: input.reason },
      },
      tx,
    );
    return { outcome: "requested", approvalId: row.id };
  });
}
