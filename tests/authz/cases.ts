import type { Expectations, ParamContext, ParamSets, WriteRow, WriteTarget } from "#tests/authz/types";
import { only } from "#tests/authz/types";
import { caseVersion, newCase, procuratorates } from "#tests/authz/write-fixtures";

// Authorization matrix entries of the case screens of the staff area: /cases, /series and their
// detail pages (case:read, series:read: prosecutors and approvers of the actor's procuratorate;
// the clue screens are in clues.ts). The case page's tabs write (rows below). A record of 郴州 (shortName 郴)
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

// ───────── writes out of scope (WriteRow in tests/authz/types.ts) ─────────
// Each row makes a fresh case in 桂 (the demo prosecutor leads it) and one in 郴, in the state
// the write needs; the form carries the case's current version (the stale check).

type CaseCtx = ParamContext & { procuratorateId: string; scope: "in" | "out" };

function caseRow(name: string, make: (ctx: CaseCtx) => Promise<WriteTarget>, inScopeExpected?: WriteRow["inScopeExpected"]): WriteRow {
  return {
    name,
    as: "prosecutor",
    ...(inScopeExpected ? { inScopeExpected } : {}),
    targets: async (ctx) => {
      const p = await procuratorates(ctx.db);
      return {
        outOfScope: await make({ ...ctx, procuratorateId: p.outOfScope, scope: "out" }),
        inScope: await make({ ...ctx, procuratorateId: p.inScope, scope: "in" }),
      };
    },
  };
}

/** The case's state, version, transitions and approval requests: what a next step changes. */
const caseState = (db: ParamContext["db"], caseId: string) =>
  db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { state: true, version: true, transitions: { select: { id: true } }, approvals: { select: { id: true, kind: true } } },
  });

const leadOf = (ctx: CaseCtx) => (ctx.scope === "in" ? { leadId: ctx.userId! } : {});

const nextStepWrites: WriteRow[] = [
  caseRow("move a case (recommending → investigating)", async (ctx) => {
    const kase = await newCase(ctx.db, ctx.procuratorateId, "recommending", leadOf(ctx));
    return {
      params: { caseId: kase.id },
      form: { intent: "step", to: "investigating", reason: "矩阵测试：补充调查", version: await caseVersion(ctx.db, kase.id) },
      state: () => caseState(ctx.db, kase.id),
    };
  }),
  caseRow("request a closure approval", async (ctx) => {
    const kase = await newCase(ctx.db, ctx.procuratorateId, "investigating", leadOf(ctx));
    return {
      params: { caseId: kase.id },
      form: { intent: "step", to: "closed", reason: "矩阵测试：已整改", ground: "fully_rectified", version: await caseVersion(ctx.db, kase.id) },
      state: () => caseState(ctx.db, kase.id),
    };
  }),
  caseRow("request a pre-suit review extension", async (ctx) => {
    const kase = await newCase(ctx.db, ctx.procuratorateId, "pre_suit_review", leadOf(ctx));
    return {
      params: { caseId: kase.id },
      form: { intent: "extension", reason: "矩阵测试：需要延长审查", version: await caseVersion(ctx.db, kase.id) },
      state: () => caseState(ctx.db, kase.id),
    };
  }),
];

const consultationWrites: WriteRow[] = [
  caseRow("record a consultation", async (ctx) => {
    const kase = await newCase(ctx.db, ctx.procuratorateId, "investigating", leadOf(ctx));
    return {
      params: { caseId: kase.id },
      form: {
        method: "fact_confirmation",
        heldOn: "2026-11-20",
        attendees: "矩阵测试参加人",
        facts: "矩阵测试事实",
        agencyPosition: "矩阵测试意见",
        version: await caseVersion(ctx.db, kase.id),
      },
      state: () => ctx.db.consultation.findMany({ where: { caseId: kase.id }, select: { id: true } }),
    };
  }),
];

const draftFields = { facts: "矩阵测试事实", reasons: "矩阵测试理由", legalBasis: "矩阵测试依据", replyPeriod: "two_months" };

/** A case (recommending, one evidence item) with a draft of two points. */
async function caseWithDraft(ctx: CaseCtx) {
  const kase = await newCase(ctx.db, ctx.procuratorateId, "recommending", { ...leadOf(ctx), evidence: true });
  const lead = await ctx.db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { leadProsecutorId: true } });
  const rec = await ctx.db.recommendation.create({
    data: {
      caseId: kase.id,
      procuratorateId: ctx.procuratorateId,
      ...draftFields,
      createdById: lead.leadProsecutorId,
      points: { create: [{ ordinal: 1, text: "矩阵测试第一点" }, { ordinal: 2, text: "矩阵测试第二点" }] },
    },
    select: { id: true, points: { select: { id: true }, orderBy: { ordinal: "asc" } } },
  });
  const state = () =>
    ctx.db.recommendation.findMany({
      where: { caseId: kase.id },
      select: {
        id: true,
        status: true,
        facts: true,
        reasons: true,
        legalBasis: true,
        replyPeriod: true,
        objectionDays: true,
        ccList: true,
        submittedAt: true,
        points: { select: { id: true, ordinal: true, text: true }, orderBy: { id: "asc" } },
        case: { select: { approvals: { select: { id: true } } } },
      },
    });
  return { caseId: kase.id, recommendationId: rec.id, pointIds: rec.points.map((p) => p.id), version: await caseVersion(ctx.db, kase.id), state };
}

