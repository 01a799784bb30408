import type { AppliedEffect, EffectLine } from "~/domain/approval/effects";
import { approvalEffectPreview } from "~/domain/approval/effects";
import type { ApprovalPayloads } from "~/domain/approval/payloads";
import { parseStoredApprovalPayload, targetStateOf } from "~/domain/approval/payloads";
import type { ApprovalKindValue } from "~/domain/approval/schemas";
import { approvalKindSchema } from "~/domain/approval/schemas";
import type { CaseState } from "~/domain/case/states";
import { caseStateSchema } from "~/domain/case/states";
import { dateInShanghai, yearOf } from "~/domain/deadlines/dates";
import { recordAudit } from "~/models/audit.server";
import { refreshCaseDeadlines } from "~/models/deadline.server";
import { transitionCase } from "~/models/case-state.server";
import { allocateDocumentNumber, allocateRegisterNumber } from "~/models/numbering.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";

// Applying an approved request (审批通过后的执行), in the transaction that records the decision:
// what each kind asks for happens now or the whole decision is refused (409 with the reason).

/** Kinds whose effect depends on the case being as it was when the request was made. */
const CASE_BOUND: ReadonlySet<ApprovalKindValue> = new Set([
  "filing",
  "not_filing",
  "recommendation",
  "closure",
  "suspension",
  "resumption",
  "suit",
  "extension",
]);

export type ApprovalToApply = {
  id: string;
  procuratorateId: string;
  caseId: string | null;
  hearingId: string | null;
  kind: string;
  payload: string | null;
  caseVersion: number | null;
};

/** The state a suspended case was suspended from (its last move into `suspended`). */
export async function suspendedFromOf(tx: Tx, caseId: string): Promise<CaseState | null> {
  const last = await tx.caseTransition.findFirst({
    where: { caseId, toState: "suspended" },
    orderBy: { at: "desc" },
    select: { fromState: true },
  });
  const parsed = caseStateSchema.safeParse(last?.fromState);
  return parsed.success ? parsed.data : null;
}

export async function applyApproval(
  tx: Tx,
  approval: ApprovalToApply,
  actorId: string,
  at: Date,
): Promise<AppliedEffect> {
  const kind = approvalKindSchema.parse(approval.kind);
  const payload = parseStoredApprovalPayload(kind, approval.payload);
  if (!payload) throw new DomainError("approvals.error.payloadInvalid", 409);
  const on = dateInShanghai(at);
  const procuratorateId = approval.procuratorateId;

  let effect: AppliedEffect = { kind };
  if (CASE_BOUND.has(kind)) {
    if (!approval.caseId) throw new DomainError("approvals.error.noCase", 409);
    const kase = await tx.case.findFirst({
      where: { id: approval.caseId, procuratorateId },
      select: { id: true, state: true, version: true, number: true },
    });
    if (!kase) throw new DomainError("approvals.error.noCase", 409);
    // The case moved since the request was made: what was asked may no longer make sense.
    if (approval.caseVersion !== null && kase.version !== approval.caseVersion) {
      throw new DomainError("approvals.error.caseMoved", 409);
    }
    const from = caseStateSchema.parse(kase.state);
    const caseId = kase.id;
    const move = async (to: CaseState, reason?: string) => {
      await transitionCase(tx, { procuratorateId, caseId, to, actorId, approvalId: approval.id, reason, on });
      return { from, to };
    };
    switch (kind) {
      case "filing": {
        const p = payload as ApprovalPayloads["filing"];
        // 规则 Art 30: the filing decision; the register number is allocated on filing.
        const moved = await move("filed", p.reason);
        const number = kase.number ?? (await allocateRegisterNumber(tx, procuratorateId, yearOf(on)));
        if (!kase.number) {
          await tx.case.updateMany({ where: { id: caseId, procuratorateId }, data: { number } });
          await recordAudit(tx, {
            procuratorateId,
            actorId,
            action: "case.number",
            entityType: "Case",
            entityId: caseId,
            caseId,
            data: { before: null, after: number, approvalId: approval.id },
            at,
          });
        }
        effect = { kind, ...moved, caseNumber: number };
        break;
      }
      case "recommendation": {
        const p = payload as ApprovalPayloads["recommendation"];
        effect = { kind, ...(await issueRecommendation(tx, { procuratorateId, caseId, approvalId: approval.id, actorId, at, on }, p.recommendationId)) };
        effect = { ...effect, ...(await move("rectification", p.reason)) };
        break;
      }
      case "extension": {
        const p = payload as ApprovalPayloads["extension"];
        // 规则 Art 47: the extension is granted by the chief and counts from the approval.
        const used = await tx.approval.updateMany({ where: { id: approval.id, usedAt: null }, data: { usedAt: at } });
        if (used.count !== 1) throw new DomainError("approvals.error.alreadyUsed", 409);
        const row = await tx.deadlineExtension.create({
          data: {
            caseId,
            deadline: p.deadline,
            extraDays: p.extraDays ?? null,
            extraMonths: p.extraMonths ?? null,
            reason: p.reason,
            approvalId: approval.id,
            createdAt: at,
          },
          select: { id: true },
        });
        await recordAudit(tx, {
          procuratorateId,
          actorId,
          action: "deadline.extend",
          entityType: "DeadlineExtension",
          entityId: row.id,
          caseId,
          data: { deadline: p.deadline, extraDays: p.extraDays ?? null, extraMonths: p.extraMonths ?? null, approvalId: approval.id },
          at,
        });
        effect = { kind, extensionId: row.id };
        break;
      }
      case "closure": {
        const p = payload as ApprovalPayloads["closure"];
        effect = { kind, ...(await move("closed", `${p.ground}：${p.reason}`)) };
        break;
      }
      case "resumption": {
        const p = payload as ApprovalPayloads["resumption"];
        // 规则 Art 78: the case resumes where it was suspended.
        const back = targetStateOf(kind, await suspendedFromOf(tx, caseId));
        effect = { kind, ...(await move(back ?? "follow_up", p.reason)) };
        break;
      }
      default: {
        const p = payload as { reason?: string };
        const to = targetStateOf(kind);
        if (!to) throw new DomainError("approvals.error.payloadInvalid", 409);
        effect = { kind, ...(await move(to, p.reason)) };
      }
    }
    // An extension (or a number, a recommendation issued) changes the case's clocks: store them anew.
    await refreshCaseDeadlines(tx, procuratorateId, caseId);
  } else if (kind === "hearing" || kind === "late_notice" || kind === "departure_from_majority") {
    // Hearing-bound approvals take effect where they are used (setting up, notifying, deciding).
    effect = { kind, hearingId: approval.hearingId };
  }

  await recordAudit(tx, {
    procuratorateId,
    actorId,
    action: "approval.apply",
    entityType: "Approval",
    entityId: approval.id,
    caseId: approval.caseId,
    data: effect,
    at,
  });
  return effect;
}

