import type { AgencyScope } from "~/domain/auth/policy";
import type { Role, Scope } from "~/domain/auth/roles";
import { agencyReplyDeadline } from "~/domain/deadlines/agency-reply";
import type { IsoDate } from "~/domain/deadlines/dates";
import { dateInShanghai } from "~/domain/deadlines/dates";
import type { ReplyArrivedParams } from "~/domain/notifications/params";
import { replyArrivedParams, storeParams } from "~/domain/notifications/params";
import type { AnswerStatus, ReplyStatus } from "~/domain/recommendation/reply";
import type { ReplyForm } from "~/domain/recommendation/reply-schemas";
import { answerIssues, formatReceiptNumber, isLate, objectionLastDay } from "~/domain/recommendation/reply-schemas";
import type { RecommendationStatus } from "~/domain/recommendation/states";
import { recordAudit } from "~/models/audit.server";
import { calendarFor, refreshCaseDeadlines } from "~/models/deadline.server";
import { allocateSeq } from "~/models/numbering.server";
import { byteCount } from "~/utils/bytes";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { AppError, DomainError, notFound } from "~/utils/errors";

// The agency's written reply in the portal (整改回复, 两高解释 Art 21): one answer per point, saved
// as a draft any number of times, submitted once (a receipt number and time), then read-only.
// Every query is scoped to the liaison's agency and its procuratorate; a recommendation not served
// on that agency is not found. The read-only rule lives here, not only in the page.

/** The counter key of reply receipts (allocateSeq, one sequence per procuratorate and year). */
export const RECEIPT_COUNTER_KEY = "reply_receipt";

/** An objection sent after the period stated in the letter (建议规定 Art 23); carries the last day. */
export class ObjectionClosedError extends DomainError {
  constructor(public readonly lastDay: IsoDate | null) {
    super(lastDay ? "agencyReply.reply.objectionClosed" : "agencyReply.reply.objectionNone", 409);
    this.name = "ObjectionClosedError";
  }
}

/** The recommendation as served on my agency, with what the reply form needs; 404 otherwise. */
async function servedOnMe(db: Tx, scope: AgencyScope, recommendationId: string) {
  const rec = await db.recommendation.findFirst({
    where: {
      id: recommendationId,
      procuratorateId: scope.procuratorateId,
      services: { some: { agencyId: scope.agencyId } },
    },
    select: {
      id: true,
      caseId: true,
      number: true,
      status: true,
      replyPeriod: true,
      objectionDays: true,
      case: { select: { title: true, state: true, leadProsecutorId: true, members: { select: { userId: true, role: true } } } },
      points: { orderBy: { ordinal: "asc" }, select: { id: true, ordinal: true, text: true } },
      services: { where: { agencyId: scope.agencyId }, orderBy: { servedOn: "asc" }, take: 1, select: { servedOn: true } },
    },
  });
  if (!rec) notFound();
  return rec;
}

const replySelect = {
  id: true,
  status: true,
  summary: true,
  submittedAt: true,
  receiptNumber: true,
  dueOn: true,
  late: true,
  updatedAt: true,
  submittedBy: { select: { displayName: true } },
  answers: {
    select: {
      id: true,
      pointId: true,
      status: true,
      text: true,
      plan: true,
      targetOn: true,
      attachments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, originalName: true, size: true, mimeType: true, takenAt: true, place: true, createdAt: true },
      },
    },
  },
} as const;

/** My agency's reply to a recommendation served on it (the latest), or null. */
function myReply(db: Tx, scope: AgencyScope, recommendationId: string) {
  return db.reply.findFirst({
    where: { recommendationId, agencyId: scope.agencyId, recommendation: { procuratorateId: scope.procuratorateId } },
    orderBy: { createdAt: "desc" },
    select: replySelect,
  });
}

/**
 * The reply due date: the stored agency_reply deadline (and whether its clock is paused by a
 * suspension, 规则 Art 78), else computed from the first service.
 */
