import type { Expectations, ParamContext, WriteRow } from "#tests/authz/types";
import { only } from "#tests/authz/types";
import { disclosureWrites } from "#tests/authz/evidence-disclosure";
import { newCase, newHearing, newPanelist, phone, procuratorates } from "#tests/authz/write-fixtures";

// Authorization matrix entries of the staff hearing pages (hearing:read: prosecutors and approvers).
// In scope: a hearing of the demo procuratorate (桂); out of scope: one of 郴.

export async function hearingParams({ db }: ParamContext) {
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

/** Accept or decline a pending observer request of a fresh hearing of 桂 and of 郴. */
const observerWrites: WriteRow[] = (["accepted", "declined"] as const).map((decision) => ({
  name: `${decision === "accepted" ? "accept" : "decline"} an observer request`,
  as: "prosecutor",
  inScopeExpected: 200,
  targets: async ({ db }) => {
    const p = await procuratorates(db);
    const target = async (procuratorateId: string) => {
      const hearing = await newHearing(db, procuratorateId);
      const request = await db.hearingObserverRequest.create({
        data: { hearingId: hearing.id, name: "矩阵测试旁听人", phone: phone() },
        select: { id: true },
      });
      return {
        params: { hearingId: hearing.id },
        form: { requestId: request.id, decision, ...(decision === "declined" ? { reason: "矩阵测试：座位已满" } : {}) },
        state: () =>
          db.hearingObserverRequest.findUniqueOrThrow({
            where: { id: request.id },
            select: { status: true, decidedById: true, decidedAt: true, decisionReason: true },
          }),
      };
    };
    return { outOfScope: await target(p.outOfScope), inScope: await target(p.inScope) };
  },
}));

/** Seat a fresh pool entry on a fresh planned hearing of 桂 and of 郴 (issue 9). */
const seatWrites: WriteRow[] = [
  {
    name: "seat a panelist",
    as: "prosecutor",
    inScopeExpected: 200,
    targets: async ({ db }) => {
      const p = await procuratorates(db);
      const target = async (procuratorateId: string) => {
        const hearing = await newHearing(db, procuratorateId);
        const panelist = await newPanelist(db, procuratorateId);
        return {
          params: { hearingId: hearing.id },
          form: { intent: "seat", panelistId: panelist.id },
          state: () => db.hearingPanelist.count({ where: { hearingId: hearing.id } }),
        };
      };
      return { outOfScope: await target(p.outOfScope), inScope: await target(p.inScope) };
    },
  },
];

/** Record the decision on a case of a fresh hearing whose deliberation is closed, in 桂 and in 郴. */
const decisionWrites: WriteRow[] = [
  {
    name: "record a decision after the hearing",
    as: "prosecutor",
    inScopeExpected: 200,
    targets: async ({ db }) => {
      const p = await procuratorates(db);
      const target = async (procuratorateId: string) => {
        const hearing = await newHearing(db, procuratorateId);
        await db.hearing.update({ where: { id: hearing.id }, data: { status: "deliberating", deliberationClosedAt: new Date() } });
        const kase = await newCase(db, procuratorateId, "investigation");
        await db.hearingCase.create({ data: { hearingId: hearing.id, caseId: kase.id, ordinal: 1 } });
        return {
          params: { hearingId: hearing.id },
          form: { intent: "decide", caseId: kase.id, stance: "agree", note: "矩阵测试：采纳听证意见" },
          state: () =>
            db.hearingCase.findUniqueOrThrow({
              where: { hearingId_caseId: { hearingId: hearing.id, caseId: kase.id } },
              select: { decisionStance: true, decisionNote: true, decidedAt: true },
            }),
        };
      };
      return { outOfScope: await target(p.outOfScope), inScope: await target(p.inScope) };
    },
  },
];

export const expectations: Expectations = {
  "routes/_staff.hearings._index": { loader: only({ prosecutor: 200, approver: 200 }) },
  // The page is a layout (header and tabs) with one nested route per tab; each checks on its own.
  "routes/_staff.hearings.$hearingId": {
    params: hearingParams,
    loader: only({ prosecutor: 200, approver: 200 }),
  },
  "routes/_staff.hearings.$hearingId._index": { params: hearingParams, loader: only({ prosecutor: 200, approver: 200 }) },
  // Seating and recusal are hearing:manage (prosecutors): an empty form is invalid input.
  "routes/_staff.hearings.$hearingId.panel": {
    params: hearingParams,
    loader: only({ prosecutor: 200, approver: 200 }),
    action: only({ prosecutor: 400 }),
    writes: seatWrites,
  },
  // Disclosure to the panel is hearing:manage (prosecutors): an empty form is invalid input;
  // approvers read the tab but may not change it (write rows in evidence-disclosure.ts).
  "routes/_staff.hearings.$hearingId.evidence": {
    params: hearingParams,
    loader: only({ prosecutor: 200, approver: 200 }),
    action: only({ prosecutor: 400 }),
    writes: disclosureWrites,
  },
  // Recording the decision (and asking for a departure) is hearing:manage: an empty form is invalid input.
  "routes/_staff.hearings.$hearingId.opinions": {
    params: hearingParams,
    loader: only({ prosecutor: 200, approver: 200 }),
    action: only({ prosecutor: 400 }),
    writes: decisionWrites,
  },
  // Accepting or declining an observer request is hearing:manage (prosecutors): an empty form from
  // a prosecutor is invalid input; approvers read the tab but may not decide.
  "routes/_staff.hearings.$hearingId.observers": {
    params: hearingParams,
    loader: only({ prosecutor: 200, approver: 200 }),
    action: only({ prosecutor: 400 }),
    writes: observerWrites,
  },
};
