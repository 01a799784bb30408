import { describe, expect, test } from "vitest";
import type { DayHearing } from "~/domain/hearing/day";
import {
  advanceRefusal,
  attendanceRefusal,
  closeDeliberationRefusal,
  concludeRefusal,
  hearingDaySchema,
  minutesRefusal,
  nextStage,
  openRefusal,
  parsePresent,
  refusalStatus,
  statusMoveFor,
} from "~/domain/hearing/day";
import type { RecordSource } from "~/domain/hearing/record";
import { buildHearingRecord } from "~/domain/hearing/record";
import { HEARING_STAGES } from "~/domain/hearing/states";

const HOST = "host";
const CLERK = "clerk";
const h = (over: Partial<DayHearing> = {}): DayHearing => ({
  status: "in_progress",
  stage: "attendance",
  deliberationClosedAt: null,
  hostId: HOST,
  clerkId: CLERK,
  ...over,
});

describe("the order of business (听证规定 Art 15)", () => {
  test("nextStage walks the stages in order, from the opening to the summary", () => {
    const walked: (string | null)[] = [];
    let s = nextStage(null);
    while (s) {
      walked.push(s);
      s = nextStage(s);
    }
    expect(walked).toEqual([...HEARING_STAGES]);
    expect(nextStage("summary")).toBeNull();
  });

  test("only the host opens, only a notified hearing that has not started", () => {
    const notified = h({ status: "notified", stage: null });
    expect(openRefusal(notified, HOST, [])).toBeNull();
    expect(openRefusal(notified, CLERK, [])).toBe("notHost");
    expect(openRefusal(h({ status: "planned", stage: null }), HOST, [])).toBe("wrongStatus");
    expect(openRefusal(h(), HOST, [])).toBe("wrongStatus");
    // Someone added after the hearing was marked notified has no notice yet (听证规定 Art 10).
    expect(openRefusal(notified, HOST, ["钱代表"])).toBe("noticesMissing");
  });

  test("advancing: the next stage only, from the stage the host saw", () => {
    expect(advanceRefusal(h(), HOST, "attendance", "presentation")).toBeNull();
    expect(advanceRefusal(h(), HOST, "attendance", "statements")).toBe("stageOrder");
    expect(advanceRefusal(h({ stage: "presentation" }), HOST, "attendance", "presentation")).toBe("stageOrder");
    expect(advanceRefusal(h({ stage: "presentation" }), HOST, "presentation", "attendance")).toBe("stageOrder");
    expect(advanceRefusal(h(), CLERK, "attendance", "presentation")).toBe("notHost");
    expect(advanceRefusal(h({ status: "concluded", stage: "summary" }), HOST, "summary", "summary")).toBe("wrongStatus");
    expect(advanceRefusal(h({ status: "notified", stage: null }), HOST, "attendance", "presentation")).toBe("wrongStatus");
  });

  test("entering the recess moves the status to deliberating; other stages keep it", () => {
    expect(advanceRefusal(h({ stage: "questions" }), HOST, "questions", "deliberation")).toBeNull();
    expect(statusMoveFor("questions", "deliberation")).toBe("deliberating");
    expect(statusMoveFor("attendance", "presentation")).toBeNull();
    expect(statusMoveFor("deliberation", "opinions")).toBeNull();
    // A status out of step with the stage is refused rather than guessed.
    expect(advanceRefusal(h({ status: "deliberating", stage: "questions" }), HOST, "questions", "deliberation")).toBe("wrongStatus");
  });

  test("final statements need deliberation closed", () => {
    const atOpinions = h({ status: "deliberating", stage: "opinions" });
    expect(advanceRefusal(atOpinions, HOST, "opinions", "final_statements")).toBe("deliberationOpen");
    expect(advanceRefusal({ ...atOpinions, deliberationClosedAt: new Date() }, HOST, "opinions", "final_statements")).toBeNull();
  });

  test("closing deliberation: the host, at stage 'opinions', once", () => {
    const atOpinions = h({ status: "deliberating", stage: "opinions" });
    expect(closeDeliberationRefusal(atOpinions, HOST)).toBeNull();
    expect(closeDeliberationRefusal(atOpinions, CLERK)).toBe("notHost");
    expect(closeDeliberationRefusal(h({ status: "deliberating", stage: "deliberation" }), HOST)).toBe("notAtOpinions");
    expect(closeDeliberationRefusal(h({ stage: "questions" }), HOST)).toBe("wrongStatus");
    expect(closeDeliberationRefusal({ ...atOpinions, deliberationClosedAt: new Date() }, HOST)).toBe("deliberationClosed");
  });

  test("concluding: the host, at the summary, deliberation closed", () => {
    const closed = new Date();
    expect(concludeRefusal(h({ status: "deliberating", stage: "summary", deliberationClosedAt: closed }), HOST)).toBeNull();
    expect(concludeRefusal(h({ status: "deliberating", stage: "opinions" }), HOST)).toBe("deliberationOpen");
    expect(concludeRefusal(h({ status: "deliberating", stage: "final_statements", deliberationClosedAt: closed }), HOST)).toBe("notAtSummary");
    expect(concludeRefusal(h({ status: "deliberating", stage: "summary", deliberationClosedAt: closed }), CLERK)).toBe("notHost");
    expect(concludeRefusal(h({ status: "concluded", stage: "summary", deliberationClosedAt: closed }), HOST)).toBe("wrongStatus");
  });

  test("minutes and attendance: host or clerk, in session, a stage already started", () => {
    expect(minutesRefusal(h(), CLERK, "attendance")).toBeNull();
    expect(minutesRefusal(h(), HOST, "attendance")).toBeNull();
    expect(minutesRefusal(h(), "someone", "attendance")).toBe("notHostOrClerk");
    expect(minutesRefusal(h(), CLERK, "presentation")).toBe("stageNotStarted");
    expect(minutesRefusal(h({ status: "deliberating", stage: "opinions" }), CLERK, "presentation")).toBeNull();
    expect(minutesRefusal(h({ status: "concluded", stage: "summary" }), CLERK, "summary")).toBe("wrongStatus");
    expect(attendanceRefusal(h(), CLERK)).toBeNull();
    expect(attendanceRefusal(h({ clerkId: null }), "someone")).toBe("notHostOrClerk");
    expect(attendanceRefusal(h({ status: "notified", stage: null }), HOST)).toBe("wrongStatus");
  });

  test("refusals map to 403 (who) and 409 (state)", () => {
    expect(refusalStatus("notHost")).toBe(403);
    expect(refusalStatus("notHostOrClerk")).toBe(403);
    expect(refusalStatus("stageOrder")).toBe(409);
    expect(refusalStatus("deliberationOpen")).toBe(409);
  });
});

