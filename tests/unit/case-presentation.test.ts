import { describe, expect, test } from "vitest";
import type { Stage } from "~/domain/case/presentation";
import { clueStatusTone, replyProgress, stageProgress, stateTone } from "~/domain/case/presentation";
import { caseListFilterSchema, clueListFilterSchema, defaultSort, likePattern } from "~/domain/case/schemas";
import { CASE_STATES } from "~/domain/case/states";

const strip = (stages: Stage[]) => stages.map((s) => `${s.key}:${s.status}${s.suspended ? "(suspended)" : ""}`);

describe("stateTone", () => {
  test("every state has a tone; unknown values are neutral", () => {
    for (const s of CASE_STATES) expect(["neutral", "info", "ok", "warn", "danger"]).toContain(stateTone(s));
    expect(stateTone("closed")).toBe("ok");
    expect(stateTone("rectification")).toBe("warn");
    expect(stateTone("litigation")).toBe("danger");
    expect(stateTone("nonsense")).toBe("neutral");
  });
});

describe("stageProgress", () => {
  test("a case under evaluation: first step current, the rest upcoming, undecided outcome", () => {
    expect(strip(stageProgress("evaluation"))).toEqual([
      "evaluation:current",
      "filed:upcoming",
      "investigating:upcoming",
      "recommending:upcoming",
      "rectification:upcoming",
      "follow_up:upcoming",
      "outcome:upcoming",
    ]);
  });

  test("in rectification without history: earlier stages done", () => {
    expect(strip(stageProgress("rectification"))).toEqual([
      "evaluation:done",
      "filed:done",
      "investigating:done",
      "recommending:done",
      "rectification:current",
      "follow_up:upcoming",
      "outcome:upcoming",
    ]);
  });

  test("closed after follow-up: every stage done, closed current", () => {
    const history = [
      { fromState: "evaluation", toState: "filed" },
      { fromState: "filed", toState: "investigating" },
      { fromState: "investigating", toState: "recommending" },
      { fromState: "recommending", toState: "rectification" },
      { fromState: "rectification", toState: "follow_up" },
      { fromState: "follow_up", toState: "closed" },
    ];
    const stages = stageProgress("closed", history);
    expect(stages.at(-1)).toEqual({ key: "closed", status: "current" });
    expect(stages.slice(0, -1).every((s) => s.status === "done")).toBe(true);
  });

  test("closed during investigation (规则 Art 74): the recommendation stages are skipped", () => {
    const history = [
      { fromState: "evaluation", toState: "filed" },
      { fromState: "filed", toState: "investigating" },
      { fromState: "investigating", toState: "closed" },
    ];
    expect(strip(stageProgress("closed", history))).toEqual([
      "evaluation:done",
      "filed:done",
      "investigating:done",
      "recommending:skipped",
      "rectification:skipped",
      "follow_up:skipped",
      "closed:current",
    ]);
  });

  test("on the way to court: pre-suit review then litigation", () => {
    expect(strip(stageProgress("pre_suit_review")).slice(-2)).toEqual(["pre_suit_review:current", "outcome:upcoming"]);
    expect(strip(stageProgress("litigation")).slice(-2)).toEqual(["pre_suit_review:done", "litigation:current"]);
  });

  test("closed after pre-suit review: the review is on the strip, done", () => {
    const history = [
      { fromState: "follow_up", toState: "pre_suit_review" },
      { fromState: "pre_suit_review", toState: "closed" },
    ];
    expect(strip(stageProgress("closed", history)).slice(-3)).toEqual([
      "follow_up:done",
      "pre_suit_review:done",
      "closed:current",
    ]);
  });

  test("suspended: the stage it stopped in is current and marked suspended (规则 Art 78)", () => {
    const fromFollowUp = stageProgress("suspended", [
      { fromState: "rectification", toState: "follow_up" },
      { fromState: "follow_up", toState: "suspended" },
    ]);
    expect(strip(fromFollowUp).slice(4, 6)).toEqual(["rectification:done", "follow_up:current(suspended)"]);
    const noHistory = stageProgress("suspended");
    expect(strip(noHistory)[4]).toBe("rectification:current(suspended)");
  });

  test("not filed: evaluation then the decision not to file", () => {
    expect(strip(stageProgress("not_filed"))).toEqual(["evaluation:done", "not_filed:current"]);
  });

  test("exactly one current step for every state", () => {
    for (const s of CASE_STATES) {
      expect(stageProgress(s).filter((x) => x.status === "current")).toHaveLength(1);
    }
  });
});

