import type { ApprovalPayload } from "~/domain/approval/payloads";
import { APPROVAL_PAYLOAD_SCHEMAS } from "~/domain/approval/payloads";
import type { ApprovalKindValue } from "~/domain/approval/schemas";
import { recordAudit } from "~/models/audit.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { DomainError, orNotFound } from "~/utils/errors";

// Asking for an approval (提请审批). Every workflow that needs the chief's decision calls this one
// function: it checks the subject is in the procuratorate, refuses a second pending request of the
// same kind for the same subject, stores the typed payload and the case's version, and writes the
// audit event, all in the caller's transaction (or its own).

export type ApprovalRequestInput<K extends ApprovalKindValue> = {
  procuratorateId: string;
  requestedById: string;
  kind: K;
  /** What is asked, in one line (shown in the queue). */
  subject: string;
  caseId?: string | null;
  hearingId?: string | null;
  payload: ApprovalPayload<K>;
  at?: Date;
};

export async function requestApproval<K extends ApprovalKindValue>(
  input: ApprovalRequestInput<K>,
  tx?: Tx,
): Promise<{ id: string }> {
  if (!tx) return prisma.$transaction((t) => requestApproval(input, t));
  const payload = APPROVAL_PAYLOAD_SCHEMAS[input.kind].parse(input.payload);
  let caseVersion: number | null = null;
  if (input.caseId) {
    const c = orNotFound(
      await tx.case.findFirst({
        where: { id: input.caseId, procuratorateId: input.procuratorateId },
        select: { version: true },
      }),
    );
    caseVersion = c.version;
  }
  if (input.hearingId) {
    orNotFound(
      await tx.hearing.findFirst({
        where: { id: input.hearingId, procuratorateId: input.procuratorateId },
        select: { id: true },
      }),
    );
  }
  const pending = await tx.approval.findFirst({
    where: {
      procuratorateId: input.procuratorateId,
      kind: input.kind,
      decision: "pending",
      caseId: input.caseId ?? null,
      hearingId: input.hearingId ?? null,
    },
    select: { id: true },
  });
  if (pending) throw new DomainError("approvals.error.alreadyPending", 409);
  const at = input.at ?? new Date();
  const row = await tx.approval.create({
    data: {
      procuratorateId: input.procuratorateId,
      caseId: input.caseId ?? null,
      hearingId: input.hearingId ?? null,
      kind: input.kind,
      subject: input.subject,
      payload: JSON.stringify(payload),
      caseVersion,
      requestedById: input.requestedById,
      requestedAt: at,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    procuratorateId: input.procuratorateId,
    actorId: input.requestedById,
    action: "approval.request",
    entityType: "Approval",
    entityId: row.id,
    caseId: input.caseId ?? null,
    data: { kind: input.kind, subject: input.subject, payload },
    at,
  });
  return row;
}
