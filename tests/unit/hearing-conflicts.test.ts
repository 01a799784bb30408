import { describe, expect, test } from "vitest";
import type { HearingAgency } from "~/domain/hearing/conflicts";
import { findPanelConflicts } from "~/domain/hearing/conflicts";
import { categoryMix, opinionConditions, opinionRefusal, seatBlock, signatureMatches, briefingOpen } from "~/domain/hearing/panel";
import { opinionSchema } from "~/domain/hearing/panel-schemas";

// The conflict check of a panel seat (听证规定 Art 7; issue 9) and the rules of the panel portal.

const agencies: HearingAgency[] = [
  { agencyId: "ag-env", name: "桂阳县生态环境分局", role: "respondent" },
  { agencyId: "ag-agri", name: "桂阳县农业农村局", role: "respondent" },
  { agencyId: "ag-hq", name: "桂阳县疫情防控指挥部", role: "participant" },
];

describe("findPanelConflicts", () => {
  test("an affiliation naming a respondent agency is a conflict, and says which", () => {
    const conflicts = findPanelConflicts([{ agencyId: "ag-env", organisation: "生态环境分局", relation: "配偶在该单位工作" }], agencies);
    expect(conflicts).toEqual([
      { agencyId: "ag-env", agencyName: "桂阳县生态环境分局", role: "respondent", organisation: "生态环境分局", relation: "配偶在该单位工作" },
    ]);
  });

  test("an affiliation naming a participating agency is a conflict", () => {
    const conflicts = findPanelConflicts([{ agencyId: "ag-hq", organisation: "指挥部", relation: "顾问" }], agencies);
    expect(conflicts.map((c) => [c.agencyName, c.role])).toEqual([["桂阳县疫情防控指挥部", "participant"]]);
  });

  test("a free-text affiliation without an agency record is not matched, even with the same name", () => {
    expect(findPanelConflicts([{ agencyId: null, organisation: "桂阳县生态环境分局", relation: "前雇员" }], agencies)).toEqual([]);
  });

  test("an affiliation with an agency the hearing does not concern is no conflict", () => {
    expect(findPanelConflicts([{ agencyId: "ag-other", organisation: "某局", relation: "前雇员" }], agencies)).toEqual([]);
  });

  test("several conflicts are all listed, respondent before participant", () => {
    const both: HearingAgency[] = [...agencies, { agencyId: "ag-env", name: "桂阳县生态环境分局", role: "participant" }];
    const conflicts = findPanelConflicts(
      [
        { agencyId: "ag-hq", organisation: "指挥部", relation: "顾问" },
        { agencyId: "ag-env", organisation: "生态环境分局", relation: "前雇员" },
        { agencyId: "ag-agri", organisation: "农业农村局", relation: "子女在该单位工作" },
      ],
      both
    );
    expect(conflicts.map((c) => `${c.agencyId}:${c.role}`)).toEqual(["ag-hq:participant", "ag-env:respondent", "ag-env:participant", "ag-agri:respondent"]);
  });
});

describe("seatBlock", () => {
  const fine = { birthOn: "1980-01-01", barred: false, active: true };
  test("an eligible entry without conflicts may be seated", () => {
    expect(seatBlock(fine, "2026-12-08", [])).toBeNull();
  });
  test("age 23 on the hearing date, barred and inactive are each named, with the conflicts", () => {
    const conflict = findPanelConflicts([{ agencyId: "ag-env", organisation: "x", relation: "y" }], agencies);
    expect(seatBlock({ birthOn: "2003-12-09", barred: true, active: false }, "2026-12-08", conflict)).toEqual({
      reasons: ["under_age", "barred", "inactive"],
      conflicts: conflict,
    });
    expect(seatBlock({ ...fine, birthOn: "2003-12-08" }, "2026-12-08", [])).toBeNull();
  });
});

describe("the panel's category mix", () => {
  test("counts the seated by category and leaves the recused out", () => {
    const seats = [
      ...Array.from({ length: 3 }, () => ({ category: "npc_deputy", recused: false })),
      ...Array.from({ length: 4 }, () => ({ category: "cppcc_member", recused: false })),
      { category: "expert", recused: true },
    ];
    expect(categoryMix(seats)).toEqual([
      { category: "npc_deputy", count: 3 },
      { category: "cppcc_member", count: 4 },
    ]);
  });
});

describe("the panel portal's rules", () => {
  const declared = { declaredAt: new Date("2026-12-01T02:00:00Z"), recused: false };
  const closedAt = new Date("2026-12-08T06:00:00Z");

  test("the briefing opens only after the declaration, and never for a recused panelist", () => {
    expect(briefingOpen({ declaredAt: null, recused: false })).toBe(false);
    expect(briefingOpen(declared)).toBe(true);
    expect(briefingOpen({ ...declared, recused: true })).toBe(false);
  });

  test("an opinion: refused before the hearing is in progress, unsigned or recused, and after deliberation closes", () => {
    expect(opinionRefusal({ status: "notified", deliberationClosedAt: null }, declared)).toBe("hearingPanel.error.opinionsNotOpen");
    expect(opinionRefusal({ status: "in_progress", deliberationClosedAt: null }, { declaredAt: null, recused: false })).toBe(
      "hearingPanel.error.declarationRequired"
    );
    expect(opinionRefusal({ status: "in_progress", deliberationClosedAt: null }, { ...declared, recused: true })).toBe("hearingPanel.error.recused");
    expect(opinionRefusal({ status: "in_progress", deliberationClosedAt: null }, declared)).toBeNull();
    expect(opinionRefusal({ status: "deliberating", deliberationClosedAt: null }, declared)).toBeNull();
    expect(opinionRefusal({ status: "deliberating", deliberationClosedAt: closedAt }, declared)).toBe("hearings.error.opinionsClosed");
    expect(opinionRefusal({ status: "concluded", deliberationClosedAt: closedAt }, declared)).toBe("hearings.error.opinionsClosed");
  });

  test("the signature must be the panelist's name (white space aside)", () => {
    expect(signatureMatches("刘振华", "刘振华")).toBe(true);
    expect(signatureMatches(" 刘 振华 ", "刘振华")).toBe(true);
    expect(signatureMatches("刘振", "刘振华")).toBe(false);
    expect(signatureMatches("", "")).toBe(false);
  });

  test("agreeing with conditions needs them; other stances keep none", () => {
    const base = { intent: "opinion", caseId: "c1", reasons: "理由", signedName: "刘振华" };
    expect(opinionSchema.safeParse({ ...base, stance: "conditional" }).success).toBe(false);
    expect(opinionSchema.safeParse({ ...base, stance: "conditional", conditions: "三个月内完成整改" }).success).toBe(true);
    expect(opinionSchema.safeParse({ ...base, stance: "agree" }).success).toBe(true);
    expect(opinionConditions("agree", "多余的条件")).toBeNull();
    expect(opinionConditions("conditional", " 三个月内 ")).toBe("三个月内");
  });
});
