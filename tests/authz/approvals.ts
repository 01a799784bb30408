import type { Expectations, ParamContext } from "#tests/authz/types";
import { only } from "#tests/authz/types";

// Authorization matrix entries of the approvals pages (approval:read: prosecutors and approvers;
// approval:decide: approvers). A prosecutor sees only the requests they made, so the in-scope
// record is a pending request of 桂 made by the demo prosecutor; out of scope, a request of 郴.

async function approvalParams({ db }: ParamContext) {
  const [inScope, outOfScope] = await Promise.all([
    db.approval.findFirst({
      where: { procuratorate: { shortName: "桂" }, decision: "pending", requestedBy: { username: "prosecutor" } },
      orderBy: { requestedAt: "asc" },
      select: { id: true },
    }),
    db.approval.findFirst({ where: { procuratorate: { shortName: "郴" } }, select: { id: true } }),
  ]);
  if (!inScope) throw new Error("the demo seed has no pending approval of 桂 requested by the prosecutor");
  return { inScope: { approvalId: inScope.id }, ...(outOfScope ? { outOfScope: { approvalId: outOfScope.id } } : {}) };
}

export const expectations: Expectations = {
  "routes/_staff.approvals._index": { loader: only({ prosecutor: 200, approver: 200 }) },
  "routes/_staff.approvals.$approvalId": {
    params: approvalParams,
    loader: only({ prosecutor: 200, approver: 200 }),
    // An empty form from the approver is invalid input; nobody else may decide.
    action: only({ approver: 400 }),
  },
};
