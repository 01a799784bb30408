import { describe, expect, test } from "vitest";
import { HEARING_KIND_DEFINITIONS } from "~/domain/documents/kinds/hearing-group";
import type { HearingAnnouncementSource } from "~/domain/documents/kinds/hearing-announcement";
import { hearingAnnouncementDefinition } from "~/domain/documents/kinds/hearing-announcement";
import { hearingCause, hearingTimeText, parseSeatSubjectId, seatSubjectId } from "~/domain/documents/kinds/hearing-common";
import type { HearingNoticeSource } from "~/domain/documents/kinds/hearing-notice";
import { hearingNoticeDefinition } from "~/domain/documents/kinds/hearing-notice";
import { hearingRecordDefinition, SEALED_NOTE } from "~/domain/documents/kinds/hearing-record";
import type { PanelOpinionFormSource } from "~/domain/documents/kinds/panel-opinion-form";
import { panelOpinionFormDefinition } from "~/domain/documents/kinds/panel-opinion-form";
import type { PanelistInvitationSource } from "~/domain/documents/kinds/panelist-invitation";
import { panelistInvitationDefinition } from "~/domain/documents/kinds/panelist-invitation";
import { NUMBERED_DOCUMENT_KINDS } from "~/domain/numbering/format";
import type { RecordSource } from "~/domain/hearing/record";
import { buildHearingRecord } from "~/domain/hearing/record";
import type { IssueContext } from "~/domain/documents/spec";
import { expectBodyMatchesFields, expectValuesMatchFields } from "#tests/support/document-fields";

// The mappers of the hearing kinds (听证规定 Arts 5, 7, 10, 11, 14–15; DOMAIN.md §§2–3).

const ctx: IssueContext = { procuratorate: "桂阳县人民检察院", number: null, issuedOn: "2022-06-16" };
const at = (s: string) => new Date(`${s}:00+08:00`);
const TITLE = "桂阳县重点公共场所废弃口罩收集处置系列案公开听证";

describe("every hearing kind", () => {
  test("seven kinds, each body naming exactly its fields; only the recommendation is numbered", () => {
    expect(HEARING_KIND_DEFINITIONS.map((d) => d.kind).sort()).toEqual(
      ["hearing_announcement", "hearing_notice", "hearing_record", "panel_opinion_form", "panelist_invitation", "proof_of_service", "recommendation"].sort(),
    );
    for (const def of HEARING_KIND_DEFINITIONS) {
      expectBodyMatchesFields(def);
      if (def.numbered) expect(NUMBERED_DOCUMENT_KINDS as readonly string[]).toContain(def.kind);
    }
    expect(HEARING_KIND_DEFINITIONS.filter((d) => d.numbered).map((d) => d.kind)).toEqual(["recommendation"]);
  });

  test("a seat's subject id round-trips; anything else is no seat", () => {
    expect(parseSeatSubjectId(seatSubjectId("ch1", "cp2"))).toEqual({ hearingId: "ch1", panelistId: "cp2" });
    expect(parseSeatSubjectId("ch1")).toBeNull();
    expect(parseSeatSubjectId("a_b_c")).toBeNull();
    expect(parseSeatSubjectId("_b")).toBeNull();
  });

  test("times in Asia/Shanghai, one day or a block of days; the cause without 公开听证", () => {
    expect(hearingTimeText(at("2022-06-16 09:00"), at("2022-06-16 11:30"))).toBe("2022年6月16日9时00分至11时30分");
    expect(hearingTimeText(at("2022-06-09 09:00"), at("2022-06-16 17:00"))).toBe("2022年6月9日9时00分至2022年6月16日17时00分");
    expect(hearingTimeText(at("2022-06-16 09:00"), null)).toBe("2022年6月16日9时00分");
    expect(hearingCause(TITLE)).toBe("桂阳县重点公共场所废弃口罩收集处置系列案");
    expect(hearingCause("听证")).toBe("听证");
  });
});

