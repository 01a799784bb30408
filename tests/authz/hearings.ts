import type { Expectations, ParamContext } from "#tests/authz/types";
import { only } from "#tests/authz/types";

// Authorization matrix entries of the staff hearing pages (hearing:read: prosecutors and approvers).
// In scope: a hearing of the demo procuratorate (桂); out of scope: one of 郴.

async function hearingParams({ db }: ParamContext) {
  const find = (shortName: string) =>
    db.hearing.findFirst({
      where: { procuratorate: { shortName } },
      orderBy: { startsAt: "asc" },
      select: { id: true },
    });
  const [inScope, outOfScope] = await Promise.all([find("桂"), find("郴")]);
  if (!inScope) throw new Error("the demo seed has no hearing of 桂");
  return { inScope: { hearingId: inScope.id }, ...(outOfScope ? { outOfScope: { hearingId: outOfScope.id } } : {}) };
}

export const expectations: Expectations = {
  "routes/_staff.hearings._index": { loader: only({ prosecutor: 200, approver: 200 }) },
  // The page is a layout (header and tabs) with one nested route per tab; each checks on its own.
  "routes/_staff.hearings.$hearingId": {
    params: hearingParams,
    loader: only({ prosecutor: 200, approver: 200 }),
  },
  "routes/_staff.hearings.$hearingId._index": { params: hearingParams, loader: only({ prosecutor: 200, approver: 200 }) },
  "routes/_staff.hearings.$hearingId.panel": { params: hearingParams, loader: only({ prosecutor: 200, approver: 200 }) },
  "routes/_staff.hearings.$hearingId.participants": {
    params: hearingParams,
    loader: only({ prosecutor: 200, approver: 200 }),
  },
  "routes/_staff.hearings.$hearingId.evidence": { params: hearingParams, loader: only({ prosecutor: 200, approver: 200 }) },
  "routes/_staff.hearings.$hearingId.opinions": { params: hearingParams, loader: only({ prosecutor: 200, approver: 200 }) },
  // Accepting or declining an observer request is hearing:manage (prosecutors): an empty form from
  // a prosecutor is invalid input; approvers read the tab but may not decide. Out-of-scope POSTs
  // (404, nothing written) are in tests/integration/hearing-observers.test.ts.
  "routes/_staff.hearings.$hearingId.observers": {
    params: hearingParams,
    loader: only({ prosecutor: 200, approver: 200 }),
    action: only({ prosecutor: 400 }),
  },
};
