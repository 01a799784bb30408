import { z } from "zod";

/**
 * The document types the app generates and serves (DOMAIN.md §3), in the order a case meets them:
 * DocumentTemplate.kind, GeneratedDocument.kind and Service.documentKind. Labels are the i18n keys
 * documentKind.<kind> (`t.label("documentKind", kind)`), in both locales.
 */
export const DOCUMENT_KINDS = [
  "filing_decision", // 立案决定书 (规则 Arts 30, 70)
  "not_filing_decision", // 不立案决定书 (规则 Art 30)
  "fact_confirmation", // 事实确认书 (规则 Art 70)
  "consultation_minutes", // 磋商纪要 (规则 Art 70)
  "evidence_request", // 调取证据通知书 with its list of items (规则 Arts 36, 42)
  "evidence_list", // 证据清单: the case's evidence with each file's SHA-256 (规则 Art 42)
  "hearing_announcement", // 听证公告 (听证规定 Art 10(4))
  "hearing_notice", // 听证通知书 (听证规定 Art 10)
  "panelist_invitation", // 听证员邀请函 (听证规定 Art 11)
  "hearing_record", // 听证笔录 (听证规定 ~Art 17)
  "panel_opinion_form", // 听证员评议意见表 (practice)
  "recommendation", // 检察建议书 (规则 Art 75; 建议规定 Art 16)
  "proof_of_service", // 送达回证 (规则 Art 76; 民诉法 Art 87)
  "suspension_decision", // 中止审查决定书 (规则 Art 78)
  "resumption_decision", // 恢复审查决定书 (规则 Art 78)
  "closure_decision", // 终结案件决定书 (规则 Arts 74, 80)
  "complaint", // 行政公益诉讼起诉书 (规则 Art 46; 两高解释 Art 22)
  "court_appearance_notice", // 派员出庭通知书 (规则 Art 49)
] as const;
export const documentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof documentKindSchema>;

/** The i18n key of a document kind's label. */
export function documentKindLabelKey(kind: DocumentKind): `documentKind.${DocumentKind}` {
  return `documentKind.${kind}`;
}
