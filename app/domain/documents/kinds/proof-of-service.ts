import { SERVICE_METHODS } from "~/domain/recommendation/states";
import type { KindDefinition } from "../spec";
import { formatDocumentDate } from "../spec";
import { zhLabel } from "./hearing-common";

// 送达回证 (proof of service) of a 检察建议书 (规则 Art 76: served within 3 days; 民诉法 Arts 87–89).
// Fields: document name and 文号, recipient, place, method, receipt date (= the service date, which
// starts the reply clock: 民诉法 Art 87), the recipient's or authorised signer's signature, the
// refusal reason with a witness (留置送达, 民诉法 Art 89), the server. Filled from the Service record
// once the recommendation was served; before that the blank lines are filled in by hand at service.
// Required are the values every proof carries; place, signer, refusal and witness (民诉法 Arts 87,
// 89: a refusal has no signer, a direct service no witness) and the server may be blank lines.

export type ProofOfServiceSource = {
  recommendationId: string;
  /** The 检察建议书's 文号 (Recommendation.number). */
  documentNumber: string;
  /** The agency the recommendation is addressed to: the recipient. */
  agency: string;
  caseTitle: string;
  /** The Service record, or null while the recommendation has not been served. */
  service: {
    recipient: string;
    method: string;
    place: string | null;
    servedOn: string;
    signedBy: string | null;
    refusalReason: string | null;
    witness: string | null;
    serverName: string;
  } | null;
};

/** 民诉法 Arts 87–89, 91: the methods as tick boxes, the one used ticked (all open while blank). */
export function serviceMethodBoxes(method: string | null): string {
  return SERVICE_METHODS.map((m) => `${m === method ? "☑" : "□"}${zhLabel("serviceMethod", m)}`).join("　");
}

/** A blank date to fill by hand. */
const BLANK_DATE = "　　　　年　　月　　日";

export const proofOfServiceDefinition: KindDefinition<ProofOfServiceSource> = {
  kind: "proof_of_service",
  subject: "recommendation",
  audience: "agency",
  numbered: false,
  // the proof of service itself, the agency's own receipt (民诉法 Art 87).
  release: "on_issue",
  fields: [
    { name: "document_name", type: "text", required: true, label: { zh: "送达文书名称", en: "Document served" } },
    { name: "document_number", type: "text", required: true, label: { zh: "送达文书文号", en: "Number of the document served" } },
    { name: "recipient", type: "text", required: true, label: { zh: "受送达人", en: "Recipient" } },
    { name: "place", type: "text", required: false, label: { zh: "送达地点", en: "Place of service" } },
    { name: "method", type: "text", required: true, label: { zh: "送达方式", en: "Method of service" } },
    { name: "received_on", type: "date", required: true, label: { zh: "收件日期（送达日期）", en: "Date of receipt (date of service)" } },
    { name: "signed_by", type: "text", required: false, label: { zh: "受送达人或代收人签名", en: "Signature of the recipient or authorised signer" } },
    { name: "refusal_reason", type: "text", required: false, label: { zh: "拒收事由", en: "Reason for refusal" } },
    { name: "witness", type: "text", required: false, label: { zh: "见证人", en: "Witness" } },
    { name: "server", type: "text", required: false, label: { zh: "送达人", en: "Server" } },
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "送达回证" },
    {
      type: "form",
      rows: [
        { label: "送达文书名称", text: "{{document_name}}" },
        { label: "文号", text: "{{document_number}}" },
        { label: "受送达人", text: "{{recipient}}" },
        { label: "送达地点", text: "{{place}}" },
        { label: "送达方式", text: "{{method}}" },
        { label: "收件日期", text: "{{received_on}}" },
        { label: "受送达人（代收人）签名或盖章", text: "{{signed_by}}" },
        { label: "拒收事由", text: "{{refusal_reason}}" },
        { label: "见证人", text: "{{witness}}" },
        { label: "送达人", text: "{{server}}" },
      ],
    },
    { type: "para", text: "受送达人拒绝签收的，送达人应当在本回证上注明拒收事由和日期，由送达人、见证人签名或者盖章，并可以采用拍照、录像等方式记录送达过程。", indent: true },
    { type: "signature" },
  ],
  title: (src) => `送达回证（${src.documentNumber}）`,
  map: (src) => {
    const s = src.service;
    return {
      document_name: "检察建议书",
      document_number: src.documentNumber,
      recipient: s?.recipient ?? src.agency,
      place: s?.place ?? "",
      method: serviceMethodBoxes(s?.method ?? null),
      received_on: s ? formatDocumentDate(s.servedOn) : BLANK_DATE,
      signed_by: s?.signedBy ?? "",
      refusal_reason: s?.refusalReason ?? "",
      witness: s?.witness ?? "",
      server: s?.serverName ?? "",
    };
  },
};
