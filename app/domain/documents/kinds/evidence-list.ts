import type { KindDefinition } from "../spec";
import { formatDocumentDate } from "../spec";
import { caseLabel, evidenceKindName, paras, respondentText, text } from "./case-common";

// 证据清单: the case's evidence items in the case's numbering (规则 Art 34 kinds), when, where and by
// whom each was collected (规则 Art 36: two staff or more), and each file's SHA-256, so that whoever
// holds the list can check that a file is the one collected. An internal document of the case file:
// items holding personal data are listed and marked (a court or panel copy goes through redaction).

export type EvidenceListLine = {
  number: number;
  kind: string;
  title: string;
  collectedOn: string | null;
  collectedPlace: string | null;
  isOriginal: boolean;
  collectors: string[];
  containsPersonal: boolean;
  files: { name: string; sha256: string; size: number; redactionOf: string | null }[];
};

export type EvidenceListSource = {
  caseNumber: string | null;
  caseTitle: string;
  agencyName: string | null;
  lines: EvidenceListLine[];
};

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const evidenceList: KindDefinition<EvidenceListSource> = {
  kind: "evidence_list",
  subject: "case",
  audience: "internal",
  numbered: false,
  release: "never", // not addressed to an agency
  fields: [
    text("case_title", "案件名称（案号）", "Case name (register number)"),
    text("respondent", "行政机关", "Respondent agency"),
    paras("totals", "证据及文件数量", "Counts of items and files"),
    {
      name: "items",
      type: "table",
      required: true,
      label: { zh: "证据清单（每个文件一行，附SHA-256）", en: "Evidence list (one row per file, with its SHA-256)" },
      columns: [
        { key: "no", label: { zh: "序号", en: "No." }, width: 1 },
        { key: "title", label: { zh: "证据名称", en: "Item" }, width: 4 },
        { key: "kind", label: { zh: "种类", en: "Kind" }, width: 2 },
        { key: "collected", label: { zh: "收集时间、地点及收集人", en: "Collected (when, where, by whom)" }, width: 4 },
        { key: "file", label: { zh: "文件名及大小", en: "File and size" }, width: 3 },
        { key: "sha256", label: { zh: "SHA-256", en: "SHA-256" }, width: 6 },
      ],
    },
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "证据清单" },
    { type: "para", text: "案件名称：{{case_title}}", indent: false },
    { type: "para", text: "行政机关：{{respondent}}", indent: false },
    { type: "block", field: "items" },
    { type: "block", field: "totals" },
    { type: "signature", signer: "制表人（签名）：" },
  ],
  title: (s) => `证据清单（${s.caseTitle}）`,
  map: (s) => {
    const rows: string[][] = [];
    const lines = [...s.lines].sort((a, b) => a.number - b.number);
    for (const l of lines) {
      const collected = [
        formatDocumentDate(l.collectedOn),
        l.collectedPlace ?? "",
        l.collectors.length ? `收集人：${l.collectors.join("、")}` : "",
      ].filter(Boolean).join("；");
      // 规则 Art 38: original or copy, unless the item's name says so already.
      const notes = [
        /原件|复印件|复制件/.test(l.title) ? "" : l.isOriginal ? "原件" : "复制件",
        l.containsPersonal ? "含个人信息" : "",
      ].filter(Boolean);
      const title = notes.length ? `${l.title}（${notes.join("，")}）` : l.title;
      const files = l.files.length ? l.files : [null];
      files.forEach((f, i) => {
        const file = f ? `${f.name}${f.redactionOf ? `（${f.redactionOf}的脱敏件）` : ""}，${sizeText(f.size)}` : "（无电子文件）";
        rows.push(
          i === 0
            ? [String(l.number), title, evidenceKindName(l.kind), collected, file, f?.sha256 ?? ""]
            : ["", "", "", "", file, f?.sha256 ?? ""],
        );
      });
    }
    const fileCount = lines.reduce((n, l) => n + l.files.length, 0);
    return {
      case_title: caseLabel(s.caseTitle, s.caseNumber),
      respondent: respondentText(s.agencyName),
      totals: [`共${lines.length}项证据，${fileCount}个电子文件。文件的SHA-256值可用于核对文件是否为收集时的原始文件。`],
      items: { rows },
    };
  },
};
