// Why a document generated from a case, a clue or a consultation cannot be made yet (409).
export const documentsCase = {
  "documentsCase.error.notFiled": "案件尚未立案，不能制作立案决定书（规则第三十条）。",
  "documentsCase.error.clueNotDecided": "该线索尚无不立案决定，不能制作不立案决定书（规则第三十条）。",
  "documentsCase.error.notFactConfirmation": "该次磋商不是以事实确认书方式进行的，不能制作事实确认书（规则第七十条）。",
  "documentsCase.error.noMinutes": "该次磋商没有会议记录，不能制作磋商纪要（规则第七十条）。",
  "documentsCase.error.noRespondent": "案件尚未确定行政机关，不能制作需送达行政机关的文书。",
  "documentsCase.error.noRequestedItems": "案件没有登记由行政机关提供的证据，不能制作调取证据通知书和清单（规则第三十八条）。",
  "documentsCase.error.noEvidence": "案件尚未登记证据，不能制作证据清单。",
  "documentsCase.error.evidenceTruncated": "案件证据超过一份清单可列的数量，不能制作完整的证据清单。",
  "documentsCase.error.notSuspended": "案件未经批准中止审查，不能制作中止审查决定书（规则第七十八条）。",
  "documentsCase.error.notResumed": "案件未曾中止审查后恢复审查，不能制作恢复审查决定书（规则第七十八条）。",
  "documentsCase.error.notClosed": "案件尚未经检察长决定终结，不能制作终结案件决定书（规则第七十四条）。",
  "documentsCase.error.noClosureGround": "终结案件的审批没有载明规则第七十四条规定的终结理由，不能制作终结案件决定书。",
  "documentsCase.error.notPreSuit": "案件尚未进入审查起诉或提起诉讼阶段，不能制作起诉书（规则第四十六条、第八十一条）。",
  "documentsCase.error.noRecommendation": "案件没有已制发的检察建议，不能制作起诉书（诉前程序，规则第八十一条）。",
  "documentsCase.error.notInLitigation": "案件尚未提起诉讼，不能制作派员出庭通知书（规则第四十九条）。",
  "documentsCase.error.noProsecutorInCourt": "办案组中没有检察官，不能制作派员出庭通知书（规则第四十九条）。",
} as const;