describe("听证公告", () => {
  const src: HearingAnnouncementSource = {
    hearingId: "h1",
    title: "龙潭街道居民赵德明反映小区废弃口罩问题公开听证",
    purpose: "赵德明反映的小区垃圾收集点问题是否属实；联系人周海林，电话13900001111。",
    caseTitles: ["桂阳县龙潭街道办事处怠于履行废弃口罩收集处置监管职责案"],
    venue: "桂阳县人民检察院检察听证室",
    startsAt: at("2022-06-16 09:00"),
    endsAt: at("2022-06-16 11:30"),
    host: "欧阳明",
    panelCategories: ["npc_deputy", "cppcc_member", "npc_deputy", "volunteer"],
    organisations: ["桂阳县龙潭街道办事处", "桂阳县龙潭街道办事处", "桂阳县新冠肺炎疫情防控指挥部"],
    observerSeats: 20,
    contactPhone: "0735-12309",
    redaction: { names: ["赵德明", "周海林", "廖小红"], keepPhones: ["0735-12309"] },
  };

  test("public, unnumbered; names of private persons and mobile numbers masked, the host and the unit's phone kept", () => {
    expect(hearingAnnouncementDefinition.audience).toBe("public");
    const v = hearingAnnouncementDefinition.map(src, ctx);
    expectValuesMatchFields(hearingAnnouncementDefinition, v);
    const all = JSON.stringify(v) + hearingAnnouncementDefinition.title(src, ctx);
    expect(all).not.toContain("赵德明");
    expect(all).not.toContain("周海林");
    expect(all).not.toContain("13900001111");
    expect(v.hearing_title).toBe("龙潭街道居民赵**反映小区废弃口罩问题");
    expect(v.matter).toContain("联系人周**，电话139****1111");
    expect(v.host).toBe("欧阳明");
    expect(v.contact).toBe("0735-12309");
    expect(v.time).toBe("2022年6月16日9时00分至11时30分");
    expect(v.panel).toBe("人大代表、政协委员、“益心为公”志愿者共4名");
    expect(v.participants).toBe("桂阳县龙潭街道办事处、桂阳县新冠肺炎疫情防控指挥部");
    expect(v.observe).toContain("旁听席位20个");
  });

  test("the cases heard stand for a matter not written; many units are counted", () => {
    const v = hearingAnnouncementDefinition.map(
      { ...src, purpose: null, organisations: ["甲局", "乙局", "丙局", "丁局", "戊局", "己局"] },
      ctx,
    );
    expect(v.matter).toBe("桂阳县龙潭街道办事处怠于履行废弃口罩收集处置监管职责案。");
    expect(v.participants).toBe("甲局、乙局、丙局等6家单位");
  });
});

const hearing = {
  title: TITLE,
  venue: "桂阳县人民检察院检察听证室",
  startsAt: at("2022-06-09 09:00"),
  endsAt: at("2022-06-16 17:00"),
  isPublic: true,
  closedReason: null,
  host: { name: "欧阳明", post: "检察官" },
  contactPhone: "0735-12309",
};

describe("听证通知书", () => {
  const src: HearingNoticeSource = {
    participantId: "p1",
    organisation: "桂阳县卫生健康局",
    name: "周海林",
    post: "党组成员、副局长",
    hearing,
    issues: [{ caseTitle: "桂阳县卫生健康局怠于履行废弃口罩收集处置监管职责案", issues: "1. 是否负有监管职责；2. 整改措施是否可行。" }],
    panelists: [
      { name: "刘振华", category: "npc_deputy" },
      { name: "黄永健", category: "people_supervisor" },
    ],
  };

  test("the unit, who attends, cause, time, place, the issues, the host and the panelists' names and identities (Art 10)", () => {
    const v = hearingNoticeDefinition.map(src, ctx);
    expectValuesMatchFields(hearingNoticeDefinition, v);
    expect(v).toMatchObject({
      addressee: "桂阳县卫生健康局",
      attendee: "党组成员、副局长周海林",
      cause: "桂阳县重点公共场所废弃口罩收集处置系列案",
      time: "2022年6月9日9时00分至2022年6月16日17时00分",
      place: "桂阳县人民检察院检察听证室",
      format: "公开",
      host: "欧阳明（检察官）",
      panelists: "刘振华（人大代表）、黄永健（人民监督员）",
      contact: "0735-12309",
    });
    expect(v.issues).toEqual(["桂阳县卫生健康局怠于履行废弃口罩收集处置监管职责案：1. 是否负有监管职责；2. 整改措施是否可行。"]);
  });

  test("a closed hearing says so with its reason (听证规定 Art 5)", () => {
    const v = hearingNoticeDefinition.map({ ...src, hearing: { ...hearing, isPublic: false, closedReason: "涉及个人隐私" } }, ctx);
    expect(v.format).toBe("不公开（涉及个人隐私）");
  });
});

