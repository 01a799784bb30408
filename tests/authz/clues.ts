import type { Expectations, ParamContext, ParamSets } from "#tests/authz/types";
import { only } from "#tests/authz/types";

// Authorization matrix entries of the clue screens: /clues, /clues/new and the clue page.
// Reading is clue:read (prosecutors and approvers of the actor's procuratorate); registering and
// the clue page's actions are clue:write (prosecutors). An empty POST is invalid input (400) for a
// prosecutor and 403 for everyone else. A clue of 郴州 (shortName 郴) answers 404 to the 桂阳 (桂)
// demo users, to GET here and to POST in tests/integration/clue-workflow.test.ts.

/** The first clue of 桂 (in scope) and of 郴 (out of scope). */
async function pair(
  find: (shortName: string) => Promise<{ id: string } | null>,
  param: string,
  what: string,
): Promise<ParamSets> {
  const [inScope, outOfScope] = await Promise.all([find("桂"), find("郴")]);
  if (!inScope || !outOfScope) throw new Error(`the demo seed has no ${what} of 桂 and of 郴`);
  return { inScope: { [param]: inScope.id }, outOfScope: { [param]: outOfScope.id } };
}

const clueParams = ({ db }: ParamContext) =>
  pair(
    (shortName) =>
      db.clue.findFirst({ where: { procuratorate: { shortName } }, orderBy: [{ number: "asc" }, { id: "asc" }], select: { id: true } }),
    "clueId",
    "clue",
  );

const staffRead = only({ prosecutor: 200, approver: 200 });
const prosecutorWrites = only({ prosecutor: 400 });

export const expectations: Expectations = {
  "routes/_staff.clues._index": { loader: staffRead },
  "routes/_staff.clues.new": { loader: only({ prosecutor: 200 }), action: prosecutorWrites },
  "routes/_staff.clues.$clueId": { params: clueParams, loader: staffRead, action: prosecutorWrites },
};