async function dueOnOf(db: Tx, procuratorateId: string, rec: { id: string; replyPeriod: string; services: { servedOn: string }[] }) {
  const stored = await db.deadline.findUnique({
    where: { procuratorateId_key: { procuratorateId, key: `agency_reply:${rec.id}` } },
    select: { dueOn: true, pausedSince: true },
  });
  if (stored) return { dueOn: stored.dueOn, paused: stored.pausedSince !== null };
  const computed = agencyReplyDeadline({ replyPeriod: rec.replyPeriod, servedOn: rec.services.map((s) => s.servedOn) }, await calendarFor(procuratorateId));
  return { dueOn: computed?.dueOn ?? null, paused: false };
}

/** What the portal's reply form shows: the points, my reply (draft or submitted) and the periods. */
export async function getReplyWorkspace(scope: AgencyScope, recommendationId: string, today: IsoDate = dateInShanghai()) {
  const rec = await servedOnMe(prisma, scope, recommendationId);
  const reply = await myReply(prisma, scope, rec.id);
  const servedOn = rec.services[0]?.servedOn ?? null;
  const objectionUntil = objectionLastDay(servedOn, rec.objectionDays, await calendarFor(scope.procuratorateId));
  return {
    recommendation: { id: rec.id, number: rec.number, caseTitle: rec.case.title, points: rec.points },
    servedOn,
    dueOn: reply?.dueOn ?? (await dueOnOf(prisma, scope.procuratorateId, rec)).dueOn,
    caseClosed: rec.case.state === "closed",
    objectionUntil,
    objectionOpen: objectionUntil !== null && today <= objectionUntil,
    reply: reply ? presentReply(reply) : null,
  };
}

type ReplyRow = NonNullable<Awaited<ReturnType<typeof myReply>>>;

function presentReply(reply: ReplyRow) {
  return {
    id: reply.id,
    status: reply.status,
    summary: reply.summary,
    submittedAt: reply.submittedAt,
    submittedBy: reply.submittedBy?.displayName ?? null,
    receiptNumber: reply.receiptNumber,
    dueOn: reply.dueOn,
    late: reply.late,
    version: String(reply.updatedAt.getTime()),
    readOnly: reply.status !== ("draft" satisfies ReplyStatus),
    answers: reply.answers.map((a) => ({
      ...a,
      attachments: a.attachments.map((f) => ({ ...f, size: byteCount(f.size) })),
    })),
  };
}

export type SavedReply = { replyId: string; status: ReplyStatus; receiptNumber: string | null; late: boolean };

/**
 * Saves my agency's reply: a draft (any answers so far; an answer left without a status keeps what
 * was saved before, so nothing is lost), or the submission (every point answered as its status
 * needs). A draft changed since the form was read (`version`) is refused (409) rather than
 * overwritten. Submission allocates the receipt number, stores the due date and whether the reply
 * is late (accepted all the same, 两高解释 Art 21), moves the recommendation to replied, stops the
 * reply clock, and tells the case's prosecutors (reply_arrived notifications), in one transaction.
 * A submitted reply is read-only (409).
 */
