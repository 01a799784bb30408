import type { KindDefinition } from "../spec";
import { RULES, caseLabel, evidenceKindName, text } from "./case-common";

// 调取证据通知书 with its 调取证据清单 (规则 Art 38): the procuratorate asks an agency for documentary
// and physical evidence, carried by at least two of its staff (规则 Art 36). Originals are asked
// for; a copy must carry "本复制件与原件核对一致" with who provided and took it (规则 Art 38(2)).
// Agency-facing: an item marked as holding personal data is listed by its name only.

export type EvidenceRequestItem = {
  ordinal: number;
  title: string;
  /** EvidenceKind (规则 Art 34). */
  kind: string;
  isOriginal: boolean;
  description: string | null;
  containsPersonal: boolean;
};

export type EvidenceRequestSource = {
  caseNumber: string | null;
  caseTitle: string;
  agencyName: string;
  /** The staff who carry the notice and take the evidence: at least two (规则 Art 36). */
  staff: string[];
  /** The procuratorate's telephone, for the agency's questions. */
  phone: string | null;
  items: EvidenceRequestItem[];
};

export const evidenceRequest: KindDefinition<EvidenceRequestSource> = {
  kind: "evidence_request",
  subject: "case",
  audience: "agency",
  numbered: false,
  // delivered to the addressee by two staff, who record its receipt (规则 Arts 36, 38).
  release: "on_service",
  fields: [
    text("addressee", "主送机关（被调取证据的单位）", "Addressee: the agency asked for the evidence"),
    text("case_title", "案件名称（案号）", "Case name (register number)"),
    text("staff", "调取证据的检察人员（二名以上，规则第三十六条）", "Staff taking the evidence (two or more, Rules Art 36)"),
    text("phone", "联系电话", "Contact telephone", false),
    {
      name: "items",
      type: "table",
      required: true,
      label: { zh: "调取证据清单", en: "List of the evidence to produce" },
      columns: [
        { key: "no", label: { zh: "序号", en: "No." }, width: 1 },
        { key: "title", label: { zh: "证据名称", en: "Item" }, width: 5 },
        { key: "kind", label: { zh: "证据种类", en: "Kind" }, width: 2 },
        { key: "form", label: { zh: "原件／复制件", en: "Original / copy" }, width: 2 },
        { key: "note", label: { zh: "说明", en: "Notes" }, width: 5 },
      ],
    },
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "调取证据通知书" },
    { type: "para", text: "{{addressee}}：", indent: false },
    {
      type: "para",
      text: `本院在办理{{case_title}}过程中，依照${RULES}第三十五条、第三十八条的规定，需向你单位调取下列证据材料，由本院检察人员{{staff}}持本通知书前往调取，请予协助。`,
    },
    { type: "para", text: "调取证据清单", indent: false, align: "center" },
    { type: "block", field: "items" },
    {
      type: "para",
      text: "书证应当提供原件；提供原件确有困难或者因保密需要无法提供原件的，可以提供复制件，复制件应当注明调取人、提供人、调取时间、证据出处和“本复制件与原件核对一致”等字样，并签字、盖章；页码较多的，加盖骑缝章。物证应当提供原物；提供原物确有困难的，可以提供足以反映原物外形或者内容的照片、录像或者复制品。",
    },
    { type: "para", text: "联系电话：{{phone}}" },
    { type: "signature" },
    { type: "space", lines: 1 },
    {
      type: "form",
      rows: [
        { label: "证据提供单位（盖章）", text: "" },
        { label: "提供人（签名）及日期", text: "" },
        { label: "调取人（签名）及日期", text: "" },
      ],
    },
  ],
  title: (s) => `调取证据通知书（${s.caseTitle}）`,
  map: (s) => ({
    addressee: s.agencyName,
    case_title: caseLabel(s.caseTitle, s.caseNumber),
    staff: s.staff.join("、"),
    phone: s.phone?.trim() ?? "",
    items: {
      rows: [...s.items]
        .sort((a, b) => a.ordinal - b.ordinal)
        .map((item, i) => [
          String(i + 1),
          item.title,
          evidenceKindName(item.kind),
          item.isOriginal ? "原件" : "复制件（注明“本复制件与原件核对一致”）",
          // Personal data is not repeated in a letter to the agency (个人信息保护法 Arts 33–34).
          item.containsPersonal ? "（含个人信息，内容不在本清单列明）" : (item.description?.trim() ?? ""),
        ]),
    },
  }),
};
