import type { FieldSpec } from "../spec";

// Shared wording and helpers of the kinds generated from a case, a clue or a consultation. Pure.
// The documents are written in Chinese whatever the user's locale: they leave the procuratorate.

/** 《人民检察院公益诉讼办案规则》 (高检发释字〔2021〕2号), as cited in a document's text. */
export const RULES = "《人民检察院公益诉讼办案规则》";
export const ADMIN_LITIGATION_LAW = "《中华人民共和国行政诉讼法》";
/** 两高解释 (法释〔2018〕6号). */
export const JOINT_INTERPRETATION = "《最高人民法院 最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释》";

/**
 * How a clue came to the procuratorate, in a document's words (规则 Art 24: the sources of clues).
 * Clue.source ids of app/domain/case/schemas.ts. Never the informant: only the kind of source.
 */
const CLUE_SOURCE_PHRASES: Record<string, string> = {
  report: "收到群众举报", // 规则 Art 24(1)
  own_case: "在办理案件中发现", // 规则 Art 24(2)
  platform: "在行政执法信息共享平台上发现", // 规则 Art 24(3)
  referral: "收到有关机关移送", // 规则 Art 24(4)
  deputy: "收到人大代表、政协委员转交", // 规则 Art 24(4)
  media: "通过新闻媒体、社会舆论反映发现", // 规则 Art 24(5)
  volunteer: "收到“益心为公”志愿者反映", // 规则 Art 24(6)
  other: "在履行职责中发现", // 规则 Art 24(6)
};

/** "收到群众举报" for a clue source id; "在履行职责中发现" when there is no clue (规则 Art 24(6)). */
export function clueSourcePhrase(source: string | null | undefined): string {
  return (source && CLUE_SOURCE_PHRASES[source]) || CLUE_SOURCE_PHRASES.other!;
}

/** Evidence kinds (规则 Art 34) by their Chinese names. */
const EVIDENCE_KIND_NAMES: Record<string, string> = {
  documentary: "书证",
  physical: "物证",
  audiovisual: "视听资料",
  electronic: "电子数据",
  witness: "证人证言",
  party_statement: "当事人陈述",
  appraisal: "鉴定意见",
  expert_opinion: "专家意见",
  inspection: "勘验笔录",
};
export function evidenceKindName(kind: string): string {
  return EVIDENCE_KIND_NAMES[kind] ?? kind;
}

/** 规则 Art 74 grounds of closure, in the words of the article, with the item cited. */
const CLOSURE_GROUND_TEXTS: Record<string, { text: string; item: string }> = {
  no_violation: { text: "行政机关未违法行使职权或者不作为", item: "第七十四条第一款第一项" }, // 规则 Art 74(1)
  interest_protected: { text: "国家利益或者社会公共利益已经得到有效保护", item: "第七十四条第一款第二项" }, // 规则 Art 74(2)
  fully_rectified: { text: "行政机关已经全面采取整改措施依法履行职责", item: "第七十四条第一款第三项" }, // 规则 Art 74(3)
  other: { text: "存在其他应当终结案件的情形", item: "第七十四条第一款第四项" }, // 规则 Art 74(4)
};
export function closureGroundText(ground: string): { text: string; item: string } | null {
  return CLOSURE_GROUND_TEXTS[ground] ?? null;
}

/** Case member roles (规则 Art 6, 49) as legal posts in a document. */
const MEMBER_POSTS: Record<string, string> = {
  lead: "检察官",
  prosecutor: "检察官",
  assistant: "检察官助理",
  clerk: "书记员",
};
export function memberPost(role: string, post: string | null | undefined): string {
  return post?.trim() || MEMBER_POSTS[role] || "检察人员";
}

/** Free text as paragraphs: one per non-empty line. */
export function paragraphs(...texts: (string | null | undefined)[]): string[] {
  return texts.flatMap((t) => (t ?? "").split(/\r?\n/)).map((s) => s.trim()).filter(Boolean);
}

/** The agency named in a document: its name, or the Art 29 wording when it is not yet known. */
export function respondentText(agencyName: string | null | undefined): string {
  // 规则 Art 29: a case may be filed while the agency failing its duty cannot yet be determined.
  return agencyName?.trim() || "负有监督管理职责的行政机关（尚未确定）";
}

/** The case as named in a document: 案由 with its register number when it has one. */
export function caseLabel(title: string, number: string | null | undefined): string {
  return number ? `${title}（案号：${number}）` : title;
}

/** Field helpers: every field of these kinds is written with both meanings. */
export function text(name: string, zh: string, en: string, required = true): FieldSpec {
  return { name, type: "text", required, label: { zh, en } };
}
export function date(name: string, zh: string, en: string, required = true): FieldSpec {
  return { name, type: "date", required, label: { zh, en } };
}
export function paras(name: string, zh: string, en: string, required = true): FieldSpec {
  return { name, type: "paragraphs", required, label: { zh, en } };
}

/** A consultation (磋商, 规则 Art 70) with its case and agency: the source of 事实确认书 and 磋商纪要. */
export type ConsultationSource = {
  caseNumber: string | null;
  caseTitle: string;
  agencyName: string;
  /** meeting | fact_confirmation (app/domain/consultation/schemas.ts). */
  method: string;
  heldOn: string;
  place: string | null;
  attendees: string | null;
  facts: string | null;
  agencyPosition: string | null;
  rectificationPlan: string | null;
  minutes: string | null;
};

/** The court of first instance: the basic people's court of the procuratorate's place (两高解释 Art 5). */
export function courtOf(procuratorateName: string): string {
  return procuratorateName.replace(/人民检察院$/, "人民法院");
}
