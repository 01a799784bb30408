import type { Expectations, ParamContext } from "#tests/authz/types";
import { only } from "#tests/authz/types";
import { procuratorates, someUser } from "#tests/authz/write-fixtures";

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
    writes: [
      {
        name: "decide a pending approval",
        as: "approver",
        targets: async ({ db }) => {
          const p = await procuratorates(db);
          const target = async (procuratorateId: string) => {
            const approval = await db.approval.create({
              data: {
                procuratorateId,
                kind: "hearing",
                subject: "矩阵测试：拟组织听证",
                requestedById: await someUser(db, procuratorateId),
              },
            });
            return {
              params: { approvalId: approval.id },
              form: { decision: "rejected", comment: "矩阵测试" },
              state: () =>
                db.approval.findUniqueOrThrow({
                  where: { id: approval.id },
                  select: { decision: true, decidedById: true, decidedAt: true, comment: true },
                }),
            };
          };
          return { outOfScope: await target(p.outOfScope), inScope: await target(p.inScope) };
        },
      },
    ],
  },
};