describe("the hearing-day forms", () => {
  test("conclude needs both summaries; advance needs known stages", () => {
    expect(hearingDaySchema.safeParse({ intent: "conclude", deliberationSummary: " ", hostSummary: "x" }).success).toBe(false);
    expect(hearingDaySchema.safeParse({ intent: "conclude", deliberationSummary: "多数同意", hostSummary: "总结" }).success).toBe(true);
    expect(hearingDaySchema.safeParse({ intent: "advance", from: "attendance", to: "lunch" }).success).toBe(false);
    expect(hearingDaySchema.safeParse({ intent: "minutes", stage: "attendance", minutes: "" })).toMatchObject({
      success: true,
      data: { minutes: null },
    });
  });
  test("parsePresent splits panelist and participant ids and ignores the rest", () => {
    const p = parsePresent(["panelist:a", "participant:b", "panelist:c", "nonsense", "other:x"]);
    expect([...p.panelists]).toEqual(["a", "c"]);
    expect([...p.participants]).toEqual(["b"]);
  });
});

const at = (s: string) => new Date(`2026-12-08T${s}:00+08:00`);
function source(over: Partial<RecordSource["hearing"]> = {}): RecordSource {
  return {
    hearing: {
      id: "h1",
      title: "口罩系列案公开听证",
      purpose: "整改是否到位",
      venue: "检察听证室",
      startsAt: at("09:00"),
      endsAt: at("11:00"),
      isPublic: true,
      closedReason: null,
      status: "concluded",
      deliberationClosedAt: at("10:30"),
      deliberationSummary: "多数听证员同意制发检察建议。",
      hostSummary: "听证结束。",
      concludedAt: at("11:00"),
      ...over,
    },
    host: { id: "u1", displayName: "王主持", post: "检察官" },
    clerk: { id: "u2", displayName: "李书记", post: "书记员" },
    cases: [
      { id: "c2", ordinal: 2, number: "桂检行公建〔2026〕2号", title: "乙案", respondent: "乙局", issues: null, proposedHandling: "close", proposal: null, lead: { id: "u1", displayName: "王主持", post: "检察官" } },
      { id: "c1", ordinal: 1, number: null, title: "甲案", respondent: "甲局", issues: "是否履职", proposedHandling: "recommend", proposal: "三点", lead: { id: "u3", displayName: "赵承办", post: "检察官" } },
    ],
    panelists: [
      { panelistId: "p1", name: "孙听证", category: "expert", workUnit: "大学", recused: false, recusalReason: null, attended: true },
      { panelistId: "p2", name: "周听证", category: "npc_deputy", workUnit: null, recused: false, recusalReason: null, attended: false },
      { panelistId: "p3", name: "吴回避", category: "volunteer", workUnit: null, recused: true, recusalReason: "亲属关系", attended: null },
    ],
    participants: [
      { id: "a1", kind: "agency_representative", organisation: "甲局", name: "钱代表", post: "副局长", attended: true },
      { id: "a2", kind: "agency_representative", organisation: "乙局", name: "郑代表", post: null, attended: false },
      { id: "o1", kind: "observer", organisation: "市民", name: "旁听者", post: null, attended: true },
    ],
    stages: [
      { stage: "presentation", startedAt: at("09:10"), endedAt: at("09:30"), minutes: "介绍案情" },
      { stage: "attendance", startedAt: at("09:00"), endedAt: at("09:10"), minutes: "核实到场" },
      { stage: "final_statements", startedAt: at("10:35"), endedAt: at("10:50"), minutes: "甲局：将继续整改" },
    ],
    opinions: [
      { caseId: "c1", panelistId: "p1", stance: "agree", reasons: "理由一", conditions: null, signedName: "孙听证", submittedAt: at("10:20") },
      { caseId: "c1", panelistId: "p3", stance: "disagree", reasons: "回避者的意见", conditions: null, signedName: "吴回避", submittedAt: at("10:21") },
    ],
  };
}

