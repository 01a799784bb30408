import { describe, expect, it } from "vitest";
import { CASE_STATES } from "~/domain/case/states";
import type { AssessmentOutcome } from "~/domain/recommendation/assessment";
import { ASSESSMENT_OUTCOMES } from "~/domain/recommendation/assessment";
import { assessmentFormSchema, currentAssessments, mayAssessReply, replyStatusAfterAssessment } from "~/domain/recommendation/assessment-rules";
import { decideEscalation } from "~/domain/recommendation/escalation";
import { computeRates, percent } from "~/domain/recommendation/rates";

const row = (id: string, pointId: string, outcome: string, at: string, reopenedAt: string | null = null) => ({
  id,
  pointId,
  outcome,
  assessedAt: new Date(at),
  reopenedAt: reopenedAt ? new Date(reopenedAt) : null,
});

describe("current assessments (规则 Art 77)", () => {
  it("takes the newest per point; a reopened newest one leaves the point unassessed", () => {
    const rows = [
      row("a", "p1", "paper_only", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"),
      row("b", "p1", "rectified", "2026-11-03T00:00:00Z"),
      row("c", "p2", "not_rectified", "2026-11-01T00:00:00Z", "2026-11-05T00:00:00Z"),
    ];
    const current = currentAssessments(rows);
    expect(current.get("p1")?.id).toBe("b");
    expect(current.has("p2")).toBe(false);
    expect(replyStatusAfterAssessment(["p1", "p2"], rows)).toBe("submitted");
    expect(replyStatusAfterAssessment(["p1"], rows)).toBe("assessed");
    expect(replyStatusAfterAssessment([], rows)).toBe("submitted");
  });

  it("only a submitted reply is assessed", () => {
    expect(mayAssessReply("submitted")).toBe(true);
    expect(mayAssessReply("assessed")).toBe(true);
    expect(mayAssessReply("draft")).toBe(false);
    expect(mayAssessReply(null)).toBe(false);
  });

  it("reopening needs a reason; assessing needs an outcome and findings", () => {
    expect(assessmentFormSchema.safeParse({ intent: "reopen", assessmentId: "x", reason: "  " }).success).toBe(false);
    expect(assessmentFormSchema.safeParse({ intent: "reopen", assessmentId: "x", reason: "现场复查发现反弹" }).success).toBe(true);
    expect(assessmentFormSchema.safeParse({ intent: "assess", pointId: "p", outcome: "", findings: "x" }).success).toBe(false);
    expect(assessmentFormSchema.safeParse({ intent: "assess", pointId: "p", outcome: "rectified", findings: "" }).success).toBe(false);
    for (const outcome of ASSESSMENT_OUTCOMES) {
      expect(assessmentFormSchema.safeParse({ intent: "assess", pointId: "p", outcome, findings: "核查" }).success).toBe(true);
    }
  });
});

describe("decideEscalation over every combination", () => {
  const values: (AssessmentOutcome | null)[] = [null, ...ASSESSMENT_OUTCOMES];
  const pairs = values.flatMap((a) => values.map((b) => [a, b]));
  for (const state of CASE_STATES) {
    for (const replySubmitted of [false, true]) {
      for (const dueOn of [null, "2026-11-30", "2026-12-31"]) {
        for (const outcomes of [[], ...pairs]) {
          it(`${state} submitted=${replySubmitted} due=${dueOn} ${JSON.stringify(outcomes)}`, () => {
            const d = decideEscalation({ state, replySubmitted, replyDueOn: dueOn, today: "2026-12-01", outcomes });
            const gate = state === "rectification" || state === "follow_up";
            const overdue = !replySubmitted && dueOn === "2026-11-30";
            const unperformed = outcomes.some((o) => o === "not_rectified" || o === "paper_only" || o === "partly_rectified");
            const allRectified = outcomes.length > 0 && outcomes.every((o) => o === "rectified");
            if (!gate) expect(d.offer).toBe("none");
            else if (overdue) expect(d).toMatchObject({ offer: "pre_suit_review", reason: "overdue", complaintDraft: true });
            else if (replySubmitted && unperformed && dueOn === "2026-11-30") expect(d).toMatchObject({ offer: "pre_suit_review", reason: "unperformed", complaintDraft: true });
            else if (replySubmitted && allRectified) expect(d).toMatchObject({ offer: "closure", ground: "fully_rectified" });
            else expect(d.offer).toBe("none");
          });
        }
      }
    }
  }
});

describe("honest rates", () => {
  it("counts paper-only points as not rectified, and late or missing replies as not on time", () => {
    const done = (outcome: AssessmentOutcome | null) => ({ answer: "done", outcome });
    const { total, years } = computeRates(
      [
        { year: 2025, dueOn: "2025-03-01", reply: { late: false }, points: [done("rectified"), done("paper_only"), done("rectified")] },
        { year: 2026, dueOn: "2026-10-01", reply: { late: true }, points: [done("paper_only"), done(null), { answer: "in_progress", outcome: "rectified" }] },
        { year: 2026, dueOn: "2026-11-01", reply: null, points: [{ answer: null, outcome: null }] },
        { year: 2026, dueOn: "2027-01-01", reply: null, points: [] },
      ],
      "2026-12-01",
    );
    expect(total).toEqual({
      repliesDue: 3,
      repliesOnTime: 1,
      pointsRepliedDone: 5,
      pointsVerified: 4,
      pointsReallyRectified: 2,
      pointsPaperOnly: 2,
    });
    expect(years.map((y) => y.year)).toEqual([2026, 2025]);
    expect(years[1]).toMatchObject({ pointsRepliedDone: 3, pointsReallyRectified: 2, pointsPaperOnly: 1 });
    expect(percent(2, 5)).toBe(40);
    expect(percent(0, 0)).toBeNull();
  });

  it("every outcome: only rectified counts as rectified", () => {
    for (const outcome of ASSESSMENT_OUTCOMES) {
      const { total } = computeRates([{ year: 2026, dueOn: null, reply: { late: false }, points: [{ answer: "done", outcome }] }], "2026-12-01");
      expect(total.pointsReallyRectified).toBe(outcome === "rectified" ? 1 : 0);
      expect(total.pointsPaperOnly).toBe(outcome === "paper_only" ? 1 : 0);
    }
  });
});
