import type { HearingRecord, SignatureRole } from "~/domain/hearing/record";
import type { KindDefinition } from "../spec";
import { chineseOrdinal, formatDocumentDateTime } from "../spec";
import { hearingFormatText, hearingTimeText, paragraphsOf, zhLabel } from "./hearing-common";

// 听证笔录 (hearing record, 听证规定 ~Art 17; DOMAIN.md §2), from getHearingRecord: time and place;
// cause; host; clerk; panelists (name, identity category); participants with their units and
// posts; public or closed, and attendance; each stage in order with its minutes; the summary of the
// deliberation; each opinion (only once unsealed: opinionsUnsealed, else a note that they are
// sealed); final statements; the host's summary; the signature lines. Internal: no panelist's
// phone and no informant (the record holds neither).

export type HearingRecordSource = HearingRecord;

const SIGNATURE_ROLES: Record<SignatureRole, string> = {
  host: "听证主持人",
  handling_prosecutor: "承办检察官",
  clerk: "书记员",
  panelist: "听证员",
  participant: "听证参加人",
};

/** 到场 / 未到场 / 回避（理由）/ 未记录. */
function presence(p: { attended: boolean | null; recused?: boolean; recusalReason?: string | null }): string {
  if (p.recused) return p.recusalReason ? `回避（${p.recusalReason}）` : "回避";
  if (p.attended === true) return "到场";
  if (p.attended === false) return "未到场";
  return "未记录";
}

/** The time span of a stage: "2022年6月9日9时00分至9时20分". */
function stageTime(startedAt: Date, endedAt: Date | null): string {
  return endedAt ? hearingTimeText(startedAt, endedAt) : formatDocumentDateTime(startedAt);
}

export const SEALED_NOTE = "听证员评议尚未结束，评议意见依法密封，不载入本笔录。";

