import type { evidence as zh } from "~/i18n/zh-CN/evidence";

// Evidence: labels of the chain-of-custody events and of the sources (app/domain/evidence/kinds.ts).
export const evidence = {
  "custodyAction.collected": "Collected",
  "custodyAction.received": "Received",
  "custodyAction.stored": "Filed in store",
  "custodyAction.viewed": "Viewed",
  "custodyAction.disclosed": "Shown to the panel",
  "custodyAction.transferred": "Transferred",
  "custodyAction.uploaded": "File uploaded",
  "custodyAction.downloaded": "File downloaded",
  "custodyAction.exported": "Exported",
  "custodyAction.verified": "Integrity verified",
  "evidenceSource.collected": "Collected by us",
  "evidenceSource.agency_handover": "Handed over by an agency",
  "evidenceSource.public_submission": "Submitted by a volunteer or the public",
  "custodyAction.returned": "Returned",
} as const satisfies Record<keyof typeof zh, string>;
