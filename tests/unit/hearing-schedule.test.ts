import { describe, expect, test } from "vitest";
import { isFinishedHearing, splitUpcomingPast } from "~/domain/hearing/schedule";

describe("isFinishedHearing", () => {
  test("concluded and cancelled hearings are over, the others are not", () => {
    expect(isFinishedHearing("concluded")).toBe(true);
    expect(isFinishedHearing("cancelled")).toBe(true);
    expect(isFinishedHearing("scheduled")).toBe(false);
    expect(isFinishedHearing("in_progress")).toBe(false);
    expect(isFinishedHearing("deliberating")).toBe(false);
  });
});

describe("splitUpcomingPast", () => {
  const list = [
    { id: "a", status: "concluded" },
    { id: "b", status: "scheduled" },
    { id: "c", status: "cancelled" },
    { id: "d", status: "in_progress" },
  ];

  test("keeps coming hearings soonest first and puts past ones latest first", () => {
    const { upcoming, past } = splitUpcomingPast(list, (h) => !isFinishedHearing(h.status));
    expect(upcoming.map((h) => h.id)).toEqual(["b", "d"]);
    expect(past.map((h) => h.id)).toEqual(["c", "a"]);
  });

  test("an empty list gives two empty lists and the input is left as it was", () => {
    expect(splitUpcomingPast([], () => true)).toEqual({ upcoming: [], past: [] });
    splitUpcomingPast(list, () => false);
    expect(list.map((h) => h.id)).toEqual(["a", "b", "c", "d"]);
  });
});