export const hearingRecordDefinition: KindDefinition<HearingRecordSource> = {
  kind: "hearing_record",
  subject: "hearing",
  audience: "internal",
  numbered: false,
  release: "never", // not addressed to an agency
  fields: [
    { name: "cause", type: "text", required: true, label: { zh: "听证事由", en: "Cause of the hearing" } },
    { name: "time", type: "text", required: true, label: { zh: "听证时间", en: "Time" } },
    { name: "place", type: "text", required: true, label: { zh: "听证地点", en: "Place" } },
    { name: "host", type: "text", required: true, label: { zh: "听证主持人", en: "Host" } },
    { name: "clerk", type: "text", required: false, label: { zh: "书记员", en: "Clerk" } },
    { name: "format", type: "text", required: true, label: { zh: "听证方式（公开或不公开）", en: "Public or closed" } },
    { name: "attendance", type: "text", required: true, label: { zh: "到场情况", en: "Attendance" } },
    {
      name: "cases",
      type: "table",
      required: true,
      label: { zh: "听证案件", en: "Cases heard" },
      columns: [
        { key: "ordinal", label: { zh: "序号", en: "No." }, width: 1 },
        { key: "number", label: { zh: "案号", en: "Case number" }, width: 2 },
        { key: "title", label: { zh: "案件名称", en: "Case" }, width: 4 },
        { key: "respondent", label: { zh: "行政机关", en: "Agency" }, width: 3 },
        { key: "issues", label: { zh: "听证事项", en: "Issues" }, width: 5 },
        { key: "handling", label: { zh: "拟处理意见", en: "Proposed handling" }, width: 3 },
      ],
    },
    {
      name: "panelists",
      type: "table",
      required: true,
      label: { zh: "听证员", en: "Panelists" },
      columns: [
        { key: "name", label: { zh: "姓名", en: "Name" }, width: 2 },
        { key: "category", label: { zh: "身份类别", en: "Category" }, width: 2 },
        { key: "unit", label: { zh: "工作单位", en: "Work unit" }, width: 4 },
        { key: "presence", label: { zh: "到场情况", en: "Presence" }, width: 3 },
      ],
    },
    {
      name: "participants",
      type: "table",
      // A hearing may have no participant besides the panel (e.g. on a rectification assessment).
      required: false,
      label: { zh: "听证参加人", en: "Participants" },
      columns: [
        { key: "organisation", label: { zh: "单位", en: "Unit" }, width: 4 },
        { key: "name", label: { zh: "姓名", en: "Name" }, width: 2 },
        { key: "post", label: { zh: "职务", en: "Post" }, width: 3 },
        { key: "kind", label: { zh: "类别", en: "Kind" }, width: 2 },
        { key: "presence", label: { zh: "到场情况", en: "Presence" }, width: 2 },
      ],
    },
    { name: "stages", type: "paragraphs", required: true, label: { zh: "听证过程（各环节及记录）", en: "The stages in order, with their minutes" } },
    { name: "deliberation", type: "paragraphs", required: true, label: { zh: "评议情况", en: "Summary of the deliberation" } },
    {
      name: "opinions",
      type: "table",
      // Empty while sealed (the tally paragraph then says so), so not required.
      required: false,
      label: { zh: "听证员意见（评议结束后载明）", en: "Each panelist's opinion (once deliberation is closed)" },
      columns: [
        { key: "case", label: { zh: "案件", en: "Case" }, width: 3 },
        { key: "panelist", label: { zh: "听证员", en: "Panelist" }, width: 2 },
        { key: "stance", label: { zh: "意见", en: "Stance" }, width: 2 },
        { key: "reasons", label: { zh: "理由及附加条件", en: "Reasons and conditions" }, width: 7 },
      ],
    },
    { name: "tally", type: "paragraphs", required: true, label: { zh: "意见统计及多数意见", en: "Tally and majority per case" } },
    { name: "final_statements", type: "paragraphs", required: true, label: { zh: "最后陈述", en: "Final statements" } },
    { name: "host_summary", type: "paragraphs", required: true, label: { zh: "主持人总结", en: "Host's summary" } },
    {
      name: "signatures",
      type: "table",
      required: true,
      label: { zh: "签名", en: "Signatures" },
      columns: [
        { key: "role", label: { zh: "身份", en: "Role" }, width: 2 },
        { key: "name", label: { zh: "姓名", en: "Name" }, width: 2 },
        { key: "unit", label: { zh: "单位及职务", en: "Unit and post" }, width: 5 },
        { key: "sign", label: { zh: "签名", en: "Signature" }, width: 3 },
      ],
    },
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "听证笔录" },
    {
      type: "form",
      rows: [
        { label: "听证事由", text: "{{cause}}" },
        { label: "听证时间", text: "{{time}}" },
        { label: "听证地点", text: "{{place}}" },
        { label: "听证主持人", text: "{{host}}" },
        { label: "书记员", text: "{{clerk}}" },
        { label: "听证方式", text: "{{format}}" },
        { label: "到场情况", text: "{{attendance}}" },
      ],
    },
    { type: "heading", level: 1, text: "一、听证案件" },
    { type: "block", field: "cases" },
    { type: "heading", level: 1, text: "二、听证员" },
    { type: "block", field: "panelists" },
    { type: "heading", level: 1, text: "三、听证参加人" },
    { type: "block", field: "participants" },
    { type: "heading", level: 1, text: "四、听证过程" },
    { type: "block", field: "stages" },
    { type: "heading", level: 1, text: "五、评议情况" },
    { type: "block", field: "deliberation" },
    { type: "heading", level: 1, text: "六、听证员意见" },
    { type: "block", field: "opinions" },
    { type: "block", field: "tally" },
    { type: "heading", level: 1, text: "七、最后陈述" },
    { type: "block", field: "final_statements" },
    { type: "heading", level: 1, text: "八、主持人总结" },
    { type: "block", field: "host_summary" },
    { type: "heading", level: 1, text: "九、签名" },
    { type: "para", text: "以上笔录经宣读（阅看），确认无误。", indent: true },
    { type: "block", field: "signatures" },
    { type: "signature" },
  ],
  title: (src) => `听证笔录（${src.title}）`,
  map: (rec) => {
    const seatedPresent = `应到听证员${rec.attendance.panelistsSeated}名，实到${rec.attendance.panelistsPresent}名`;
    const recused = rec.panelists.filter((p) => p.recused).length;
    const attendance =
      `${seatedPresent}${recused ? `（另有${recused}名回避）` : ""}；` +
      `听证参加人应到${rec.attendance.participants}名，实到${rec.attendance.participantsPresent}名。`;
    const stages = rec.stages.flatMap((s, i) => [
      `（${chineseOrdinal(i + 1)}）${zhLabel("hearingStage", s.stage)}（${stageTime(s.startedAt, s.endedAt)}）`,
      ...(paragraphsOf(s.minutes).length ? paragraphsOf(s.minutes) : ["（无记录）"]),
    ]);
    const opinions = rec.opinions;
    return {
      cause: rec.cause.purpose?.trim() ? `${rec.cause.title}。听证事项：${rec.cause.purpose.trim()}` : rec.cause.title,
      time: hearingTimeText(rec.startsAt, rec.endsAt),
      place: rec.venue,
      host: rec.host.post ? `${rec.host.name}（${rec.host.post}）` : rec.host.name,
      clerk: rec.clerk ? rec.clerk.name : "",
      format: hearingFormatText(rec.isPublic, rec.closedReason),
      attendance,
      cases: {
        rows: rec.cases.map((c, i) => [
          String(i + 1),
          c.number ?? "",
          c.title,
          c.respondent ?? "",
          c.issues?.trim() ?? "",
          [zhLabel("proposedHandling", c.proposedHandling), c.proposal?.trim()].filter(Boolean).join("："),
        ]),
      },
      panelists: {
        rows: rec.panelists.map((p) => [p.name, zhLabel("panelistCategory", p.category), p.workUnit ?? "", presence(p)]),
      },
      participants: {
        rows: rec.participants.map((p) => [p.organisation, p.name, p.post ?? "", zhLabel("participantKind", p.kind), presence(p)]),
      },
      stages: stages.length ? stages : ["（听证过程尚无记录）"],
      deliberation: paragraphsOf(rec.deliberationSummary).length ? paragraphsOf(rec.deliberationSummary) : ["（尚无评议情况记录）"],
      // The one sealing rule (opinionsUnsealed): no opinion's content before deliberation is closed.
      opinions: {
        rows: (opinions ?? []).flatMap((c) =>
          c.items.map((o) => [
            c.caseLabel,
            o.panelistName,
            zhLabel("opinionStance", o.stance),
            o.conditions?.trim() ? `${o.reasons.trim()}附加条件：${o.conditions.trim()}` : o.reasons.trim(),
          ]),
        ),
      },
      tally: opinions
        ? opinions.map(
            (c) =>
              `${c.caseLabel}：同意${c.tally.agree}名，附条件同意${c.tally.conditional}名，不同意${c.tally.disagree}名；` +
              (c.tally.majority ? `多数意见为${zhLabel("opinionStance", c.tally.majority)}。` : "未形成多数意见。"),
          )
        : [SEALED_NOTE],
      final_statements: paragraphsOf(rec.finalStatements).length ? paragraphsOf(rec.finalStatements) : ["（无）"],
      host_summary: paragraphsOf(rec.hostSummary).length ? paragraphsOf(rec.hostSummary) : ["（无）"],
      signatures: {
        rows: rec.signatures.map((s) => [SIGNATURE_ROLES[s.role], s.name, [s.unit, s.post].filter(Boolean).join(" "), ""]),
      },
    };
  },
};
