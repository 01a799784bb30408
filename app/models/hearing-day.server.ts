import type { DayHearing, DayRefusal, HearingDayInput } from "~/domain/hearing/day";
import {
  advanceRefusal,
  attendanceRefusal,
  closeDeliberationRefusal,
  concludeRefusal,
  currentStage,
  minutesRefusal,
  openRefusal,
  parsePresent,
  refusalStatus,
  statusMoveFor,
} from "~/domain/hearing/day";
import { missingNotices } from "~/domain/hearing/notices";
import { HEARING_STAGES } from "~/domain/hearing/states";
import type { HearingStage } from "~/domain/hearing/states";
import { recordAudit } from "~/models/audit.server";
import { refuseSeatedConflicts } from "~/models/hearing-panel.server";
import { moveHearing } from "~/models/hearing-state.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

// The hearing day (听证规定 Arts 14–15): the host runs the order of business, the clerk records
// minutes per stage and attendance (rules and who may act: app/domain/hearing/day.ts). Every
// write is scoped to the procuratorate (another's hearing → 404), checks the rule on the row read
// in its transaction, writes compare-and-set on what it read (a concurrent change → 409) and
// records its audit event.

/** The hearing-day tab: the hearing's stage and status, the stage records, panel and participants. */
export async function getHearingDay(procuratorateId: string, hearingId: string) {
  const hearing = await prisma.hearing.findFirst({
    where: { id: hearingId, procuratorateId },
    select: {
      id: true,
      status: true,
      stage: true,
      hostId: true,
      clerkId: true,
      deliberationClosedAt: true,
      deliberationSummary: true,
      hostSummary: true,
      concludedAt: true,
      host: { select: { displayName: true } },
      clerk: { select: { displayName: true } },
      deliberationClosedBy: { select: { displayName: true } },
      stages: {
        select: {
          stage: true,
          startedAt: true,
          endedAt: true,
          minutes: true,
          updatedAt: true,
          recordedBy: { select: { displayName: true } },
        },
      },
      panelists: {
        orderBy: [{ invitedAt: "asc" }, { panelistId: "asc" }],
        select: { panelistId: true, recused: true, attended: true, panelist: { select: { name: true, category: true } } },
      },
      participants: {
        where: { kind: { not: "observer" } },
        orderBy: [{ organisation: "asc" }, { name: "asc" }],
        select: { id: true, kind: true, organisation: true, name: true, post: true, attended: true },
      },
    },
  });
  if (!hearing) notFound();
  const byStage = new Map(hearing.stages.map((s) => [s.stage, s]));
  const stages = HEARING_STAGES.map((stage) => ({ stage, record: byStage.get(stage) ?? null }));
  const missing = hearing.status === "notified" ? await missingNoticesOf(prisma, hearing.id) : [];
  return { ...hearing, stage: currentStage(hearing), stages, missing };
}

type Actor = { procuratorateId: string; userId: string };

async function readForUpdate(tx: Tx, actor: Actor, hearingId: string): Promise<DayHearing & { id: string }> {
  const hearing = await tx.hearing.findFirst({
    where: { id: hearingId, procuratorateId: actor.procuratorateId },
    select: { id: true, status: true, stage: true, deliberationClosedAt: true, hostId: true, clerkId: true },
  });
  if (!hearing) notFound();
  return hearing;
}

/** Who of the hearing's seated panelists and participants has no notice yet (听证规定 Art 10). */
async function missingNoticesOf(db: Tx, hearingId: string): Promise<string[]> {
  const [panelists, participants] = await Promise.all([
    db.hearingPanelist.findMany({ where: { hearingId }, select: { recused: true, notifiedAt: true, panelist: { select: { name: true } } } }),
    db.hearingParticipant.findMany({ where: { hearingId }, select: { name: true, notifiedAt: true } }),
  ]);
  return missingNotices(
    panelists.map((p) => ({ recused: p.recused, notifiedAt: p.notifiedAt, name: p.panelist.name })),
    participants,
  );
}

function refuse(refusal: DayRefusal | null): void {
  if (refusal) throw new DomainError(`hearingDay.refusal.${refusal}`, refusalStatus(refusal));
}

/** Sets the hearing's stage from `from` to `to`, compare-and-set on both (a concurrent move → 409). */
async function setStage(tx: Tx, hearingId: string, from: { status: string; stage: string | null }, to: HearingStage) {
  const updated = await tx.hearing.updateMany({
    where: { id: hearingId, status: from.status, stage: from.stage },
    data: { stage: to },
  });
  if (updated.count !== 1) throw new DomainError("hearings.error.moved", 409);
}

/** Ends the record of the stage being left and starts the record of the stage entered. */
async function startStage(tx: Tx, hearingId: string, leaving: HearingStage | null, entering: HearingStage, actorId: string, at: Date) {
  if (leaving) {
    await tx.hearingStageRecord.updateMany({ where: { hearingId, stage: leaving, endedAt: null }, data: { endedAt: at } });
  }
  await tx.hearingStageRecord.create({ data: { hearingId, stage: entering, startedAt: at, recordedById: actorId } });
}