describe("the hearing record builder (听证笔录, DOMAIN.md §2)", () => {
  test("carries every field: time, place, cause, host, clerk, panel, participants, form, attendance", () => {
    const r = buildHearingRecord(source());
    expect(r).toMatchObject({
      title: "口罩系列案公开听证",
      cause: { title: "口罩系列案公开听证", purpose: "整改是否到位" },
      venue: "检察听证室",
      startsAt: at("09:00"),
      host: { name: "王主持", post: "检察官" },
      clerk: { name: "李书记", post: "书记员" },
      isPublic: true,
      closedReason: null,
      concluded: true,
    });
    expect(r.cases.map((c) => c.id)).toEqual(["c1", "c2"]);
    expect(r.panelists.map((p) => [p.name, p.category, p.recused])).toEqual([
      ["孙听证", "expert", false],
      ["周听证", "npc_deputy", false],
      ["吴回避", "volunteer", true],
    ]);
    // Observers are not participants of the record.
    expect(r.participants.map((p) => [p.organisation, p.name, p.post])).toEqual([
      ["甲局", "钱代表", "副局长"],
      ["乙局", "郑代表", null],
    ]);
    expect(r.attendance).toEqual({ panelistsPresent: 1, panelistsSeated: 2, participantsPresent: 1, participants: 2 });
  });

  test("stages in the order of business with their minutes; final statements from their stage", () => {
    const r = buildHearingRecord(source());
    expect(r.stages.map((s) => [s.stage, s.minutes])).toEqual([
      ["attendance", "核实到场"],
      ["presentation", "介绍案情"],
      ["final_statements", "甲局：将继续整改"],
    ]);
    expect(r.finalStatements).toBe("甲局：将继续整改");
    expect(r.deliberationSummary).toBe("多数听证员同意制发检察建议。");
    expect(r.hostSummary).toBe("听证结束。");
  });

  test("unsealed opinions per case with the tally, a recused panelist's left out", () => {
    const r = buildHearingRecord(source());
    expect(r.opinions?.map((c) => c.caseId)).toEqual(["c1", "c2"]);
    const c1 = r.opinions?.find((c) => c.caseId === "c1");
    expect(c1?.caseLabel).toBe("甲案");
    expect(c1?.items.map((o) => o.panelistName)).toEqual(["孙听证"]);
    expect(c1?.tally).toMatchObject({ agree: 1, disagree: 0, total: 1, majority: "agree" });
  });

  test("sealed opinions are omitted while deliberation is open (opinionsUnsealed)", () => {
    const r = buildHearingRecord(source({ status: "deliberating", deliberationClosedAt: null, concludedAt: null }));
    expect(r.opinions).toBeNull();
    expect(JSON.stringify(r)).not.toContain("理由一");
    expect(buildHearingRecord(source({ status: "cancelled" })).opinions).toBeNull();
  });

  test("a closed hearing keeps its reason; a public one has none", () => {
    expect(buildHearingRecord(source({ isPublic: false, closedReason: "个人隐私" })).closedReason).toBe("个人隐私");
    expect(buildHearingRecord(source({ closedReason: "stale" })).closedReason).toBeNull();
  });

  test("signature lines: host, each handling prosecutor once, clerk, panelists not absent or recused, participants present", () => {
    const r = buildHearingRecord(source());
    expect(r.signatures.map((s) => [s.role, s.name])).toEqual([
      ["host", "王主持"],
      ["handling_prosecutor", "赵承办"],
      ["handling_prosecutor", "王主持"],
      ["clerk", "李书记"],
      ["panelist", "孙听证"],
      ["participant", "钱代表"],
    ]);
    expect(r.signatures.find((s) => s.role === "participant")).toMatchObject({ unit: "甲局", post: "副局长" });
  });
});