describe("replyProgress", () => {
  test("from no recommendation to an assessed reply", () => {
    expect(replyProgress(null)).toBe("none");
    expect(replyProgress({ status: "draft", servedOn: null, replyStatuses: [] })).toBe("drafting");
    expect(replyProgress({ status: "served", servedOn: "2022-06-20", replyStatuses: [] })).toBe("awaiting");
    expect(replyProgress({ status: "served", servedOn: "2022-06-20", replyStatuses: ["submitted"] })).toBe("replied");
    expect(replyProgress({ status: "replied", servedOn: "2022-06-20", replyStatuses: ["assessed"] })).toBe("assessed");
    expect(replyProgress({ status: "closed", servedOn: "2022-06-20", replyStatuses: ["assessed"] })).toBe("closed");
  });
});

describe("clueStatusTone", () => {
  test("waiting clues stand out", () => {
    expect(clueStatusTone("registered")).toBe("warn");
    expect(clueStatusTone("filed")).toBe("ok");
    expect(clueStatusTone("transferred")).toBe("neutral");
  });
});

describe("list filters", () => {
  test("empty and invalid values are dropped, the page defaults to 1", () => {
    expect(
      caseListFilterSchema.parse({ state: "", field: "nonsense", q: "  ", page: "x", due: "later", within: "-3", sort: "x" })
    ).toEqual({
      state: undefined,
      field: undefined,
      series: undefined,
      agency: undefined,
      lead: undefined,
      due: undefined,
      within: 7,
      sort: undefined, // the default order: relevance when searching, else newest update (defaultSort)
      q: undefined,
      page: 1,
    });
  });

  test("the default order: by due date when filtering by it, else newest update; a chosen sort wins", () => {
    expect(defaultSort({})).toBe("updated");
    expect(defaultSort({ due: "overdue" })).toBe("due");
    expect(defaultSort({ due: "soon", sort: "number" })).toBe("number");
  });

  test("the due filter, its day count and the sort come from the URL", () => {
    const parsed = caseListFilterSchema.parse({ due: "soon", within: "30", sort: "due", agency: "a1", lead: "u1" });
    expect(parsed).toMatchObject({ due: "soon", within: 30, sort: "due", agency: "a1", lead: "u1" });
    expect(caseListFilterSchema.parse({ within: "9999" }).within).toBe(7);
  });

  test("valid values pass; the search is trimmed and capped", () => {
    const parsed = caseListFilterSchema.parse({ state: "active", field: "ecology", series: "none", q: ` ${"疫".repeat(150)} `, page: "3" });
    expect(parsed.state).toBe("active");
    expect(parsed.field).toBe("ecology");
    expect(parsed.series).toBe("none");
    expect(parsed.q).toHaveLength(100);
    expect(parsed.page).toBe(3);
  });

  test("clue filter", () => {
    expect(clueListFilterSchema.parse({ status: "evaluating", source: "report" })).toEqual({
      status: "evaluating",
      source: "report",
    });
    // The register pages by keyset (?after=/?before=), not by page number.
    expect(clueListFilterSchema.parse({ status: "bogus", page: "0" })).toEqual({ status: undefined, source: undefined });
  });
});

describe("likePattern", () => {
  test("escapes the LIKE wildcards and the escape character", () => {
    expect(likePattern("50%")).toBe("%50\\%%");
    expect(likePattern("a_b")).toBe("%a\\_b%");
    expect(likePattern("c:\\x")).toBe("%c:\\\\x%");
    expect(likePattern("防疫")).toBe("%防疫%");
  });
});
