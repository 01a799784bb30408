import type { Expectations, ParamContext, ParamSets, WriteRow } from "#tests/authz/types";
import { only } from "#tests/authz/types";
import { newCase, newHearing, procuratorates, someUser } from "#tests/authz/write-fixtures";

// Authorization matrix entries of issue 8's disclosure part: the exhibit list (证据清单) of a case
// (case:read) and the write rows of the hearing evidence tab's disclosure form (hearing:manage; its
// GET/POST rows are in hearings.ts beside the other tabs). A record of 郴 answers 404 to 桂's users.

async function caseParams({ db }: ParamContext): Promise<ParamSets> {
  const find = (shortName: string) =>
    db.case.findFirst({ where: { procuratorate: { shortName } }, orderBy: [{ number: "asc" }, { id: "asc" }], select: { id: true } });
  const [inScope, outOfScope] = await Promise.all([find("桂"), find("郴")]);
  if (!inScope || !outOfScope) throw new Error("the demo seed has no case of 桂 and of 郴");
  return { inScope: { caseId: inScope.id }, outOfScope: { caseId: outOfScope.id } };
}

/** A fresh planned hearing with one case holding one evidence item; `disclosed` discloses it. */
async function hearingWithItem({ db }: ParamContext, procuratorateId: string, disclosed: boolean) {
  const leadId = await someUser(db, procuratorateId);
  const kase = await newCase(db, procuratorateId, "investigating", { leadId, evidence: true });
  const hearing = await newHearing(db, procuratorateId);
  await db.hearingCase.create({ data: { hearingId: hearing.id, caseId: kase.id, ordinal: 1 } });
  const item = await db.evidence.findFirstOrThrow({ where: { caseId: kase.id }, select: { id: true } });
  if (disclosed) {
    await db.hearingEvidence.create({ data: { hearingId: hearing.id, evidenceId: item.id, disclosedById: leadId } });
  }
  return { hearingId: hearing.id, evidenceId: item.id };
}

/** Disclose an item to a hearing, and withdraw a disclosed one: 404 out of scope, nothing written. */
export const disclosureWrites: WriteRow[] = (["disclose", "withdraw"] as const).map((what) => ({
  name: `${what} evidence to a hearing's panel`,
  as: "prosecutor",
  inScopeExpected: 200,
  targets: async (ctx) => {
    const p = await procuratorates(ctx.db);
    const target = async (procuratorateId: string) => {
      const { hearingId, evidenceId } = await hearingWithItem(ctx, procuratorateId, what === "withdraw");
      const form: Record<string, string> = what === "disclose" ? { shown: evidenceId, disclose: evidenceId } : { shown: evidenceId };
      return {
        params: { hearingId },
        form,
        state: () => ctx.db.hearingEvidence.findMany({ where: { hearingId }, select: { evidenceId: true } }),
      };
    };
    return { outOfScope: await target(p.outOfScope), inScope: await target(p.inScope) };
  },
}));

export const expectations: Expectations = {
  "routes/_staff.cases.$caseId.exhibits": { params: caseParams, loader: only({ prosecutor: 200, approver: 200 }) },
};
