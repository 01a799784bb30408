import type { KindDefinition } from "../spec";
import { RULES, date, memberPost, text } from "./case-common";
import { formatDocumentDate } from "../spec";

// 派员出庭通知书 (规则 Art 49): within three days of the court's notice to appear, the procuratorate
// names the staff it sends, with their legal posts and duties in court: a prosecutor attends, an
// assistant may help, a clerk keeps the record (Art 49(3)); the duties of Art 51. Court-facing.

export type CourtAppearanceMember = {
  name: string;
  /** CaseMember.role: lead | prosecutor | assistant | clerk. */
  role: string;
  /** User.post, the legal post when recorded (检察官, 检察官助理, 书记员…). */
  post: string | null;
};

export type CourtAppearanceNoticeSource = {
  court: string;
  caseTitle: string;
  defendant: string;
  /** The 文号 of the complaint, when one was issued here. */
  complaintNumber: string | null;
  /** The day the suit was filed (the case entered litigation). */
  suedOn: string;
  members: CourtAppearanceMember[];
};

/** Duties in court by role (规则 Arts 49, 51). */
function dutyOf(role: string): string {
  if (role === "lead" || role === "prosecutor") {
    // 规则 Art 51.
    return "出席法庭，宣读公益诉讼起诉书，出示、说明证据并质证，参加法庭调查和辩论，发表出庭意见";
  }
  if (role === "assistant") return "协助检察官出庭"; // 规则 Art 49(3)
  return "担任记录及其他辅助工作"; // 规则 Art 49(3)
}

const ROLE_ORDER: Record<string, number> = { lead: 0, prosecutor: 1, assistant: 2, clerk: 3 };

export const courtAppearanceNotice: KindDefinition<CourtAppearanceNoticeSource> = {
  kind: "court_appearance_notice",
  subject: "case",
  audience: "court",
  numbered: false,
  release: "never", // not addressed to an agency
  fields: [
    text("court", "受诉人民法院", "Court"),
    text("case_title", "案由", "Case name"),
    text("defendant", "被告", "Defendant"),
    text("complaint_ref", "起诉书文号（有文号时为“；起诉书文号：…”）", "The complaint's document number, when it has one", false),
    date("sued_on", "提起诉讼日期", "Date the suit was filed"),
    {
      name: "members",
      type: "table",
      required: true,
      label: { zh: "出庭人员（姓名、法律职务、出庭职责）", en: "Staff in court (name, legal post, duties)" },
      columns: [
        { key: "name", label: { zh: "姓名", en: "Name" }, width: 2 },
        { key: "post", label: { zh: "法律职务", en: "Legal post" }, width: 2 },
        { key: "duty", label: { zh: "出庭履行的职责", en: "Duties in court" }, width: 7 },
      ],
    },
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "派员出庭通知书" },
    { type: "para", text: "{{court}}：", indent: false },
    {
      type: "para",
      text: `本院于{{sued_on}}向你院提起的{{case_title}}行政公益诉讼（被告：{{defendant}}{{complaint_ref}}），依照${RULES}第四十九条的规定，本院指派下列人员出席法庭，依法履行职责：`,
    },
    { type: "block", field: "members" },
    { type: "para", text: "特此通知。" },
    { type: "signature" },
  ],
  title: (s) => `派员出庭通知书（${s.caseTitle}）`,
  map: (s) => ({
    court: s.court,
    case_title: s.caseTitle,
    defendant: s.defendant,
    complaint_ref: s.complaintNumber ? `；起诉书文号：${s.complaintNumber}` : "",
    sued_on: formatDocumentDate(s.suedOn),
    members: {
      rows: [...s.members]
        .sort((a, b) => (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9))
        .map((m) => [m.name, memberPost(m.role, m.post), dutyOf(m.role)]),
    },
  }),
};