/** Runs one hearing-day form (`intent`) for the actor; throws 404 out of scope, 403/409 on a refusal. */
export async function runHearingDay(actor: Actor, hearingId: string, input: HearingDayInput, at: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const h = await readForUpdate(tx, actor, hearingId);
    const audit = (action: string, data: Record<string, unknown>) =>
      recordAudit(tx, {
        procuratorateId: actor.procuratorateId,
        actorId: actor.userId,
        action,
        entityType: "Hearing",
        entityId: h.id,
        data,
        at,
      });
    switch (input.intent) {
      case "open": {
        // 听证规定 Art 14: the host opens the session at the first stage (attendance and discipline).
        refuse(openRefusal(h, actor.userId, await missingNoticesOf(tx, h.id)));
        await refuseSeatedConflicts(tx, actor.procuratorateId, h.id);
        await moveHearing(tx, { ...ids(actor, h.id), to: "in_progress", stage: "attendance", at });
        await startStage(tx, h.id, null, "attendance", actor.userId, at);
        return { intent: input.intent, stage: "attendance" as const };
      }
      case "advance": {
        // 听证规定 Art 15: the order of business, strictly in order.
        refuse(advanceRefusal(h, actor.userId, input.from, input.to));
        const move = statusMoveFor(input.from, input.to);
        if (move) await moveHearing(tx, { ...ids(actor, h.id), to: move, stage: input.to, at });
        else await setStage(tx, h.id, h, input.to);
        await startStage(tx, h.id, input.from, input.to, actor.userId, at);
        await audit("hearing.stage", { from: input.from, to: input.to });
        return { intent: input.intent, stage: input.to };
      }
      case "minutes": {
        refuse(minutesRefusal(h, actor.userId, input.stage));
        const before = await tx.hearingStageRecord.findUnique({
          where: { hearingId_stage: { hearingId: h.id, stage: input.stage } },
          select: { minutes: true, updatedAt: true },
        });
        if (!before) throw new DomainError("hearingDay.refusal.stageNotStarted", 409);
        // Compare-and-set on the record read above: a concurrent save → 409, not a lost update.
        const updated = await tx.hearingStageRecord.updateMany({
          where: { hearingId: h.id, stage: input.stage, updatedAt: before.updatedAt },
          data: { minutes: input.minutes, recordedById: actor.userId },
        });
        if (updated.count !== 1) throw new DomainError("hearings.error.moved", 409);
        await audit("hearing.minutes", { stage: input.stage, before: { minutes: before.minutes }, after: { minutes: input.minutes } });
        return { intent: input.intent, stage: input.stage };
      }
      case "attendance": {
        refuse(attendanceRefusal(h, actor.userId));
        const present = parsePresent(input.present);
        const [seats, participants] = await Promise.all([
          tx.hearingPanelist.findMany({ where: { hearingId: h.id, recused: false }, select: { panelistId: true, attended: true } }),
          tx.hearingParticipant.findMany({
            where: { hearingId: h.id, kind: { not: "observer" } },
            select: { id: true, attended: true },
          }),
        ]);
        const changes: { kind: string; id: string; before: boolean | null; after: boolean }[] = [];
        for (const s of seats) {
          const after = present.panelists.has(s.panelistId);
          if (s.attended === after) continue;
          await tx.hearingPanelist.update({ where: { hearingId_panelistId: { hearingId: h.id, panelistId: s.panelistId } }, data: { attended: after } });
          changes.push({ kind: "panelist", id: s.panelistId, before: s.attended, after });
        }
        for (const p of participants) {
          const after = present.participants.has(p.id);
          if (p.attended === after) continue;
          await tx.hearingParticipant.update({ where: { id: p.id }, data: { attended: after } });
          changes.push({ kind: "participant", id: p.id, before: p.attended, after });
        }
        if (changes.length) await audit("hearing.attendance", { changes });
        return { intent: input.intent, changed: changes.length };
      }
      case "closeDeliberation": {
        refuse(closeDeliberationRefusal(h, actor.userId));
        // From now opinions are final (the DB trigger refuses any change) and unsealed (opinionsUnsealed).
        const updated = await tx.hearing.updateMany({
          where: { id: h.id, status: "deliberating", stage: "opinions", deliberationClosedAt: null },
          data: { deliberationClosedAt: at, deliberationClosedById: actor.userId },
        });
        if (updated.count !== 1) throw new DomainError("hearings.error.moved", 409);
        await audit("hearing.deliberation_closed", { stage: "opinions", closedAt: at.toISOString() });
        return { intent: input.intent };
      }
      case "conclude": {
        // 听证规定 Art 15(7): the host sums up; the record keeps the deliberation result and the summary.
        refuse(concludeRefusal(h, actor.userId));
        const before = await tx.hearing.findUniqueOrThrow({
          where: { id: h.id },
          select: { deliberationSummary: true, hostSummary: true },
        });
        await tx.hearing.update({
          where: { id: h.id },
          data: { deliberationSummary: input.deliberationSummary, hostSummary: input.hostSummary },
        });
        await tx.hearingStageRecord.updateMany({ where: { hearingId: h.id, stage: "summary", endedAt: null }, data: { endedAt: at } });
        await moveHearing(tx, { ...ids(actor, h.id), to: "concluded", at });
        await audit("hearing.summaries", {
          before,
          after: { deliberationSummary: input.deliberationSummary, hostSummary: input.hostSummary },
        });
        return { intent: input.intent };
      }
    }
  });
}

function ids(actor: Actor, hearingId: string) {
  return { procuratorateId: actor.procuratorateId, hearingId, actorId: actor.userId };
}
