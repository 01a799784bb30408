import type { KindDefinition } from "../spec";
import { chineseOrdinal, formatDocumentDate } from "../spec";
import { paragraphsOf, zhLabel } from "./hearing-common";

// 检察建议书 (procuratorial recommendation), addressed to the agency. Content: 规则 Art 75; 建议规定
// Arts 16, 20 (agency, case source, facts of harm, facts and reasons of non-performance, legal basis,
// the points, the reply period, the objection period, 抄送). Its 文号 is Recommendation.number,
// allocated on approval (建议规定 Art 7), never by the generator. Agency-facing: the clue's informant
// never appears (个人信息保护法 Arts 33–34); the case source names the kind of source only.

export type RecommendationSource = {
  recommendationId: string;
  /** Recommendation.number: the 文号 (present: the loader refuses an unapproved recommendation). */
  number: string;
  agency: string;
  caseTitle: string;
  caseNumber: string | null;
  filedOn: string | null;
  /** The clue the case came from: its kind of source and the day it came in (never the informant). */
  clue: { source: string; receivedOn: string } | null;
  facts: string;
  reasons: string;
  legalBasis: string;
  points: string[];
  replyPeriod: string;
  objectionDays: number | null;
  ccList: string | null;
};

/** 案件来源 (建议规定 Art 16(2)): how the case came to the procuratorate, then its filing. */
export function caseSourceText(src: Pick<RecommendationSource, "clue" | "filedOn" | "caseTitle">): string {
  const found =
    !src.clue || src.clue.source === "own_case"
      ? "本院在履行职责中发现"
      : `本院于${formatDocumentDate(src.clue.receivedOn)}收到案件线索（线索来源：${zhLabel("clueSource", src.clue.source)}）`;
  const filed = src.filedOn ? `，于${formatDocumentDate(src.filedOn)}对${src.caseTitle}立案调查` : `，对${src.caseTitle}进行调查`;
  return `${found}${filed}。`;
}

/** 两高解释 Art 21: two months, or fifteen days where the harm is spreading or urgent. */
export function replyPeriodText(replyPeriod: string): string {
  return replyPeriod === "fifteen_days" ? "十五日" : "两个月";
}

/** 建议规定 Art 23: objections are raised within the set days, or else within the reply period. */
export function objectionPeriodText(objectionDays: number | null, replyPeriod: string): string {
  return objectionDays
    ? `收到本检察建议书之日起${chineseOrdinal(objectionDays)}日内`
    : `收到本检察建议书之日起${replyPeriodText(replyPeriod)}内`;
}

/** 抄送 list as typed (；or 、 separated) → 、 separated. */
export function ccText(ccList: string | null): string {
  return (ccList ?? "")
    .split(/[;；,，、\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .join("、");
}

export const recommendationDefinition: KindDefinition<RecommendationSource> = {
  kind: "recommendation",
  subject: "recommendation",
  audience: "agency",
  numbered: true,
  // served within 3 days, 送达回证 (规则 Art 76; 建议规定 Art 18).
  release: "on_service",
  fields: [
    { name: "agency", type: "text", required: true, label: { zh: "被建议单位（主送机关）", en: "Agency addressed" } },
    { name: "case_source", type: "text", required: true, label: { zh: "案件来源", en: "Source of the case" } },
    { name: "facts", type: "paragraphs", required: true, label: { zh: "国家利益或者社会公共利益受到侵害的事实", en: "Facts of the harm to public interests" } },
    { name: "reasons", type: "paragraphs", required: true, label: { zh: "行政机关不依法履行职责的事实和理由", en: "Facts and reasons of the agency's non-performance" } },
    { name: "legal_basis", type: "text", required: true, label: { zh: "法律依据", en: "Legal basis" } },
    { name: "points", type: "list", required: true, numbering: "chinese", label: { zh: "检察建议的具体内容", en: "The recommendation's points" } },
    { name: "reply_period", type: "text", required: true, label: { zh: "整改及书面回复期限", en: "Period for rectification and written reply" } },
    { name: "objection_period", type: "text", required: true, label: { zh: "提出异议的期限", en: "Period for objections" } },
    { name: "cc", type: "text", required: false, label: { zh: "抄送单位", en: "Copies to (抄送)" } },
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "检察建议书" },
    { type: "number" },
    { type: "para", text: "{{agency}}：", indent: false },
    { type: "para", text: "{{case_source}}现查明：" },
    { type: "block", field: "facts" },
    { type: "para", text: "本院认为：" },
    { type: "block", field: "reasons" },
    { type: "para", text: "根据{{legal_basis}}的规定，本院向你单位提出如下检察建议：" },
    { type: "block", field: "points" },
    { type: "para", text: "请你单位自收到本检察建议书之日起{{reply_period}}内依法履行职责，并将办理情况书面回复本院。" },
    { type: "para", text: "如对本检察建议书有异议，请于{{objection_period}}向本院书面提出。" },
    { type: "space", lines: 2 },
    { type: "signature" },
    { type: "cc" },
  ],
  title: (src, ctx) => `关于${src.caseTitle}的检察建议书（${ctx.number ?? src.number}）`,
  map: (src) => ({
    agency: src.agency,
    case_source: caseSourceText(src),
    facts: paragraphsOf(src.facts),
    reasons: paragraphsOf(src.reasons),
    legal_basis: src.legalBasis.trim().replace(/[。；;]+$/, ""),
    points: src.points.map((p) => p.trim()).filter(Boolean),
    reply_period: replyPeriodText(src.replyPeriod),
    objection_period: objectionPeriodText(src.objectionDays, src.replyPeriod),
    cc: ccText(src.ccList),
  }),
};
