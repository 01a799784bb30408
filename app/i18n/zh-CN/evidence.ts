// Evidence: labels of the chain-of-custody events (CustodyEvent.action, app/domain/evidence/kinds.ts).
export const evidence = {
  "custodyAction.collected": "收集",
  "custodyAction.received": "接收",
  "custodyAction.stored": "入卷保管",
  "custodyAction.viewed": "查阅",
  "custodyAction.disclosed": "向听证员出示",
  "custodyAction.transferred": "移交",
  "custodyAction.returned": "退还",
} as const;
