import type { Expectations, Outcome, ParamContext, ParamSets, Who, WriteRow } from "#tests/authz/types";
import { only } from "#tests/authz/types";
import { newHearing, newPanelist, phone, procuratorates } from "#tests/authz/write-fixtures";

// Authorization matrix entries of the panel portal (panel:use), the agency portal (agency:use)
// and the public pages (no sign-in). Out of scope: a hearing the demo panelist does not sit on,
// a recommendation served on another agency, a hearing that is not public and announced.

const everyone = (outcome: Outcome): Record<Who, Outcome> => ({
  anonymous: outcome,
  prosecutor: outcome,
  approver: outcome,
  admin: outcome,
  panelist: outcome,
  agency: outcome,
});

async function demoUser({ db, userId }: ParamContext) {
  if (!userId) return null;
  return db.user.findUnique({
    where: { id: userId },
    select: { panelistId: true, agencyId: true, procuratorateId: true },
  });
}

/** In scope: a hearing the demo panelist sits on; out of scope: one of 桂 without them. */
async function panelHearingParams(ctx: ParamContext): Promise<ParamSets> {
  const user = await demoUser(ctx);
  const panelistId = user?.panelistId ?? null;
  if (!panelistId) {
    // Other roles are refused before any lookup; any hearing of 桂 will do.
    const any = await ctx.db.hearing.findFirst({ where: { procuratorate: { shortName: "桂" } }, select: { id: true } });
    if (!any) throw new Error("the demo seed has no hearing of 桂");
    return { inScope: { hearingId: any.id } };
  }
  const [mine, notMine] = await Promise.all([
    ctx.db.hearing.findFirst({ where: { panelists: { some: { panelistId } } }, select: { id: true } }),
    ctx.db.hearing.findFirst({
      where: { procuratorate: { shortName: "桂" }, panelists: { none: { panelistId } } },
      select: { id: true },
    }),
  ]);
  if (!mine) throw new Error("the demo panelist sits on no hearing in the seed");
  return { inScope: { hearingId: mine.id }, ...(notMine ? { outOfScope: { hearingId: notMine.id } } : {}) };
}

/** In scope: a recommendation served on the demo agency; out of scope: one served only on another agency. */
async function recommendationParams(ctx: ParamContext): Promise<ParamSets> {
  const user = await demoUser(ctx);
  const agencyId = user?.agencyId ?? null;
  if (!agencyId) {
    const any = await ctx.db.recommendation.findFirst({
      where: { services: { some: {} }, case: { procuratorate: { shortName: "桂" } } },
      select: { id: true },
    });
    if (!any) throw new Error("the demo seed has no served recommendation of 桂");
    return { inScope: { recommendationId: any.id } };
  }
  const [mine, other] = await Promise.all([
    ctx.db.recommendation.findFirst({ where: { services: { some: { agencyId } } }, select: { id: true } }),
    ctx.db.recommendation.findFirst({
      where: {
        case: { procuratorate: { shortName: "桂" } },
        services: { some: { agencyId: { not: agencyId } }, none: { agencyId } },
      },
      select: { id: true },
    }),
  ]);
  if (!mine) throw new Error("no recommendation is served on the demo agency in the seed");
  return { inScope: { recommendationId: mine.id }, ...(other ? { outOfScope: { recommendationId: other.id } } : {}) };
}

/**
 * In scope: an announced public hearing whose sign-up is still open (the empty form then fails
 * validation, 400). Out of scope: a hearing that is not public or not announced (the demo seed
 * has a closed hearing in preparation; unannounced public hearings are covered in
 * tests/integration/portal-models.test.ts).
 */
async function publicHearingParams(ctx: ParamContext): Promise<ParamSets> {
  const [open, hidden] = await Promise.all([
    ctx.db.hearing.findFirst({
      where: { isPublic: true, announcedAt: { not: null }, status: { notIn: ["concluded", "cancelled"] } },
      orderBy: { startsAt: "asc" },
      select: { id: true },
    }),
    ctx.db.hearing.findFirst({
      where: { OR: [{ isPublic: false }, { announcedAt: null }] },
      select: { id: true },
    }),
  ]);
  if (!open) throw new Error("the demo seed has no announced public hearing");
  if (!hidden) throw new Error("the demo seed has no closed or unannounced hearing");
  return { inScope: { hearingId: open.id }, outOfScope: { hearingId: hidden.id } };
}

/**
 * The demo panelist signs the declaration of a seat on a fresh hearing of 桂 (in scope) and tries
 * to sign on a fresh hearing of 桂 they do not sit on (another panelist's seat there stays unsigned).
 */
const declarationWrites: WriteRow[] = [
  {
    name: "sign the no-conflict declaration",
    as: "panelist",
    inScopeExpected: 200,
    targets: async (ctx) => {
      const user = await demoUser(ctx);
      if (!user?.panelistId) throw new Error("the demo panelist has no pool entry");
      const me = await ctx.db.panelist.findUniqueOrThrow({ where: { id: user.panelistId }, select: { id: true, name: true } });
      const p = await procuratorates(ctx.db);
      const seatOn = async (panelistId: string) => {
        const hearing = await newHearing(ctx.db, p.inScope);
        await ctx.db.hearingPanelist.create({ data: { hearingId: hearing.id, panelistId } });
        return {
          params: { hearingId: hearing.id },
          form: { intent: "declare", confirm: "on", signedName: me.name },
          state: () =>
            ctx.db.hearingPanelist.findMany({ where: { hearingId: hearing.id }, select: { declaredAt: true, declaration: true } }),
        };
      };
      const other = await newPanelist(ctx.db, p.inScope);
      return { outOfScope: await seatOn(other.id), inScope: await seatOn(me.id) };
    },
  },
];

export const expectations: Expectations = {
  "routes/panel._index": { loader: only({ panelist: 200 }) },
  // The declaration and opinions (panel:use): an empty form is invalid input.
  "routes/panel.hearings.$hearingId": {
    params: panelHearingParams,
    loader: only({ panelist: 200 }),
    action: only({ panelist: 400 }),
    writes: declarationWrites,
  },
  "routes/agency._index": { loader: only({ agency: 200 }) },
  // The lists read only the liaison's own agency; they take no record id (out of scope is covered
  // in tests/integration/agency-portal-paging.test.ts).
  "routes/agency.documents": { loader: only({ agency: 200 }) },
  "routes/agency.hearings": { loader: only({ agency: 200 }) },
  "routes/agency.recommendations.$recommendationId": { params: recommendationParams, loader: only({ agency: 200 }) },
  "routes/public._index": { loader: everyone(200) },
  "routes/public.hearings.$hearingId": {
    params: publicHearingParams,
    loader: everyone(200),
    // An empty form is invalid input for everyone; nothing is written.
    action: everyone(400),
    writes: [
      {
        name: "ask to observe a hearing that is not public or not announced",
        as: "anonymous",
        inScopeExpected: 200,
        targets: async (ctx) => {
          const { inScope, outOfScope } = await publicHearingParams(ctx);
          const target = (hearingId: string) => ({
            params: { hearingId },
            form: { name: "矩阵测试旁听人", phone: phone() },
            state: () => ctx.db.hearingObserverRequest.findMany({ where: { hearingId }, select: { id: true } }),
          });
          return { outOfScope: target(outOfScope!.hearingId!), inScope: target(inScope.hearingId!) };
        },
      },
    ],
  },
};
