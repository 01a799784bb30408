// Evidence: labels of the chain-of-custody events and of the sources (app/domain/evidence/kinds.ts).
export const evidence = {
  "custodyAction.collected": "收集",
  "custodyAction.received": "接收",
  "custodyAction.stored": "入卷保管",
  "custodyAction.viewed": "查阅",
  "custodyAction.disclosed": "向听证员出示",
  "custodyAction.transferred": "移交",
  "custodyAction.uploaded": "上传文件",
  "custodyAction.downloaded": "下载文件",
  "custodyAction.exported": "导出",
  "custodyAction.verified": "完整性校验",
  "evidenceSource.collected": "本院调查收集",
  "evidenceSource.agency_handover": "行政机关移交",
  "evidenceSource.public_submission": "志愿者或群众提交",
  "custodyAction.returned": "退还",
} as const;
