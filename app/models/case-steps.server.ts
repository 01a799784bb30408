import type { ApprovalPayloads } from "~/domain/approval/payloads";
import { checkGuard } from "~/domain/case/guards";
import type { GuardFacts } from "~/domain/case/guards";
import type { ApprovalKind } from "~/domain/case/lifecycle";
import type { NextStepInput } from "~/domain/case/next-steps";
import { approvalSubject, legalNextSteps, mayExtendPreSuitReview, needsClosureGround, PRE_SUIT_EXTENSION_MONTHS } from "~/domain/case/next-steps";
import type { CaseState } from "~/domain/case/states";
import { caseStateSchema } from "~/domain/case/states";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { assertNoPendingHearingDecision } from "~/models/hearing-decision.server";
import { requestApproval } from "~/models/approval-request.server";
import { transitionCase } from "~/models/case-state.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

// The next steps of a case (规则 Arts 5, 7, 47, 74, 78): what the case page offers, and taking one.
// A step whose edge needs the chief's approval is requested with requestApproval; any other step
// moves the case with transitionCase. Both check the case version the form was shown at.

/** The state a suspended case was suspended from (its latest move into `suspended`). */
async function suspendedFromOf(db: Tx | typeof prisma, caseId: string): Promise<CaseState | null> {
  const last = await db.caseTransition.findFirst({
    where: { caseId, toState: "suspended" },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { fromState: true },
  });
  const parsed = caseStateSchema.safeParse(last?.fromState);
  return parsed.success ? parsed.data : null;
}

/** The facts the guards of app/domain/case/guards.ts decide on. */
export async function guardFactsOf(db: Tx | typeof prisma, caseId: string, recommendationId?: string): Promise<GuardFacts> {
  const [kase, evidenceCount, recommendationPoints, recommendationServices, followUpCount] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId }, select: { leadProsecutorId: true, members: { select: { userId: true } } } }),
    db.evidence.count({ where: { caseId } }),
    recommendationId
      ? db.recommendationPoint.count({ where: { recommendationId, recommendation: { caseId } } })
      : Promise.resolve(0),
    db.service.count({ where: { caseId, recommendationId: { not: null } } }),
    db.followUp.count({ where: { caseId } }),
  ]);
  const team = new Set([kase.leadProsecutorId, ...kase.members.map((m) => m.userId)]);
  return { teamSize: team.size, evidenceCount, recommendationPoints, recommendationServices, followUpCount };
}

/**
 * What the overview's next-steps card shows: the legal steps, the requests awaiting the chief,
 * and a rejected request (with its reason) that nothing has superseded since.
 */
export async function getNextSteps(procuratorateId: string, caseId: string) {
  const kase = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: {
      id: true,
      state: true,
      version: true,
      approvals: {
        where: { procuratorateId },
        orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
        take: 20,
        select: {
          id: true,
          kind: true,
          subject: true,
          decision: true,
          comment: true,
          requestedAt: true,
          decidedAt: true,
          requestedBy: { select: { displayName: true } },
          decidedBy: { select: { displayName: true } },
        },
      },
      transitions: { orderBy: [{ at: "desc" }, { id: "desc" }], take: 1, select: { at: true } },
    },
  });
  if (!kase) notFound();
  const state = caseStateSchema.parse(kase.state);
  const suspendedFrom = state === "suspended" ? await suspendedFromOf(prisma, kase.id) : null;
  const steps = legalNextSteps(state, suspendedFrom);
  const pending = kase.approvals.filter((a) => a.decision === "pending");
  const lastMove = kase.transitions[0]?.at.getTime() ?? 0;
  // A rejection stays on the page until the case moves or a newer request of the kind is made.
  const seen = new Set<string>();
  const rejected = kase.approvals.filter((a) => {
    if (seen.has(a.kind)) return false;
    seen.add(a.kind);
    return a.decision === "rejected" && (a.decidedAt?.getTime() ?? 0) >= lastMove;
  });
  return {
    state,
    version: kase.version,
    steps,
    pending,
    rejected,
    mayExtend: mayExtendPreSuitReview(state),
  };
}

function payloadFor(kind: ApprovalKind, input: Extract<NextStepInput, { intent: "step" }>) {
  switch (kind) {
    case "closure":
      return { ground: input.ground!, reason: input.reason } satisfies ApprovalPayloads["closure"];
    default:
      return { reason: input.reason };
  }
}

/**
 * Takes a next step. 409 when the case moved since the form was shown (stale version), when the
 * step is not a legal one from the current state, or when a guard refuses; 400 without a ground
 * for a closure.
 */
export async function takeNextStep(
  procuratorateId: string,
  actorId: string,
  caseId: string,
  input: NextStepInput,
  today: string = dateInShanghai(),
): Promise<{ outcome: "moved"; to: CaseState } | { outcome: "requested"; approvalId: string }> {
  return prisma.$transaction(async (tx) => {
    const kase = await tx.case.findFirst({
      where: { id: caseId, procuratorateId },
      select: { id: true, state: true, version: true, title: true, number: true },
    });
    if (!kase) notFound();
    if (kase.version !== input.version) throw new DomainError("casepage.error.stale", 409);
    const state = caseStateSchema.parse(kase.state);

    if (input.intent === "extension") {
      if (!mayExtendPreSuitReview(state)) throw new DomainError("casepage.error.illegalStep", 409);
      // 规则 Art 47: 审查起诉 + one month with the chief's approval.
      const row = await requestApproval(
        {
          procuratorateId,
          requestedById: actorId,
          kind: "extension",
          subject: approvalSubject("extension", kase),
          caseId: kase.id,
          payload: { deadline: "pre_suit_review", extraMonths: PRE_SUIT_EXTENSION_MONTHS, reason: input.reason },
        },
        tx,
      );
      return { outcome: "requested", approvalId: row.id };
    }

    const suspendedFrom = state === "suspended" ? await suspendedFromOf(tx, kase.id) : null;
    const step = legalNextSteps(state, suspendedFrom).find((s) => s.to === input.to);
    if (!step) throw new DomainError("casepage.error.illegalStep", 409);
    // The recommendation is submitted with its draft, on the recommendation tab.
    if (step.approval === "recommendation") throw new DomainError("casepage.error.useRecommendationTab", 409);
    const guard = checkGuard(state, step.to, await guardFactsOf(tx, kase.id));
    if (!guard.ok) throw new DomainError(guard.reason, 409);
    if (needsClosureGround(step) && !input.ground) throw new DomainError("casepage.validation.closureGround", 400);

    if (step.approval === "closure" || step.approval === "suit") {
      // Issue 9 item 7 (听证规定 Art 16): the decision after a hearing is recorded first.
      await assertNoPendingHearingDecision(tx, procuratorateId, kase.id);
    }
    if (step.approval) {
      const row = await requestApproval(
        {
          procuratorateId,
          requestedById: actorId,
          kind: step.approval,
          subject: approvalSubject(step.approval, kase),
          caseId: kase.id,
          payload: payloadFor(step.approval, input),
        },
        tx,
      );
      return { outcome: "requested", approvalId: row.id };
    }
    await transitionCase(tx, { procuratorateId, caseId: kase.id, to: step.to, actorId, reason: input.reason, on: today });
    return { outcome: "moved", to: step.to };
  });
}
