import type { CustodyAction } from "~/domain/evidence/kinds";
import { custodyActionSchema } from "~/domain/evidence/kinds";
import type { Tx } from "~/utils/db.server";

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
      location: input.location ?? null,
      note: input.note ?? null,
      at: input.at ?? new Date(),
    },
  });
}
