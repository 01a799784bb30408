import type { Expectations, ParamContext, ParamSets } from "#tests/authz/types";
import { only } from "#tests/authz/types";

// Authorization matrix entries of the case screens of the staff area: /cases, /series and their
// detail pages (case:read, series:read: prosecutors and approvers of the actor's procuratorate;
// the clue screens are in clues.ts). Read-only pages: no actions. A record of 郴州 (shortName 郴)
// answers 404 to the 桂阳 (桂) demo users.

/** The first record of each procuratorate, by its natural key; the demo seed holds one of each in 郴. */
async function pair(
  find: (shortName: string) => Promise<{ id: string } | null>,
  param: string,
  what: string,
): Promise<ParamSets> {
  const [inScope, outOfScope] = await Promise.all([find("桂"), find("郴")]);
  if (!inScope || !outOfScope) throw new Error(`the demo seed has no ${what} of 桂 and of 郴`);
  return { inScope: { [param]: inScope.id }, outOfScope: { [param]: outOfScope.id } };
}

const caseParams = ({ db }: ParamContext) =>
  pair(
    (shortName) =>
      db.case.findFirst({ where: { procuratorate: { shortName } }, orderBy: [{ number: "asc" }, { id: "asc" }], select: { id: true } }),
    "caseId",
    "case",
  );

const seriesParams = ({ db }: ParamContext) =>
  pair(
    (shortName) =>
      db.caseSeries.findFirst({ where: { procuratorate: { shortName } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true } }),
    "seriesId",
    "case series",
  );

/** Prosecutors and approvers read; the administrator, panelists and agency liaisons may not. */
const staffRead = only({ prosecutor: 200, approver: 200 });
/** Prosecutors write on the case page; the approver decides but does not write (403). */
const caseWrite = only({ prosecutor: 400 });

export const expectations: Expectations = {
  "routes/_staff.cases._index": { loader: staffRead },
  "routes/_staff.cases.$caseId": { params: caseParams, loader: staffRead },
  // The case page's tabs: each nested route checks case:read itself (a layout's check protects nothing).
  // Next steps, consultations and the recommendation draft: case:write (prosecutors); an empty form is 400.
  "routes/_staff.cases.$caseId._index": { params: caseParams, loader: staffRead, action: caseWrite },
  "routes/_staff.cases.$caseId.evidence": { params: caseParams, loader: staffRead },
  "routes/_staff.cases.$caseId.consultations": { params: caseParams, loader: staffRead, action: caseWrite },
  "routes/_staff.cases.$caseId.hearings": { params: caseParams, loader: staffRead },
  "routes/_staff.cases.$caseId.recommendation": { params: caseParams, loader: staffRead, action: caseWrite },
  "routes/_staff.cases.$caseId.service": { params: caseParams, loader: staffRead },
  "routes/_staff.cases.$caseId.documents": { params: caseParams, loader: staffRead },
  "routes/_staff.cases.$caseId.log": { params: caseParams, loader: staffRead },
  "routes/_staff.series._index": { loader: staffRead },
  "routes/_staff.series.$seriesId": { params: seriesParams, loader: staffRead },
};
