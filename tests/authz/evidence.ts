import type { Expectations, ParamContext, ParamSets, WriteRow, WriteTarget } from "#tests/authz/types";
import { only } from "#tests/authz/types";
import { newCase, procuratorates } from "#tests/authz/write-fixtures";
import { pngBytes } from "#tests/support/evidence-files";

// Authorization matrix entries of the evidence item pages (/cases/:caseId/evidence/…): the item page
// reads (case:read: prosecutors and approvers), registering, editing and uploading write (case:write:
// prosecutors). An item of 郴州 (shortName 郴) answers 404 to the 桂阳 (桂) demo users.

async function pair(find: (shortName: string) => Promise<{ id: string; caseId: string } | null>): Promise<ParamSets> {
  const [inScope, outOfScope] = await Promise.all([find("桂"), find("郴")]);
  if (!inScope || !outOfScope) throw new Error("the demo seed has no evidence of 桂 and of 郴");
  return {
    inScope: { caseId: inScope.caseId, evidenceId: inScope.id },
    outOfScope: { caseId: outOfScope.caseId, evidenceId: outOfScope.id },
  };
}

/** The first evidence item of an open case of each procuratorate. */
const itemParams = ({ db }: ParamContext) =>
  pair((shortName) =>
    db.evidence.findFirst({
      where: { case: { procuratorate: { shortName }, state: { notIn: ["closed", "not_filed"] } } },
      orderBy: [{ case: { number: "asc" } }, { ordinal: "asc" }],
      select: { id: true, caseId: true },
    }),
  );

const caseParams = async ({ db }: ParamContext): Promise<ParamSets> => {
  const { inScope, outOfScope } = await itemParams({ db } as ParamContext);
  return { inScope: { caseId: inScope.caseId! }, outOfScope: { caseId: outOfScope!.caseId! } };
};

const staffRead = only({ prosecutor: 200, approver: 200 });
const prosecutorPage = only({ prosecutor: 200 });
/** Prosecutors write; an empty form is 400. */
const caseWrite = only({ prosecutor: 400 });

type Ctx = ParamContext & { procuratorateId: string; scope: "in" | "out" };

function row(name: string, make: (ctx: Ctx) => Promise<WriteTarget>): WriteRow {
  return {
    name,
    as: "prosecutor",
    targets: async (ctx) => {
      const p = await procuratorates(ctx.db);
      return {
        outOfScope: await make({ ...ctx, procuratorateId: p.outOfScope, scope: "out" }),
        inScope: await make({ ...ctx, procuratorateId: p.inScope, scope: "in" }),
      };
    },
  };
}

const openCase = (ctx: Ctx) => newCase(ctx.db, ctx.procuratorateId, "investigating", { ...(ctx.scope === "in" ? { leadId: ctx.userId! } : {}), evidence: true });
const itemOf = (ctx: Ctx, caseId: string) => ctx.db.evidence.findFirstOrThrow({ where: { caseId }, select: { id: true } });

// Handed over by an agency: valid without collecting staff (a Record form carries one value a field).
const handedOver = { kind: "documentary", title: "矩阵测试证据", collectedOn: "2026-11-20", source: "agency_handover", sourceNote: "矩阵测试机关", isOriginal: "copy" };

const newWrites: WriteRow[] = [
  row("register an evidence item", async (ctx) => {
    const kase = await openCase(ctx);
    return { params: { caseId: kase.id }, form: handedOver, state: () => ctx.db.evidence.findMany({ where: { caseId: kase.id }, select: { id: true } }) };
  }),
];

const editWrites: WriteRow[] = [
  row("edit an evidence item", async (ctx) => {
    const kase = await openCase(ctx);
    const item = await itemOf(ctx, kase.id);
    return {
      params: { caseId: kase.id, evidenceId: item.id },
      form: { ...handedOver, title: "矩阵测试：改过的证据" },
      state: () => ctx.db.evidence.findUniqueOrThrow({ where: { id: item.id }, select: { title: true, source: true, updatedAt: true } }),
    };
  }),
];

const uploadWrites: WriteRow[] = [
  row("upload a file to an evidence item", async (ctx) => {
    const kase = await openCase(ctx);
    const item = await itemOf(ctx, kase.id);
    return {
      params: { caseId: kase.id, evidenceId: item.id },
      // The matrix builds a FormData from the record; a File in it is sent as a file part.
      form: { file: new File([new Uint8Array(pngBytes(2, 2, 9))], "矩阵测试.png") as unknown as string },
      state: () => ctx.db.evidenceFile.findMany({ where: { evidenceId: item.id }, select: { id: true } }),
    };
  }),
];

const custodyWrites: WriteRow[] = [
  row("record a custody step of an evidence item", async (ctx) => {
    const kase = await openCase(ctx);
    const item = await itemOf(ctx, kase.id);
    return {
      params: { caseId: kase.id, evidenceId: item.id },
      form: { action: "transferred", at: "2026-11-30T10:00", counterparty: "矩阵测试：市检察院技术部门 王晓" },
      state: () => ctx.db.custodyEvent.findMany({ where: { evidenceId: item.id }, select: { id: true } }),
    };
  }),
];

export const expectations: Expectations = {
  "routes/_staff.cases.$caseId.evidence_.new": { params: caseParams, loader: prosecutorPage, action: caseWrite, writes: newWrites },
  // POST records a physical custody step (evidence:custody: prosecutors; an empty form is 400).
  "routes/_staff.cases.$caseId.evidence_.$evidenceId": { params: itemParams, loader: staffRead, action: caseWrite, writes: custodyWrites },
  "routes/_staff.cases.$caseId.evidence_.$evidenceId_.edit": { params: itemParams, loader: prosecutorPage, action: caseWrite, writes: editWrites },
  // An empty form without JavaScript: redirected back to the item with the message (no file chosen).
  "routes/_staff.cases.$caseId.evidence_.$evidenceId_.files": { params: itemParams, action: only({ prosecutor: "redirect" }), writes: uploadWrites },
};
