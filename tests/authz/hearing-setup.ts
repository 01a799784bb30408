import type { Expectations, ParamContext, WriteRow } from "#tests/authz/types";
import { only } from "#tests/authz/types";
import { hearingParams } from "#tests/authz/hearings";
import { newCase, newHearing, procuratorates, someUser, tag } from "#tests/authz/write-fixtures";
import { toShanghaiLocal } from "~/domain/hearing/setup-schemas";

// Authorization matrix entries of a hearing's setup (issue 9): /hearings/new, /hearings/:id/edit,
// the participants tab's writes and the notices tab. Reading is hearing:read (prosecutors and
// approvers); every write is hearing:manage (prosecutors). In scope: 桂; out of scope: 郴.

/** A fresh hearing of the procuratorate over one fresh case of it. */
async function hearingWithCase(ctx: ParamContext, procuratorateId: string) {
  const { db } = ctx;
  const kase = await newCase(db, procuratorateId, "investigation");
  const hearing = await newHearing(db, procuratorateId);
  await db.hearingCase.create({ data: { hearingId: hearing.id, caseId: kase.id, ordinal: 1 } });
  return { hearingId: hearing.id, caseId: kase.id, hostId: await someUser(db, procuratorateId) };
}

const hearingForm = (caseId: string, hostId: string, title: string) => ({
  title,
  venue: "矩阵测试听证室",
  startsAt: toShanghaiLocal(new Date(Date.now() + 20 * 86_400_000)),
  hostId,
  form: "public",
  "cases[0].caseId": caseId,
  "cases[0].proposedHandling": "recommend",
});

const createWrites: WriteRow[] = [
  {
    name: "create a hearing over a case",
    as: "prosecutor",
    targets: async (ctx) => {
      const p = await procuratorates(ctx.db);
      const target = async (procuratorateId: string) => {
        const kase = await newCase(ctx.db, procuratorateId, "investigation");
        return {
          form: hearingForm(kase.id, ctx.userId!, `矩阵测试新听证 ${tag()}`),
          state: () => ctx.db.hearingCase.count({ where: { caseId: kase.id } }),
        };
      };
      return { inScope: await target(p.inScope), outOfScope: await target(p.outOfScope) };
    },
  },
];

const editWrites: WriteRow[] = [
  {
    name: "edit a hearing",
    as: "prosecutor",
    targets: async (ctx) => {
      const p = await procuratorates(ctx.db);
      const target = async (procuratorateId: string) => {
        const h = await hearingWithCase(ctx, procuratorateId);
        return {
          params: { hearingId: h.hearingId },
          form: hearingForm(h.caseId, h.hostId, `矩阵测试改名 ${tag()}`),
          state: () => ctx.db.hearing.findUniqueOrThrow({ where: { id: h.hearingId }, select: { title: true, startsAt: true } }),
        };
      };
      return { inScope: await target(p.inScope), outOfScope: await target(p.outOfScope) };
    },
  },
  {
    name: "cancel a hearing",
    as: "prosecutor",
    targets: async (ctx) => {
      const p = await procuratorates(ctx.db);
      const target = async (procuratorateId: string) => {
        const h = await newHearing(ctx.db, procuratorateId);
        return {
          params: { hearingId: h.id },
          form: { intent: "cancel", reason: "矩阵测试：取消" },
          state: () => ctx.db.hearing.findUniqueOrThrow({ where: { id: h.id }, select: { status: true, cancelledReason: true } }),
        };
      };
      return { inScope: await target(p.inScope), outOfScope: await target(p.outOfScope) };
    },
  },
];

const participantWrites: WriteRow[] = [
  {
    name: "add a participant",
    as: "prosecutor",
    inScopeExpected: 200,
    targets: async (ctx) => {
      const p = await procuratorates(ctx.db);
      const target = async (procuratorateId: string) => {
        const h = await newHearing(ctx.db, procuratorateId);
        return {
          params: { hearingId: h.id },
          form: { intent: "add", kind: "other", organisation: "矩阵测试指挥部", name: "矩阵测试参加人" },
          state: () => ctx.db.hearingParticipant.count({ where: { hearingId: h.id } }),
        };
      };
      return { inScope: await target(p.inScope), outOfScope: await target(p.outOfScope) };
    },
  },
  {
    name: "remove a participant",
    as: "prosecutor",
    inScopeExpected: 200,
    targets: async (ctx) => {
      const p = await procuratorates(ctx.db);
      const target = async (procuratorateId: string) => {
        const h = await newHearing(ctx.db, procuratorateId);
        const row = await ctx.db.hearingParticipant.create({
          data: { hearingId: h.id, kind: "other", organisation: "矩阵测试单位", name: "矩阵测试参加人" },
          select: { id: true },
        });
        return {
          params: { hearingId: h.id },
          form: { intent: "remove", participantId: row.id },
          state: () => ctx.db.hearingParticipant.count({ where: { id: row.id } }),
        };
      };
      return { inScope: await target(p.inScope), outOfScope: await target(p.outOfScope) };
    },
  },
];

const noticeWrites: WriteRow[] = [
  {
    name: "record a notice",
    as: "prosecutor",
    inScopeExpected: 200,
    targets: async (ctx) => {
      const p = await procuratorates(ctx.db);
      const target = async (procuratorateId: string) => {
        const h = await newHearing(ctx.db, procuratorateId);
        const row = await ctx.db.hearingParticipant.create({
          data: { hearingId: h.id, kind: "other", organisation: "矩阵测试单位", name: "矩阵测试参加人" },
          select: { id: true },
        });
        return {
          params: { hearingId: h.id },
          form: {
            intent: "notice",
            target: `participant:${row.id}`,
            notifiedAt: toShanghaiLocal(new Date(Date.now() - 3_600_000)),
            method: "phone",
          },
          state: () => ctx.db.hearingParticipant.findUniqueOrThrow({ where: { id: row.id }, select: { notifiedAt: true, noticeMethod: true } }),
        };
      };
      return { inScope: await target(p.inScope), outOfScope: await target(p.outOfScope) };
    },
  },
  {
    name: "ask for the hearing approval",
    as: "prosecutor",
    inScopeExpected: 200,
    targets: async (ctx) => {
      const p = await procuratorates(ctx.db);
      const target = async (procuratorateId: string) => {
        const h = await newHearing(ctx.db, procuratorateId);
        return {
          params: { hearingId: h.id },
          form: { intent: "requestHearing", reason: "矩阵测试" },
          state: () => ctx.db.approval.count({ where: { hearingId: h.id } }),
        };
      };
      return { inScope: await target(p.inScope), outOfScope: await target(p.outOfScope) };
    },
  },
];

export const expectations: Expectations = {
  // Setting up is hearing:manage: prosecutors; an empty form is invalid input.
  "routes/_staff.hearings.new": {
    loader: only({ prosecutor: 200 }),
    action: only({ prosecutor: 400 }),
    writes: createWrites,
  },
  "routes/_staff.hearings.$hearingId_.edit": {
    params: hearingParams,
    loader: only({ prosecutor: 200 }),
    action: only({ prosecutor: 400 }),
    writes: editWrites,
  },
  // Approvers read the participants and notices but change nothing.
  "routes/_staff.hearings.$hearingId.participants": {
    params: hearingParams,
    loader: only({ prosecutor: 200, approver: 200 }),
    action: only({ prosecutor: 400 }),
    writes: participantWrites,
  },
  "routes/_staff.hearings.$hearingId.notices": {
    params: hearingParams,
    loader: only({ prosecutor: 200, approver: 200 }),
    action: only({ prosecutor: 400 }),
    writes: noticeWrites,
  },
};