export async function saveReply(
  scope: AgencyScope,
  userId: string,
  recommendationId: string,
  form: ReplyForm,
  now: Date = new Date()
): Promise<SavedReply> {
  const today = dateInShanghai(now);
  return prisma.$transaction(async (tx) => {
    const rec = await servedOnMe(tx, scope, recommendationId);
    const existing = await myReply(tx, scope, rec.id);
    if (existing && existing.status !== ("draft" satisfies ReplyStatus)) throw new DomainError("agencyReply.reply.readOnly");
    // A closed case (终结审查, 规则 Art 74) takes no more replies.
    if (rec.case.state === "closed") throw new DomainError("agencyReply.reply.caseClosed");
    const current = existing ? String(existing.updatedAt.getTime()) : undefined;
    if (form.version !== current) throw new DomainError("agencyReply.reply.stale");

    const pointIds = new Set(rec.points.map((p) => p.id));
    const seen = new Set<string>();
    for (const a of form.answers) {
      if (!pointIds.has(a.pointId) || seen.has(a.pointId)) throw new AppError("validation.invalid", 400);
      seen.add(a.pointId);
    }
    // An objection only within the period stated in the letter, counted from the service (建议规定 Art 23).
    const objectionUntil = objectionLastDay(rec.services[0]?.servedOn ?? null, rec.objectionDays, await calendarFor(scope.procuratorateId));
    const objectionOpen = objectionUntil !== null && today <= objectionUntil;
    if (!objectionOpen && form.answers.some((a) => a.status === ("objection" satisfies AnswerStatus))) throw new ObjectionClosedError(objectionUntil);

    const reply =
      existing ??
      (await tx.reply.create({
        data: { recommendationId: rec.id, agencyId: scope.agencyId, summary: form.summary ?? "", status: "draft", createdAt: now },
        select: { id: true },
      }));
    for (const a of form.answers) {
      if (!a.status) continue;
      const data = { status: a.status, text: a.text ?? "", plan: a.plan ?? null, targetOn: a.targetOn ?? null };
      await tx.replyAnswer.upsert({
        where: { replyId_pointId: { replyId: reply.id, pointId: a.pointId } },
        create: { replyId: reply.id, pointId: a.pointId, ...data },
        update: data,
      });
    }
    const saved = await tx.reply.update({
      where: { id: reply.id },
      data: { summary: form.summary ?? existing?.summary ?? "", updatedAt: now > (existing?.updatedAt ?? new Date(0)) ? now : new Date((existing?.updatedAt.getTime() ?? 0) + 1) },
      select: replySelect,
    });

    if (form.intent === "save") {
      await recordAudit(tx, {
        procuratorateId: scope.procuratorateId,
        actorId: userId,
        action: existing ? "reply.draft_update" : "reply.draft_create",
        entityType: "Reply",
        entityId: reply.id,
        caseId: rec.caseId,
        data: {
          before: existing ? { summary: existing.summary, answers: existing.answers.map((a) => ({ pointId: a.pointId, status: a.status })) } : null,
          after: { summary: saved.summary, answers: saved.answers.map((a) => ({ pointId: a.pointId, status: a.status })) },
        },
        at: now,
      });
      return { replyId: reply.id, status: "draft", receiptNumber: null, late: false };
    }

    // Submission: every point answered as its status needs (the stored answers, after this save).
    const byPoint = new Map(saved.answers.map((a) => [a.pointId, a]));
    for (const p of rec.points) {
      const a = byPoint.get(p.id);
      const issues = a
        ? answerIssues({ pointId: p.id, status: a.status as AnswerStatus, text: a.text || undefined, plan: a.plan ?? undefined, targetOn: a.targetOn ?? undefined })
        : [{ field: "status", message: "" }];
      if (issues.length) throw new AppError("agencyReply.reply.allPoints", 400);
    }
    if (!saved.summary.trim()) throw new AppError("agencyReply.reply.summaryRequired", 400);
    // An objection saved in a draft while the period was open is not submitted after it closed.
    if (!objectionOpen && saved.answers.some((a) => a.status === ("objection" satisfies AnswerStatus))) throw new ObjectionClosedError(objectionUntil);

    const clock = await dueOnOf(tx, scope.procuratorateId, rec);
    const dueOn = clock.dueOn;
    const late = isLate(dueOn, today, clock.paused);
    const year = Number(today.slice(0, 4));
    const seq = await allocateSeq(tx, { procuratorateId: scope.procuratorateId, code: RECEIPT_COUNTER_KEY, year });
    const procuratorate = await tx.procuratorate.findUniqueOrThrow({ where: { id: scope.procuratorateId }, select: { shortName: true } });
    const agency = await tx.agency.findFirstOrThrow({ where: { id: scope.agencyId, procuratorateId: scope.procuratorateId }, select: { name: true } });
    const receiptNumber = formatReceiptNumber(procuratorate.shortName, year, seq);
    const submitted = await tx.reply.updateMany({
      where: { id: reply.id, status: "draft" satisfies ReplyStatus },
      data: { status: "submitted", submittedAt: now, submittedById: userId, receiptNumber, dueOn, late, updatedAt: now },
    });
    if (submitted.count !== 1) throw new DomainError("agencyReply.reply.readOnly");
    await tx.recommendation.updateMany({
      where: { id: rec.id, status: "served" satisfies RecommendationStatus },
      data: { status: "replied" satisfies RecommendationStatus },
    });
    // The written reply stops the clock (两高解释 Art 21): the stored agency_reply deadline goes.
    await refreshCaseDeadlines(tx, scope.procuratorateId, rec.caseId);
    await recordAudit(tx, {
      procuratorateId: scope.procuratorateId,
      actorId: userId,
      action: "reply.submit",
      entityType: "Reply",
      entityId: reply.id,
      caseId: rec.caseId,
      data: {
        before: { status: "draft", recommendationStatus: rec.status },
        after: { status: "submitted", recommendationStatus: "replied", receiptNumber, dueOn, late, submittedAt: now.toISOString() },
        answers: saved.answers.map((a) => ({ pointId: a.pointId, status: a.status, attachments: a.attachments.length })),
      },
      at: now,
    });
    await notifyReplyArrived(tx, {
      procuratorateId: scope.procuratorateId,
      caseId: rec.caseId,
      replyId: reply.id,
      prosecutorIds: [rec.case.leadProsecutorId, ...rec.case.members.filter((m) => m.role === "prosecutor").map((m) => m.userId)],
      params: replyArrivedParams({ recommendationNumber: rec.number, caseTitle: rec.case.title, agencyName: agency.name, receiptNumber, late }),
      now,
    });
    return { replyId: reply.id, status: "submitted", receiptNumber, late };
  });
}