/**
 * 建议规定 Art 7: an approved recommendation gets its 文号 (when a code is configured; otherwise it
 * is issued without one and the effect says so) and is approved for service.
 */
async function issueRecommendation(
  tx: Tx,
  ctx: { procuratorateId: string; caseId: string; approvalId: string; actorId: string; at: Date; on: string },
  recommendationId: string,
): Promise<Omit<AppliedEffect, "kind">> {
  const rec = await tx.recommendation.findFirst({
    where: { id: recommendationId, caseId: ctx.caseId, case: { procuratorateId: ctx.procuratorateId } },
    select: { id: true, status: true, number: true, issuedOn: true },
  });
  if (!rec) throw new DomainError("approvals.error.recommendationMissing", 409);
  if (rec.number || !["draft", "pending_approval"].includes(rec.status)) {
    throw new DomainError("approvals.error.recommendationIssued", 409);
  }
  const allocated = await allocateDocumentNumber(tx, ctx.procuratorateId, "recommendation", yearOf(ctx.on));
  const updated = await tx.recommendation.updateMany({
    where: { id: rec.id, status: rec.status, number: null },
    data: { number: allocated?.number ?? null, status: "approved", issuedOn: ctx.on },
  });
  if (updated.count !== 1) throw new DomainError("approvals.error.recommendationIssued", 409);
  await recordAudit(tx, {
    procuratorateId: ctx.procuratorateId,
    actorId: ctx.actorId,
    action: "recommendation.approve",
    entityType: "Recommendation",
    entityId: rec.id,
    caseId: ctx.caseId,
    data: {
      before: { status: rec.status, number: null, issuedOn: rec.issuedOn },
      after: { status: "approved", number: allocated?.number ?? null, issuedOn: ctx.on },
      approvalId: ctx.approvalId,
    },
    at: ctx.at,
  });
  return { recommendationId: rec.id, recommendationNumber: allocated?.number ?? null, unnumbered: !allocated };
}

/**
 * What the decision page says: before the decision, what approving will do and whether the case
 * has moved since the request (approving would then be refused); after it, what was done.
 */
export async function approvalOutlook(
  procuratorateId: string,
  approval: {
    id: string;
    kind: string;
    decision: string;
    caseId: string | null;
    caseVersion: number | null;
    case: { version: number } | null;
  },
): Promise<{ preview: EffectLine[]; stale: boolean; applied: AppliedEffect | null }> {
  const kind = approvalKindSchema.parse(approval.kind);
  if (approval.decision === "pending") {
    const [suspendedFrom, code] = await Promise.all([
      kind === "resumption" && approval.caseId ? suspendedFromOf(prisma, approval.caseId) : null,
      kind === "recommendation"
        ? prisma.documentNumberCode.findUnique({
            where: { procuratorateId_kind: { procuratorateId, kind: "recommendation" } },
            select: { code: true },
          })
        : null,
    ]);
    const stale =
      CASE_BOUND.has(kind) &&
      approval.caseVersion !== null &&
      !!approval.case &&
      approval.case.version !== approval.caseVersion;
    return {
      preview: approvalEffectPreview(kind, { target: targetStateOf(kind, suspendedFrom), recommendationCode: code?.code ?? null }),
      stale,
      applied: null,
    };
  }
  if (approval.decision !== "approved") return { preview: [], stale: false, applied: null };
  const event = await prisma.auditEvent.findFirst({
    where: { procuratorateId, entityType: "Approval", entityId: approval.id, action: "approval.apply" },
    orderBy: { at: "desc" },
    select: { data: true },
  });
  let applied: AppliedEffect | null = null;
  try {
    applied = event?.data ? (JSON.parse(event.data) as AppliedEffect) : null;
  } catch {
    applied = null;
  }
  return { preview: [], stale: false, applied };
}
