import type { evidenceCustody as zh } from "~/i18n/zh-CN/evidence-custody";

// Recording a physical custody step on an evidence item's page (app/components/evidence/custody-form.tsx,
// app/domain/evidence/schemas-custody.ts).
export const evidenceCustody = {
  "evidenceCustody.form.title": "Record a custody step",
  "evidenceCustody.form.hint": "Record when the physical item (or its carrier) is received, stored, transferred or returned. A step cannot be changed or deleted once saved; to correct one, record another and explain it in the note.",
  "evidenceCustody.form.action": "Step",
  "evidenceCustody.form.choose": "Choose",
  "evidenceCustody.form.at": "When",
  "evidenceCustody.form.counterparty": "Other side (received from / transferred to / returned to)",
  "evidenceCustody.form.counterpartyHint": "Required when receiving, transferring or returning: name the body and the person.",
  "evidenceCustody.form.location": "Place",
  "evidenceCustody.form.locationHint": "Required when storing: name the store or the case file.",
  "evidenceCustody.form.note": "Note",
  "evidenceCustody.form.submit": "Record",
  "evidenceCustody.recorded": "Custody step recorded.",
  "evidenceCustody.counterparty.received": "Received from",
  "evidenceCustody.counterparty.transferred": "Transferred to",
  "evidenceCustody.counterparty.returned": "Returned to",
  "evidenceCustody.counterparty.other": "Other side",
  "evidenceCustody.validation.action": "Choose received, stored, transferred or returned.",
  "evidenceCustody.validation.future": "The time cannot be later than now: a step is recorded after it happened.",
  "evidenceCustody.validation.counterparty.received": "Name whom the item was received from.",
  "evidenceCustody.validation.counterparty.transferred": "Name whom the item was transferred to (the new holder).",
  "evidenceCustody.validation.counterparty.returned": "Name whom the item was returned to.",
  "evidenceCustody.validation.place": "Name where the item is stored.",
} as const satisfies Record<keyof typeof zh, string>;
