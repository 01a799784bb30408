import type { Expectations, ParamContext, ParamSets, WriteRow, WriteTarget } from "#tests/authz/types";
import { only } from "#tests/authz/types";
import { newAgency, procuratorates, someUser, tag } from "#tests/authz/write-fixtures";

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

// ───────── writes out of scope (WriteRow in tests/authz/types.ts) ─────────

type Db = ParamContext["db"];

/** A fresh clue of the procuratorate in the given status (evaluating ones carry an evaluation). */
async function newClue(db: Db, procuratorateId: string, status: "registered" | "evaluating") {
  const registeredById = await someUser(db, procuratorateId);
  return db.clue.create({
    data: {
      procuratorateId,
      number: `矩阵-${tag()}`,
      source: "report",
      receivedOn: "2026-11-01",
      summary: "矩阵测试线索",
      field: "ecology",
      status,
      registeredById,
      ...(status === "evaluating" ? { assigneeId: registeredById, evaluation: "矩阵测试评估意见" } : {}),
    },
    select: { id: true },
  });
}

/** The clue and the cases proposed from it: what every clue action changes. */
const clueState = (db: Db, clueId: string) =>
  db.clue.findUniqueOrThrow({
    where: { id: clueId },
    select: {
      status: true,
      evaluation: true,
      assigneeId: true,
      transferredTo: true,
      transferredOn: true,
      cases: { select: { id: true, approvals: { select: { id: true } } } },
    },
  });

function clueRow(name: string, status: "registered" | "evaluating", form: (db: Db, procuratorateId: string) => Promise<Record<string, string>>): WriteRow {
  return {
    name,
    as: "prosecutor",
    targets: async ({ db }) => {
      const p = await procuratorates(db);
      const target = async (procuratorateId: string): Promise<WriteTarget> => {
        const clue = await newClue(db, procuratorateId, status);
        return { params: { clueId: clue.id }, form: await form(db, procuratorateId), state: () => clueState(db, clue.id) };
      };
      return { outOfScope: await target(p.outOfScope), inScope: await target(p.inScope) };
    },
  };
}

const proposal = { intent: "propose", kind: "filing", title: "矩阵测试立案", field: "ecology" };

/**
 * A proposal from an own clue naming a reference of another procuratorate: 400, no case created.
 * The control names the actor's own record.
 */
function proposalReferenceRow(what: "respondentAgencyId" | "seriesId"): WriteRow {
  const reference = async (db: Db, procuratorateId: string) =>
    what === "respondentAgencyId"
      ? (await newAgency(db, procuratorateId)).id
      : (await db.caseSeries.create({ data: { procuratorateId, name: `矩阵测试系列案 ${tag()}` }, select: { id: true } })).id;
  return {
    name: `propose a case naming another procuratorate's ${what === "respondentAgencyId" ? "agency" : "series"}`,
    as: "prosecutor",
    expected: 400,
    targets: async ({ db }) => {
      const p = await procuratorates(db);
      const target = async (referenceIn: string): Promise<WriteTarget> => {
        const clue = await newClue(db, p.inScope, "evaluating");
        const form: Record<string, string> =
          what === "respondentAgencyId"
            ? { ...proposal, respondentAgencyId: await reference(db, referenceIn) }
            : { ...proposal, respondentUnknown: "on", seriesId: await reference(db, referenceIn) };
        return { params: { clueId: clue.id }, form, state: () => clueState(db, clue.id) };
      };
      return { outOfScope: await target(p.outOfScope), inScope: await target(p.inScope) };
    },
  };
}

const clueWrites: WriteRow[] = [
  clueRow("start evaluating a clue", "registered", async () => ({ intent: "start" })),
  clueRow("save a clue's evaluation", "evaluating", async () => ({ intent: "evaluate", evaluation: "矩阵测试：修改后的评估意见" })),
  clueRow("transfer a clue", "evaluating", async () => ({ intent: "transfer", transferredTo: "矩阵测试移送机关", reason: "矩阵测试移送理由" })),
  clueRow("propose a case from a clue", "evaluating", async (db, procuratorateId) => ({
    ...proposal,
    respondentAgencyId: (await newAgency(db, procuratorateId)).id,
  })),
  proposalReferenceRow("respondentAgencyId"),
  proposalReferenceRow("seriesId"),
];

export const expectations: Expectations = {
  "routes/_staff.clues._index": { loader: staffRead },
  "routes/_staff.clues.new": {
    loader: only({ prosecutor: 200 }),
    action: prosecutorWrites,
    writes: {
      none: "registers a new clue in the actor's own procuratorate; the form (source, date, summary, field, place, informant) names no record by id",
    },
  },
  "routes/_staff.clues.$clueId": { params: clueParams, loader: staffRead, action: prosecutorWrites, writes: clueWrites },
};
