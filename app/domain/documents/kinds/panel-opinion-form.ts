import { opinionsUnsealed } from "~/domain/hearing/opinions";
import { OPINION_STANCES } from "~/domain/hearing/majority";
import type { KindDefinition } from "../spec";
import { hearingTimeText, zhLabel } from "./hearing-common";

// 听证员评议意见表 (a panelist's opinion form; practice, DOMAIN.md §3: panelist, category, opinion,
// reasons, signature), one per seat with a row per case heard. Filled with the panelist's own
// opinions only once deliberation is closed (opinionsUnsealed: the one sealing rule, 听证规定
// Art 15); before that it is a blank form to fill in by hand. Panel-facing: no phone numbers,
// no other panelist's opinion, no informant.

export type PanelOpinionFormSource = {
  hearingId: string;
  panelistId: string;
  hearing: { title: string; venue: string; startsAt: Date; endsAt: Date | null; status: string; deliberationClosedAt: Date | null };
  panelist: { name: string; category: string; workUnit: string | null };
  cases: { id: string; ordinal: number; number: string | null; title: string; respondent: string | null }[];
  /** This panelist's opinions (the loader reads them only once unsealed). */
  opinions: { caseId: string; stance: string; reasons: string; conditions: string | null; signedName: string }[];
};

/** The stances as tick boxes: to fill by hand, or the one given ticked. */
export function stanceBoxes(stance: string | null): string {
  return OPINION_STANCES.map((s) => `${s === stance ? "☑" : "□"}${zhLabel("opinionStance", s)}`).join(" ");
}

export const panelOpinionFormDefinition: KindDefinition<PanelOpinionFormSource> = {
  kind: "panel_opinion_form",
  subject: "hearing_panelist",
  audience: "panel",
  numbered: false,
  release: "never", // not addressed to an agency
  fields: [
    { name: "hearing_title", type: "text", required: true, label: { zh: "听证会", en: "Hearing" } },
    { name: "hearing_time", type: "text", required: true, label: { zh: "听证时间及地点", en: "Time and place" } },
    { name: "panelist", type: "text", required: true, label: { zh: "听证员姓名", en: "Panelist" } },
    { name: "category", type: "text", required: true, label: { zh: "身份类别", en: "Identity category" } },
    { name: "work_unit", type: "text", required: false, label: { zh: "工作单位", en: "Work unit" } },
    {
      name: "opinions",
      type: "table",
      required: true,
      label: { zh: "评议意见（每案一行：意见、理由、签名）", en: "Opinions (one row per case: stance, reasons, signature)" },
      columns: [
        { key: "ordinal", label: { zh: "序号", en: "No." }, width: 1 },
        { key: "case", label: { zh: "案件", en: "Case" }, width: 4 },
        { key: "stance", label: { zh: "评议意见", en: "Stance" }, width: 3 },
        { key: "reasons", label: { zh: "理由及附加条件", en: "Reasons and conditions" }, width: 6 },
        { key: "sign", label: { zh: "签名", en: "Signature" }, width: 2 },
      ],
    },
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "听证员评议意见表" },
    {
      type: "form",
      rows: [
        { label: "听证会", text: "{{hearing_title}}" },
        { label: "时间及地点", text: "{{hearing_time}}" },
        { label: "听证员", text: "{{panelist}}" },
        { label: "身份类别", text: "{{category}}" },
        { label: "工作单位", text: "{{work_unit}}" },
      ],
    },
    { type: "para", text: "请对检察机关拟处理意见逐案发表评议意见（同意、不同意或者附条件同意），并说明理由。", indent: true },
    { type: "block", field: "opinions" },
    { type: "signature", signer: "听证员（签名）：" },
  ],
  title: (src) => `听证员评议意见表（${src.panelist.name}）`,
  map: (src) => {
    const h = src.hearing;
    // The one sealing rule: a form is filled only once deliberation is closed.
    const unsealed = opinionsUnsealed(h);
    const byCase = new Map(unsealed ? src.opinions.map((o) => [o.caseId, o]) : []);
    return {
      hearing_title: h.title,
      hearing_time: `${hearingTimeText(h.startsAt, h.endsAt)}，${h.venue}`,
      panelist: src.panelist.name,
      category: zhLabel("panelistCategory", src.panelist.category),
      work_unit: src.panelist.workUnit ?? "",
      opinions: {
        rows: [...src.cases]
          .sort((a, b) => a.ordinal - b.ordinal)
          .map((c, i) => {
            const label = [c.number, c.title].filter(Boolean).join(" ");
            const o = byCase.get(c.id);
            if (!unsealed) return [String(i + 1), label, stanceBoxes(null), "", ""];
            if (!o) return [String(i + 1), label, "未发表意见", "", ""];
            const reasons = o.conditions?.trim() ? `${o.reasons.trim()}附加条件：${o.conditions.trim()}` : o.reasons.trim();
            return [String(i + 1), label, zhLabel("opinionStance", o.stance), reasons, o.signedName];
          }),
      },
    };
  },
};