/** reply_arrived notifications for the case's prosecutors, one per user (dedupeKey), active staff only. */
async function notifyReplyArrived(
  tx: Tx,
  input: { procuratorateId: string; caseId: string; replyId: string; prosecutorIds: (string | null)[]; params: ReplyArrivedParams; now: Date }
) {
  const ids = [...new Set(input.prosecutorIds.filter((id): id is string => !!id))];
  if (!ids.length) return;
  const users = await tx.user.findMany({
    where: { id: { in: ids }, procuratorateId: input.procuratorateId, role: "prosecutor", active: true },
    select: { id: true },
  });
  for (const u of users) {
    const dedupeKey = `reply_arrived:${input.replyId}:${u.id}`;
    await tx.notification.upsert({
      where: { dedupeKey },
      create: {
        userId: u.id,
        procuratorateId: input.procuratorateId,
        kind: "reply_arrived",
        params: storeParams("reply_arrived", input.params),
        link: `/cases/${input.caseId}/service`,
        dedupeKey,
        createdAt: input.now,
      },
      update: {},
    });
  }
}

/** The receipt of my agency's submitted reply; 404 when there is none. */
export async function getReplyReceipt(scope: AgencyScope, recommendationId: string) {
  const rec = await servedOnMe(prisma, scope, recommendationId);
  const reply = await myReply(prisma, scope, rec.id);
  if (!reply || !reply.receiptNumber || !reply.submittedAt) notFound();
  const agency = await prisma.agency.findFirst({ where: { id: scope.agencyId, procuratorateId: scope.procuratorateId }, select: { name: true } });
  return {
    recommendation: { id: rec.id, number: rec.number, caseTitle: rec.case.title, points: rec.points },
    agency: agency?.name ?? "",
    reply: presentReply(reply),
  };
}

/**
 * The answer a new attachment belongs to: my agency's draft answer to `pointId`. A submitted reply
 * refuses any upload (409); a point not yet answered in a saved draft asks for a save first (409).
 */
