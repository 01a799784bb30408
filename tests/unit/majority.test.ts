import { describe, expect, test } from "vitest";
import { departsFromMajority, tallyOpinions } from "~/domain/hearing/majority";

const ops = (...stances: string[]) => stances.map((stance) => ({ stance }));

describe("tallyOpinions", () => {
  test("counts each stance and names the majority", () => {
    expect(tallyOpinions(ops("agree", "agree", "disagree", "conditional", "agree"))).toEqual({
      agree: 3,
      disagree: 1,
      conditional: 1,
      total: 5,
      majority: "agree",
      absolute: true,
    });
  });

  test("a plurality is a majority but not an absolute one", () => {
    const t = tallyOpinions(ops("conditional", "conditional", "agree", "disagree"));
    expect(t.majority).toBe("conditional");
    expect(t.absolute).toBe(false);
  });

  test("ties have no majority", () => {
    expect(tallyOpinions(ops("agree", "disagree")).majority).toBeNull();
    expect(tallyOpinions(ops("agree", "agree", "disagree", "disagree", "conditional")).majority).toBeNull();
    expect(tallyOpinions(ops("agree", "disagree", "conditional")).majority).toBeNull();
    expect(tallyOpinions(ops("agree", "agree", "conditional", "conditional")).absolute).toBe(false);
  });

  test("no opinions: no majority", () => {
    expect(tallyOpinions([])).toMatchObject({ total: 0, majority: null, absolute: false });
  });

  test("a single opinion is the majority", () => {
    expect(tallyOpinions(ops("disagree"))).toMatchObject({ total: 1, majority: "disagree", absolute: true });
  });

  test("unknown stances are ignored", () => {
    expect(tallyOpinions(ops("agree", "abstain", ""))).toMatchObject({ total: 1, majority: "agree" });
  });
});

describe("departsFromMajority", () => {
  test("only a decision against an existing majority departs from it", () => {
    const agree = tallyOpinions(ops("agree", "agree", "disagree"));
    expect(departsFromMajority(agree, "agree")).toBe(false);
    expect(departsFromMajority(agree, "disagree")).toBe(true);
    expect(departsFromMajority(tallyOpinions(ops("agree", "disagree")), "disagree")).toBe(false);
  });
});
