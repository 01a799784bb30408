import type { ConsultationInput } from "~/domain/consultation/schemas";
import { mayConsult } from "~/domain/consultation/schemas";
import { recordAudit } from "~/models/audit.server";
import { prisma } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

// Consultations (磋商, 规则 Art 70): talks with the agency after filing, by meeting or by a
// 事实确认书, with minutes. Every function takes the procuratorate first and filters by it.

/** The case's consultations, oldest first; 404 when the case is not the procuratorate's. */
export async function listConsultations(procuratorateId: string, caseId: string) {
  const found = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: {
      id: true,
      consultations: {
        orderBy: [{ heldOn: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          heldOn: true,
          method: true,
          place: true,
          attendees: true,
          facts: true,
          agencyPosition: true,
          rectificationPlan: true,
          minutes: true,
        },
      },
    },
  });
  if (!found) notFound();
  return found.consultations;
}

/**
 * Records a consultation on the case, with its audit event, in one transaction. 409 when the case
 * moved since the form was shown (stale version) or is not at a stage that consults (规则 Art 70).
 */
export async function recordConsultation(procuratorateId: string, actorId: string, caseId: string, input: ConsultationInput) {
  return prisma.$transaction(async (tx) => {
    const kase = await tx.case.findFirst({ where: { id: caseId, procuratorateId }, select: { id: true, state: true, version: true } });
    if (!kase) notFound();
    if (kase.version !== input.version) throw new DomainError("casepage.error.stale", 409);
    if (!mayConsult(kase.state)) throw new DomainError("casepage.error.consultState", 409);
    const { version: _version, ...fields } = input;
    const row = await tx.consultation.create({ data: { caseId: kase.id, ...fields, createdById: actorId }, select: { id: true } });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "consultation.record",
      entityType: "Consultation",
      entityId: row.id,
      caseId: kase.id,
      data: { before: null, after: fields },
    });
    return row;
  });
}
