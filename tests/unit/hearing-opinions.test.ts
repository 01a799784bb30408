import { describe, expect, test } from "vitest";
import { countedOpinions, opinionsUnsealed, seatedPanelists } from "~/domain/hearing/opinions";
import { HEARING_STATUSES } from "~/domain/hearing/states";

// One rule unseals the panel's opinions, for the staff page and the panel portal (DOMAIN.md §5:
// sealed until the hearing closes); one rule leaves recused panelists out.

describe("opinionsUnsealed over every hearing status", () => {
  const expected: Record<(typeof HEARING_STATUSES)[number], boolean> = {
    planned: false,
    notified: false,
    in_progress: false,
    deliberating: false,
    concluded: true,
    cancelled: false,
  };

  test("the table names every status", () => {
    expect(Object.keys(expected).sort()).toEqual([...HEARING_STATUSES].sort());
  });

  test.each(HEARING_STATUSES.map((status) => ({ status, open: expected[status] })))(
    "$status → $open",
    ({ status, open }) => {
      expect(opinionsUnsealed({ status })).toBe(open);
    }
  );

  test("a concludedAt timestamp alone does not unseal (only the status decides)", () => {
    const hearing = { status: "deliberating", concludedAt: new Date("2022-06-16T06:00:00Z") };
    expect(opinionsUnsealed(hearing)).toBe(false);
    const cancelled = { status: "cancelled", concludedAt: new Date() };
    expect(opinionsUnsealed(cancelled)).toBe(false);
  });

  test("an unknown status stays sealed", () => {
    expect(opinionsUnsealed({ status: "closed" })).toBe(false);
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
