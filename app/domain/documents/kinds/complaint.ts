import type { KindDefinition } from "../spec";
import { formatDocumentDate } from "../spec";
import { ADMIN_LITIGATION_LAW, JOINT_INTERPRETATION, RULES, paragraphs, paras, text } from "./case-common";

// 行政公益诉讼起诉书 (规则 Art 46: the plaintiff-procuratorate, the defendant's details, the claims and
// the facts and reasons they rest on), filed with the basic court where the agency sits (两高解释
// Art 5), with one copy per defendant and the evidence of harm and of the pre-suit procedure (两高解释
// Art 22). Court-facing: the clue's informant never appears; only the case's own record is used.

export type ComplaintSource = {
  court: string;
  plaintiffAddress: string | null;
  defendant: { name: string; address: string | null; head: string | null };
  caseTitle: string;
  /** The harm and the agency's failure, as recorded on the case. */
  summary: string | null;
  recommendation: {
    number: string;
    issuedOn: string | null;
    servedOn: string | null;
    facts: string;
    reasons: string;
    legalBasis: string;
    points: string[];
  };
  /** What the follow-up found after the reply period (规则 Arts 77, 82). */
  findings: string | null;
  evidenceCount: number;
};

export const complaint: KindDefinition<ComplaintSource> = {
  kind: "complaint",
  subject: "case",
  audience: "court",
  numbered: true,
  release: "never", // not addressed to an agency
  fields: [
    text("plaintiff_address", "公益诉讼起诉人住所地", "Plaintiff-procuratorate's address", false),
    text("defendant", "被告（行政机关）", "Defendant agency"),
    text("defendant_address", "被告住所地", "Defendant's address", false),
    text("defendant_head", "被告法定代表人（负责人）", "Defendant's legal representative", false),
    text("case_title", "案由", "Case name"),
    { name: "claims", type: "list", required: true, numbering: "chinese", label: { zh: "诉讼请求（规则第八十三条）", en: "Claims (Rules Art 83)" } },
    paras("facts", "事实", "Facts"),
    paras("reasons", "理由及法律依据", "Reasons and legal basis"),
    text("court", "受诉人民法院", "Court"),
    { name: "attachments", type: "list", required: true, numbering: "arabic", label: { zh: "附项（两高解释第二十二条）", en: "Attachments (Joint Interpretation Art 22)" } },
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "行政公益诉讼起诉书" },
    { type: "number" },
    { type: "para", text: "公益诉讼起诉人：{{procuratorate}}，住所地：{{plaintiff_address}}。", indent: false },
    { type: "para", text: "被告：{{defendant}}，住所地：{{defendant_address}}。", indent: false },
    { type: "para", text: "法定代表人：{{defendant_head}}。", indent: false },
    { type: "heading", level: 1, text: "诉讼请求" },
    { type: "block", field: "claims" },
    { type: "heading", level: 1, text: "事实和理由" },
    { type: "block", field: "facts" },
    { type: "block", field: "reasons" },
    {
      type: "para",
      text: `综上，被告经检察建议督促仍然没有依法履行职责，国家利益或者社会公共利益处于受侵害状态。依照${ADMIN_LITIGATION_LAW}第二十五条第四款、${JOINT_INTERPRETATION}第二十一条、${RULES}第八十一条的规定，公益诉讼起诉人就{{case_title}}提起行政公益诉讼，请依法裁判。`,
    },
    { type: "para", text: "此致", indent: true },
    { type: "para", text: "{{court}}", indent: false },
    { type: "signature" },
    { type: "para", text: "附：", indent: false },
    { type: "block", field: "attachments" },
  ],
  title: (s, ctx) => `行政公益诉讼起诉书（${s.caseTitle}${ctx.number ? `，${ctx.number}` : ""}）`,
  map: (s) => {
    const r = s.recommendation;
    const bare = (p: string) => p.trim().replace(/[。；;，,]+$/, "");
    // 规则 Art 83: confirm the failure unlawful and order performance; the claims line up with the
    // recommendation's points (规则 Art 75: the recommendation must match a later suit's claims).
    const claims = [
      `确认被告${s.defendant.name}未依法履行监督管理职责的行为违法`,
      ...r.points.map((p) => `判令被告依法履行法定职责：${bare(p)}`),
    ];
    // The recommendation speaks to the agency (你局, 你单位…); the complaint names it the defendant.
    const asDefendant = (p: string) => p.replace(/你(局|单位|委|办|府|镇|街道|中心|分局)/g, "被告");
    const served = r.servedOn ? `，被告于${formatDocumentDate(r.servedOn)}签收` : "";
    const facts = [
      ...paragraphs(s.summary),
      ...paragraphs(r.facts).map(asDefendant),
      `公益诉讼起诉人于${formatDocumentDate(r.issuedOn)}向被告制发检察建议书（${r.number}）${served}，建议其：${r.points.map(bare).join("；")}。`,
      ...paragraphs(s.findings),
    ];
    return {
      plaintiff_address: s.plaintiffAddress?.trim() ?? "",
      defendant: s.defendant.name,
      defendant_address: s.defendant.address?.trim() ?? "",
      defendant_head: s.defendant.head?.trim() ?? "",
      case_title: s.caseTitle,
      claims,
      facts,
      reasons: [...paragraphs(r.reasons).map(asDefendant), `法律依据：${paragraphs(r.legalBasis).join("；")}。`],
      court: s.court,
      attachments: [
        "本起诉书副本1份",
        `国家利益或者社会公共利益受到侵害的证明材料及其他证据材料（共${s.evidenceCount}项，见证据清单）`,
        `检察机关已经履行诉前程序、行政机关仍不依法履行职责的证明材料（检察建议书${r.number}及送达回证等）`,
      ],
    };
  },
};
