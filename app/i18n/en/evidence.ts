import type { evidence as zh } from "~/i18n/zh-CN/evidence";

// Evidence: labels of the chain-of-custody events (CustodyEvent.action, app/domain/evidence/kinds.ts).
export const evidence = {
  "custodyAction.collected": "Collected",
  "custodyAction.received": "Received",
  "custodyAction.stored": "Filed in store",
  "custodyAction.viewed": "Viewed",
  "custodyAction.disclosed": "Shown to the panel",
  "custodyAction.transferred": "Transferred",
  "custodyAction.returned": "Returned",
} as const satisfies Record<keyof typeof zh, string>;