const recommendationWrites: WriteRow[] = [
  caseRow("create a recommendation draft", async (ctx) => {
    const kase = await newCase(ctx.db, ctx.procuratorateId, "recommending", leadOf(ctx));
    return {
      params: { caseId: kase.id },
      form: { intent: "create", ...draftFields, version: await caseVersion(ctx.db, kase.id) },
      state: () => ctx.db.recommendation.findMany({ where: { caseId: kase.id }, select: { id: true } }),
    };
  }),
  caseRow("update a recommendation draft", async (ctx) => {
    const d = await caseWithDraft(ctx);
    return {
      params: { caseId: d.caseId },
      form: { intent: "update", recommendationId: d.recommendationId, ...draftFields, facts: "矩阵测试：改过的事实", version: d.version },
      state: d.state,
    };
  }),
  caseRow("add a point to a draft", async (ctx) => {
    const d = await caseWithDraft(ctx);
    return {
      params: { caseId: d.caseId },
      form: { intent: "addPoint", recommendationId: d.recommendationId, text: "矩阵测试第三点", version: d.version },
      state: d.state,
    };
  }),
  ...(["editPoint", "deletePoint", "moveUp"] as const).map((intent) =>
    caseRow(`${intent} of a draft`, async (ctx) => {
      const d = await caseWithDraft(ctx);
      const pointId = intent === "moveUp" ? d.pointIds[1]! : d.pointIds[0]!;
      return {
        params: { caseId: d.caseId },
        form: { intent, recommendationId: d.recommendationId, pointId, ...(intent === "editPoint" ? { text: "矩阵测试：改过的一点" } : {}), version: d.version },
        state: d.state,
      };
    }),
  ),
  caseRow("submit a draft for approval", async (ctx) => {
    const d = await caseWithDraft(ctx);
    return { params: { caseId: d.caseId }, form: { intent: "submit", recommendationId: d.recommendationId, version: d.version }, state: d.state };
  }),
  // The case is the actor's, the draft named in the form is another procuratorate's.
  {
    name: "update another procuratorate's draft through an own case",
    as: "prosecutor",
    targets: async (ctx) => {
      const p = await procuratorates(ctx.db);
      const mine = await caseWithDraft({ ...ctx, procuratorateId: p.inScope, scope: "in" });
      const theirs = await caseWithDraft({ ...ctx, procuratorateId: p.outOfScope, scope: "out" });
      const form = (recommendationId: string) => ({ intent: "update", recommendationId, ...draftFields, facts: "矩阵测试：改过的事实", version: mine.version });
      return {
        inScope: { params: { caseId: mine.caseId }, form: form(mine.recommendationId), state: mine.state },
        outOfScope: { params: { caseId: mine.caseId }, form: form(theirs.recommendationId), state: theirs.state },
      };
    },
  },
];

export const expectations: Expectations = {
  "routes/_staff.cases._index": { loader: staffRead },
  // Full-text search over the actor's procuratorate only (tests/integration/search.test.ts).
  "routes/_staff.search": { loader: staffRead },
  "routes/_staff.cases.$caseId": { params: caseParams, loader: staffRead },
  // The case page's tabs: each nested route checks case:read itself (a layout's check protects nothing).
  // Next steps, consultations and the recommendation draft: case:write (prosecutors); an empty form is 400.
  "routes/_staff.cases.$caseId._index": { params: caseParams, loader: staffRead, action: caseWrite, writes: nextStepWrites },
  "routes/_staff.cases.$caseId.evidence": { params: caseParams, loader: staffRead },
  "routes/_staff.cases.$caseId.consultations": { params: caseParams, loader: staffRead, action: caseWrite, writes: consultationWrites },
  "routes/_staff.cases.$caseId.hearings": { params: caseParams, loader: staffRead },
  "routes/_staff.cases.$caseId.recommendation": {
    params: caseParams,
    loader: staffRead,
    action: caseWrite,
    writes: recommendationWrites,
  },
  "routes/_staff.cases.$caseId.service": { params: caseParams, loader: staffRead },
  "routes/_staff.cases.$caseId.documents": { params: caseParams, loader: staffRead },
  "routes/_staff.cases.$caseId.log": { params: caseParams, loader: staffRead },
  "routes/_staff.series._index": { loader: staffRead },
  "routes/_staff.series.$seriesId": { params: seriesParams, loader: staffRead },
};
