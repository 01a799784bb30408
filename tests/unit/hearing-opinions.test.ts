import { describe, expect, test } from "vitest";
import { canCloseDeliberation, countedOpinions, opinionsOpen, opinionsUnsealed, seatedPanelists } from "~/domain/hearing/opinions";
import { HEARING_STATUSES } from "~/domain/hearing/states";

// One rule unseals the panel's opinions, for the staff pages, the case page and the panel portal:
// sealed until the host closes deliberation (issue 9), not when everyone has submitted; one rule
// says when an opinion may still be given or changed; one rule leaves recused panelists out.

const closedAt = new Date("2022-06-16T08:40:00Z");

describe("opinionsUnsealed and opinionsOpen over every hearing status", () => {
  // [unsealed with deliberation open, unsealed with it closed, open with it open, open with it closed]
  const expected: Record<(typeof HEARING_STATUSES)[number], [boolean, boolean, boolean, boolean]> = {
    planned: [false, false, false, false],
    notified: [false, false, false, false],
    in_progress: [false, false, true, false],
    deliberating: [false, true, true, false],
    concluded: [false, true, false, false],
    cancelled: [false, false, false, false],
  };

  test("the table names every status", () => {
    expect(Object.keys(expected).sort()).toEqual([...HEARING_STATUSES].sort());
  });

  test.each(HEARING_STATUSES.map((status) => ({ status, row: expected[status] })))("$status → $row", ({ status, row }) => {
    expect(opinionsUnsealed({ status, deliberationClosedAt: null })).toBe(row[0]);
    expect(opinionsUnsealed({ status, deliberationClosedAt: closedAt })).toBe(row[1]);
    expect(opinionsOpen({ status, deliberationClosedAt: null })).toBe(row[2]);
    expect(opinionsOpen({ status, deliberationClosedAt: closedAt })).toBe(row[3]);
  });

  test("a concluded status alone does not unseal: the host must have closed deliberation", () => {
    expect(opinionsUnsealed({ status: "concluded", deliberationClosedAt: null })).toBe(false);
  });

  test("an unknown status stays sealed and closed", () => {
    expect(opinionsUnsealed({ status: "closed", deliberationClosedAt: closedAt })).toBe(false);
    expect(opinionsOpen({ status: "closed", deliberationClosedAt: null })).toBe(false);
  });

  test("deliberation can be closed only in recess, once", () => {
    expect(canCloseDeliberation({ status: "deliberating", deliberationClosedAt: null })).toBe(true);
    expect(canCloseDeliberation({ status: "deliberating", deliberationClosedAt: closedAt })).toBe(false);
    expect(canCloseDeliberation({ status: "in_progress", deliberationClosedAt: null })).toBe(false);
    expect(canCloseDeliberation({ status: "concluded", deliberationClosedAt: null })).toBe(false);
  });
});

describe("recused panelists", () => {
  const seats = [
    { panelistId: "a", recused: false },
    { panelistId: "b", recused: true },
    { panelistId: "c", recused: false },
  ];

  test("do not sit", () => {
    expect(seatedPanelists(seats).map((s) => s.panelistId)).toEqual(["a", "c"]);
  });

  test("their opinions are neither counted nor shown; nor those of someone without a seat", () => {
    const opinions = [
      { panelistId: "a", stance: "agree" },
      { panelistId: "b", stance: "disagree" },
      { panelistId: "c", stance: "conditional" },
      { panelistId: "z", stance: "disagree" },
    ];
    expect(countedOpinions(opinions, seats).map((o) => o.panelistId)).toEqual(["a", "c"]);
    expect(countedOpinions(opinions, [])).toEqual([]);
  });
});