describe("听证员邀请函", () => {
  const src: PanelistInvitationSource = {
    hearingId: "h1",
    panelistId: "x1",
    panelist: "刘振华",
    hearing,
    cases: [
      { ordinal: 2, title: "乙案", respondent: "桂阳县教育局", issues: "是否履职" },
      { ordinal: 1, title: "甲案", respondent: "桂阳县卫生健康局", issues: null },
    ],
  };

  test("one row per case in hearing order, with the agency and issues (Art 11)", () => {
    const v = panelistInvitationDefinition.map(src, ctx);
    expectValuesMatchFields(panelistInvitationDefinition, v);
    expect(v.panelist).toBe("刘振华");
    expect(v.cases).toEqual({
      rows: [
        ["1", "甲案", "桂阳县卫生健康局", ""],
        ["2", "乙案", "桂阳县教育局", "是否履职"],
      ],
    });
    expect(panelistInvitationDefinition.title(src, ctx)).toBe("听证员邀请函（刘振华）");
  });
});

describe("听证员评议意见表", () => {
  const base: PanelOpinionFormSource = {
    hearingId: "h1",
    panelistId: "x1",
    hearing: { ...hearing, status: "deliberating", deliberationClosedAt: null },
    panelist: { name: "刘振华", category: "npc_deputy", workUnit: "桂阳县人大常委会" },
    cases: [
      { id: "c1", ordinal: 1, number: "2022-行公-001", title: "甲案", respondent: "桂阳县卫生健康局" },
      { id: "c2", ordinal: 2, number: "2022-行公-002", title: "乙案", respondent: "桂阳县教育局" },
    ],
    opinions: [
      { caseId: "c1", stance: "conditional", reasons: "原则同意。", conditions: "明确设置主体。", signedName: "刘振华" },
      { caseId: "c2", stance: "disagree", reasons: "宜以磋商方式处理。", conditions: null, signedName: "刘振华" },
    ],
  };

  test("before deliberation is closed: a blank form, no opinion's content even when given", () => {
    const v = panelOpinionFormDefinition.map(base, ctx);
    expectValuesMatchFields(panelOpinionFormDefinition, v);
    expect(JSON.stringify(v)).not.toMatch(/原则同意|磋商|明确设置主体|☑/);
    expect(v.opinions).toEqual({
      rows: [
        ["1", "2022-行公-001 甲案", "□同意 □不同意 □附条件同意", "", ""],
        ["2", "2022-行公-002 乙案", "□同意 □不同意 □附条件同意", "", ""],
      ],
    });
    expect(v.category).toBe("人大代表");
  });

  test("once closed: the panelist's stance, reasons with conditions, and signature per case", () => {
    const v = panelOpinionFormDefinition.map({ ...base, hearing: { ...base.hearing, status: "concluded", deliberationClosedAt: at("2022-06-16 16:40") } }, ctx);
    expect(v.opinions).toEqual({
      rows: [
        ["1", "2022-行公-001 甲案", "附条件同意", "原则同意。附加条件：明确设置主体。", "刘振华"],
        ["2", "2022-行公-002 乙案", "不同意", "宜以磋商方式处理。", "刘振华"],
      ],
    });
  });

  test("a cancelled hearing never unseals", () => {
    const v = panelOpinionFormDefinition.map({ ...base, hearing: { ...base.hearing, status: "cancelled", deliberationClosedAt: at("2022-06-16 16:40") } }, ctx);
    expect(JSON.stringify(v)).not.toContain("原则同意");
  });
});

