import type { Expectations, ParamContext, ParamSets, WriteRow } from "#tests/authz/types";
import { only } from "#tests/authz/types";
import { newCase, newHearing, newPanelist, procuratorates, someUser } from "#tests/authz/write-fixtures";

// Authorization matrix entries of the evidence files: GET /evidence/files/:fileId (staff who read
// cases, seated panelists of a hearing the item is disclosed to; everyone else 404, never 403) and
// an item's verify action (evidence:verify, prosecutors).

/**
 * A stored file each role may read: for staff any file of 桂 (out of scope: one of 郴); for the demo
 * panelist a file of an item disclosed to a hearing they sit on (out of scope: a file of 桂 disclosed
 * only to hearings they do not sit on, i.e. a panelist of another hearing). The liaison and the
 * admin get 404 for the staff file.
 */
async function fileParams({ db, who, userId }: ParamContext): Promise<ParamSets> {
  const user = userId ? await db.user.findUnique({ where: { id: userId }, select: { panelistId: true } }) : null;
  const panelistId = who === "panelist" ? (user?.panelistId ?? null) : null;
  if (panelistId) {
    // A seat whose declaration is signed: the briefing and its files open only then (issue 9).
    const seated = { panelistId, recused: false, declaredAt: { not: null } };
    const [mine, notMine] = await Promise.all([
      db.evidenceFile.findFirst({
        where: { evidence: { containsPersonal: false, disclosures: { some: { hearing: { panelists: { some: seated } } } } } },
        select: { id: true },
      }),
      db.evidenceFile.findFirst({
        where: {
          evidence: {
            case: { procuratorate: { shortName: "桂" } },
            containsPersonal: false,
            disclosures: { none: { hearing: { panelists: { some: { panelistId } } } } },
          },
        },
        select: { id: true, evidenceId: true },
      }),
    ]);
    if (!mine) throw new Error("the demo seed discloses no file to the demo panelist's hearings");
    if (!notMine) throw new Error("the demo seed has no file of 桂 outside the demo panelist's hearings");
    // Disclosed to a hearing of 桂 with another panelist: the demo panelist sits on another hearing.
    const p = await procuratorates(db);
    const hearing = await newHearing(db, p.inScope);
    const panelist = await newPanelist(db, p.inScope);
    await db.hearingPanelist.create({ data: { hearingId: hearing.id, panelistId: panelist.id } });
    await db.hearingEvidence.create({
      data: { hearingId: hearing.id, evidenceId: notMine.evidenceId, disclosedById: await someUser(db, p.inScope) },
    });
    const other = notMine;
    return { inScope: { fileId: mine.id }, outOfScope: { fileId: other.id } };
  }
  const find = (shortName: string) =>
    db.evidenceFile.findFirst({ where: { evidence: { case: { procuratorate: { shortName } } } }, select: { id: true } });
  const [mine, theirs] = await Promise.all([find("桂"), find("郴")]);
  if (!mine || !theirs) throw new Error("the demo seed has no evidence file of 桂 or of 郴");
  return { inScope: { fileId: mine.id }, outOfScope: { fileId: theirs.id } };
}

/** An evidence item of 桂 that has files (the verify action re-hashes them). */
async function itemParams({ db }: ParamContext): Promise<ParamSets> {
  const item = await db.evidence.findFirst({
    where: { case: { procuratorate: { shortName: "桂" } }, files: { some: {} } },
    select: { id: true, caseId: true },
  });
  if (!item) throw new Error("the demo seed has no evidence item of 桂 with files");
  return { inScope: { caseId: item.caseId, evidenceId: item.id } };
}

const verifyWrites: WriteRow[] = [
  {
    name: "verify an evidence item's files",
    as: "prosecutor",
    inScopeExpected: 200,
    targets: async ({ db, userId }) => {
      const p = await procuratorates(db);
      const target = async (procuratorateId: string) => {
        const kase = await newCase(db, procuratorateId, "investigating", {
          evidence: true,
          ...(procuratorateId === p.inScope && userId ? { leadId: userId } : {}),
        });
        const item = await db.evidence.findFirstOrThrow({ where: { caseId: kase.id }, select: { id: true } });
        return {
          params: { caseId: kase.id, evidenceId: item.id },
          form: {},
          state: () => db.auditEvent.count({ where: { action: "evidence.verify", entityId: item.id } }),
        };
      };
      return { outOfScope: await target(p.outOfScope), inScope: await target(p.inScope) };
    },
  },
];

export const expectations: Expectations = {
  "routes/evidence.files.$fileId": {
    params: fileParams,
    loader: { anonymous: "login", prosecutor: 200, approver: 200, admin: 404, panelist: 200, agency: 404 },
  },
  "routes/_staff.cases.$caseId.evidence_.$evidenceId_.verify": {
    params: itemParams,
    action: only({ prosecutor: 200 }),
    writes: verifyWrites,
  },
};
