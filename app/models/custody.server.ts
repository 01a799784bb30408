import type { CustodyAction } from "~/domain/evidence/kinds";
import { custodyActionSchema } from "~/domain/evidence/kinds";
import type { CustodyStepInput } from "~/domain/evidence/schemas-custody";
import { recordAudit } from "~/models/audit.server";
import { prisma } from "~/utils/db.server";
import type { Tx } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

// The chain of custody (保管链): one append-only row per thing that happened to an evidence item or
// one of its files (triggers of migration 20261201100001 refuse updates and deletes). Written in the
// same transaction as the change it records, beside its audit event; a read (a preview, a download)
// records its event on its own.

export type CustodyInput = {
  evidenceId: string;
  action: CustodyAction;
  /** The file concerned (uploaded, viewed, downloaded, verified), if the event is about one. */
  fileId?: string | null;
  /** A user who acted; or actorName for someone outside the system (a party, a courier). */
  actorId?: string | null;
  actorName?: string | null;
  /** The other side of a physical step: received from, transferred to, returned to. */
  counterparty?: string | null;
  location?: string | null;
  note?: string | null;
  at?: Date;
};

/** Appends one custody event. */
export function recordCustody(tx: Tx, input: CustodyInput) {
  return tx.custodyEvent.create({
    data: {
      evidenceId: input.evidenceId,
      action: custodyActionSchema.parse(input.action),
      fileId: input.fileId ?? null,
      actorId: input.actorId ?? null,
      actorName: input.actorName ?? null,
      counterparty: input.counterparty ?? null,
      location: input.location ?? null,
      note: input.note ?? null,
      at: input.at ?? new Date(),
    },
  });
}

/**
 * Records a physical custody step (received, stored, transferred, returned) that a member of staff
 * reports from the item's page, with its audit event, in one transaction. Scoped: an item outside
 * the procuratorate or the case answers 404. Allowed whatever the case's state: an item is returned
 * to its party after the case closed, and that step belongs in its chain too.
 */
export async function recordCustodyStep(procuratorateId: string, actorId: string, caseId: string, evidenceId: string, input: CustodyStepInput) {
  return prisma.$transaction(async (tx) => {
    const item = await tx.evidence.findFirst({ where: { id: evidenceId, caseId, case: { procuratorateId } }, select: { id: true, caseId: true } });
    if (!item) notFound();
    const event = await recordCustody(tx, {
      evidenceId: item.id,
      action: input.action,
      actorId,
      counterparty: input.counterparty,
      location: input.location,
      note: input.note,
      at: input.at,
    });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "evidence.custody",
      entityType: "CustodyEvent",
      entityId: event.id,
      caseId: item.caseId,
      data: {
        before: null,
        after: { evidenceId: item.id, action: event.action, at: event.at.toISOString(), counterparty: event.counterparty, location: event.location, note: event.note },
      },
    });
    return event;
  });
}