export async function attachmentTarget(scope: AgencyScope, recommendationId: string, pointId: string, db: Tx = prisma) {
  const rec = await servedOnMe(db, scope, recommendationId);
  const reply = await myReply(db, scope, rec.id);
  if (reply && reply.status !== ("draft" satisfies ReplyStatus)) throw new DomainError("agencyReply.reply.readOnly");
  if (rec.case.state === "closed") throw new DomainError("agencyReply.reply.caseClosed");
  if (!rec.points.some((p) => p.id === pointId)) throw new AppError("validation.invalid", 400);
  const answer = reply?.answers.find((a) => a.pointId === pointId);
  if (!reply || !answer) throw new DomainError("agencyReply.attach.saveFirst");
  return { recommendationId: rec.id, caseId: rec.caseId, replyId: reply.id, answerId: answer.id };
}

export type NewReplyAttachment = { sha256: string; size: number | bigint; mimeType: string; fileName: string };

/** Records files already placed in the store as rectification evidence of one answer, with an audit event. */
export async function addReplyAttachments(
  scope: AgencyScope,
  userId: string,
  recommendationId: string,
  fields: { pointId: string; takenAt?: string; place?: string },
  files: readonly NewReplyAttachment[],
  now: Date = new Date()
) {
  return prisma.$transaction(async (tx) => {
    const target = await attachmentTarget(scope, recommendationId, fields.pointId, tx);
    const created = [];
    for (const f of files) {
      created.push(
        await tx.replyAttachment.create({
          data: {
            replyId: target.replyId,
            answerId: target.answerId,
            sha256: f.sha256,
            size: BigInt(f.size),
            mimeType: f.mimeType,
            originalName: f.fileName,
            takenAt: fields.takenAt ?? null,
            place: fields.place ?? null,
            uploadedById: userId,
            createdAt: now,
          },
          select: { id: true, sha256: true, size: true, mimeType: true, originalName: true },
        })
      );
    }
    // The draft changed: a form read before the upload must not overwrite it unawares.
    await tx.reply.update({ where: { id: target.replyId }, data: { updatedAt: now } });
    await recordAudit(tx, {
      procuratorateId: scope.procuratorateId,
      actorId: userId,
      action: "reply.attach",
      entityType: "Reply",
      entityId: target.replyId,
      caseId: target.caseId,
      data: { before: null, after: { answerId: target.answerId, takenAt: fields.takenAt ?? null, place: fields.place ?? null, files: created } },
      at: now,
    });
    return created;
  });
}

export type ReadableAttachment = { id: string; sha256: string; size: bigint; mimeType: string; originalName: string };

/**
 * A reply attachment the actor may read: staff who read cases, for a reply on a case of their
 * procuratorate; the liaison of the reply's agency. Anyone else (and an unknown id): null (404).
 */
export async function findReadableAttachment(actor: { role: Role }, scope: Scope, attachmentId: string): Promise<ReadableAttachment | null> {
  const select = { id: true, sha256: true, size: true, mimeType: true, originalName: true } as const;
  if (scope.kind === "procuratorate" && (actor.role === "prosecutor" || actor.role === "approver")) {
    return prisma.replyAttachment.findFirst({
      // Staff read submitted replies only: a draft is still the agency's own.
      where: { id: attachmentId, reply: { status: { not: "draft" satisfies ReplyStatus }, recommendation: { procuratorateId: scope.procuratorateId } } },
      select,
    });
  }
  if (scope.kind === "agency" && actor.role === "agency") {
    return prisma.replyAttachment.findFirst({
      where: { id: attachmentId, reply: { agencyId: scope.agencyId, recommendation: { procuratorateId: scope.procuratorateId } } },
      select,
    });
  }
  return null;
}

/** Submitted replies' attachments of a case, by answer, for the staff service tab. */
export async function caseReplyAttachments(procuratorateId: string, caseId: string) {
  const rows = await prisma.replyAttachment.findMany({
    where: { reply: { status: { not: "draft" }, recommendation: { caseId, procuratorateId } } },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { id: true, originalName: true, mimeType: true, takenAt: true, place: true, answer: { select: { pointId: true } }, replyId: true },
  });
  return rows.map((r) => ({ id: r.id, originalName: r.originalName, mimeType: r.mimeType, takenAt: r.takenAt, place: r.place, pointId: r.answer?.pointId ?? null, replyId: r.replyId }));
}