describe("听证笔录", () => {
  const src = (over: Partial<RecordSource["hearing"]> = {}): RecordSource => ({
    hearing: {
      id: "h1",
      title: TITLE,
      purpose: "各单位是否负有监管职责、是否依法履职。",
      venue: "桂阳县人民检察院检察听证室",
      startsAt: at("2022-06-16 09:00"),
      endsAt: at("2022-06-16 11:30"),
      isPublic: true,
      closedReason: null,
      status: "concluded",
      deliberationClosedAt: at("2022-06-16 11:00"),
      deliberationSummary: "听证员经评议认为各单位负有监管职责。",
      hostSummary: "本院将充分吸收听证员意见。",
      concludedAt: at("2022-06-16 11:30"),
      ...over,
    },
    host: { id: "u1", displayName: "欧阳明", post: "检察官" },
    clerk: { id: "u2", displayName: "陈书记", post: "书记员" },
    cases: [
      { id: "c1", ordinal: 1, number: "2022-行公-001", title: "甲案", respondent: "桂阳县卫生健康局", issues: "是否履职", proposedHandling: "recommend", proposal: "制发检察建议", lead: { id: "u1", displayName: "欧阳明", post: "检察官" } },
    ],
    panelists: [
      { panelistId: "x1", name: "刘振华", category: "npc_deputy", workUnit: "县人大常委会", recused: false, recusalReason: null, attended: true },
      { panelistId: "x2", name: "侯国庆", category: "volunteer", workUnit: null, recused: true, recusalReason: "曾在被建议单位工作", attended: null },
    ],
    participants: [
      { id: "p1", kind: "agency_representative", organisation: "桂阳县卫生健康局", name: "周海林", post: "副局长", attended: true },
      { id: "p2", kind: "observer", organisation: "", name: "旁听甲", post: null, attended: true },
    ],
    stages: [
      { stage: "presentation", startedAt: at("2022-06-16 09:10"), endedAt: at("2022-06-16 09:40"), minutes: "承办检察官介绍案件。\n出示现场照片。" },
      { stage: "attendance", startedAt: at("2022-06-16 09:00"), endedAt: at("2022-06-16 09:10"), minutes: "核实到场情况。" },
      { stage: "final_statements", startedAt: at("2022-06-16 11:00"), endedAt: at("2022-06-16 11:15"), minutes: "周海林：将积极整改。" },
    ],
    opinions: [
      { caseId: "c1", panelistId: "x1", stance: "agree", reasons: "同意制发检察建议。", conditions: null, signedName: "刘振华", submittedAt: at("2022-06-16 10:50") },
      { caseId: "c1", panelistId: "x2", stance: "disagree", reasons: "回避者的意见。", conditions: null, signedName: "侯国庆", submittedAt: at("2022-06-16 10:50") },
    ],
  });

  test("every field of §2: stages in order with minutes, attendance, the counted opinions and tally, signature lines", () => {
    const record = buildHearingRecord(src());
    const v = hearingRecordDefinition.map(record, ctx);
    expectValuesMatchFields(hearingRecordDefinition, v);
    expect(v.time).toBe("2022年6月16日9时00分至11时30分");
    expect(v.host).toBe("欧阳明（检察官）");
    expect(v.clerk).toBe("陈书记");
    expect(v.format).toBe("公开");
    expect(v.attendance).toBe("应到听证员1名，实到1名（另有1名回避）；听证参加人应到1名，实到1名。");
    expect(v.stages).toEqual([
      "（一）核实到场情况、宣布听证程序和纪律（2022年6月16日9时00分至9时10分）",
      "核实到场情况。",
      "（二）承办检察官介绍案件情况和听证事项（2022年6月16日9时10分至9时40分）",
      "承办检察官介绍案件。",
      "出示现场照片。",
      "（三）参加人最后陈述（2022年6月16日11时00分至11时15分）",
      "周海林：将积极整改。",
    ]);
    expect(v.cases).toEqual({ rows: [["1", "2022-行公-001", "甲案", "桂阳县卫生健康局", "是否履职", "制发检察建议：制发检察建议"]] });
    expect(v.panelists).toEqual({
      rows: [
        ["刘振华", "人大代表", "县人大常委会", "到场"],
        ["侯国庆", "“益心为公”志愿者", "", "回避（曾在被建议单位工作）"],
      ],
    });
    expect(v.participants).toEqual({ rows: [["桂阳县卫生健康局", "周海林", "副局长", "行政机关代表", "到场"]] });
    expect(v.opinions).toEqual({ rows: [["2022-行公-001 甲案", "刘振华", "同意", "同意制发检察建议。"]] });
    expect(v.tally).toEqual(["2022-行公-001 甲案：同意1名，附条件同意0名，不同意0名；多数意见为同意。"]);
    expect(v.final_statements).toEqual(["周海林：将积极整改。"]);
    expect(v.host_summary).toEqual(["本院将充分吸收听证员意见。"]);
    const roles = (v.signatures as { rows: string[][] }).rows.map((r) => `${r[0]}:${r[1]}`);
    expect(roles).toEqual(["听证主持人:欧阳明", "承办检察官:欧阳明", "书记员:陈书记", "听证员:刘振华", "听证参加人:周海林"]);
  });

  test("sealed opinions absent before deliberation closes", () => {
    const record = buildHearingRecord({ ...src({ status: "deliberating", deliberationClosedAt: null, concludedAt: null }), clerk: null });
    const v = hearingRecordDefinition.map(record, ctx);
    expectValuesMatchFields(hearingRecordDefinition, v); // renders while sealed
    expect(v.opinions).toEqual({ rows: [] });
    expect(v.tally).toEqual([SEALED_NOTE]);
    expect(JSON.stringify(v)).not.toContain("同意制发检察建议。");
  });
});
