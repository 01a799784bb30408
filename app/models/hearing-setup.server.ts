import { shanghaiLocalToDate } from "~/domain/common/dates";
import { isLateNotice, missingNotices, noticeDeadline, noticeRefusal, notifiedRefusal } from "~/domain/hearing/notices";
import type { HearingFormInput, NoticesInput, ParticipantInput } from "~/domain/hearing/setup-schemas";
import { isHearingEditable } from "~/domain/hearing/states";
import { requestApproval } from "~/models/approval-request.server";
import { recordAudit } from "~/models/audit.server";
import { calendarFor } from "~/models/deadline.server";
import { refreshDeadlines } from "~/models/deadline.server";
import { moveHearing } from "~/models/hearing-state.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

// Setting up a hearing (听证, issue 9 items 1, 3, 4): the hearing and its cases, its participants,
// the notices (听证规定 Art 10) and the approvals it needs. Every query is scoped to the actor's
// procuratorate (another's hearing, case, agency or series answers 404); every write runs in one
// transaction with its audit event.

/** Staff roles who may host or clerk a hearing (听证规定 Art 13: the handling prosecutor hosts). */
const HEARING_STAFF_ROLES = ["prosecutor", "approver"];
/** Cases that can no longer be heard: closed or never filed. */
const UNHEARABLE_CASE_STATES = ["closed", "not_filed"];
/** The case picker lists at most this many open cases (latest changed first), plus those chosen. */
export const CASE_OPTIONS_LIMIT = 200;

/** Raised when the hearing cannot be marked notified because people still have no notice. */
export class NoticesMissingError extends DomainError {
  constructor(public readonly missing: string[]) {
    super("hearingSetup.error.noticesMissing", 409);
    this.name = "NoticesMissingError";
  }
}

/** The choices of the hearing form: the staff who may host or clerk, and the cases to hear. */
export async function hearingFormOptions(procuratorateId: string, chosenCaseIds: readonly string[] = []) {
  const [staff, open, chosen] = await Promise.all([
    prisma.user.findMany({
      where: { procuratorateId, active: true, role: { in: HEARING_STAFF_ROLES } },
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
      select: { id: true, displayName: true, post: true },
    }),
    prisma.case.findMany({
      where: { procuratorateId, state: { notIn: UNHEARABLE_CASE_STATES } },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: CASE_OPTIONS_LIMIT,
      select: { id: true, number: true, title: true },
    }),
    chosenCaseIds.length
      ? prisma.case.findMany({
          where: { procuratorateId, id: { in: [...chosenCaseIds] } },
          select: { id: true, number: true, title: true },
        })
      : Promise.resolve([]),
  ]);
  const seen = new Set(open.map((c) => c.id));
  const cases = [...chosen.filter((c) => !seen.has(c.id)), ...open];
  return { staff, cases };
}

/** A case of the procuratorate to preselect (from its hearings tab); 404 when not in scope. */
export async function caseForNewHearing(procuratorateId: string, caseId: string) {
  const c = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: { id: true, title: true },
  });
  if (!c) notFound();
  return c;
}

/** A series of the procuratorate with its cases in order (from the series page); 404 when not in scope. */
export async function seriesForNewHearing(procuratorateId: string, seriesId: string) {
  const s = await prisma.caseSeries.findFirst({
    where: { id: seriesId, procuratorateId },
    select: {
      id: true,
      name: true,
      cases: {
        where: { state: { notIn: UNHEARABLE_CASE_STATES } },
        orderBy: [{ number: "asc" }, { id: "asc" }],
        select: { id: true },
      },
    },
  });
  if (!s) notFound();
  return { id: s.id, name: s.name, caseIds: s.cases.map((c) => c.id) };
}

/** The hearing's fields the setup form edits: read for the form and as the audit's "before". */
const FORM_FIELDS = {
  title: true,
  purpose: true,
  venue: true,
  startsAt: true,
  endsAt: true,
  hostId: true,
  clerkId: true,
  isPublic: true,
  closedReason: true,
  contactPhone: true,
  observerSeats: true,
} as const;
const FORM_CASE_FIELDS = { caseId: true, sessionAt: true, issues: true, proposedHandling: true, proposal: true } as const;

/** The hearing as the edit form shows it; 404 out of scope. */
export async function getHearingForEdit(procuratorateId: string, hearingId: string) {
  const h = await prisma.hearing.findFirst({
    where: { id: hearingId, procuratorateId },
    select: {
      id: true,
      seriesId: true,
      ...FORM_FIELDS,
      status: true,
      cases: { orderBy: { ordinal: "asc" }, select: FORM_CASE_FIELDS },
    },
  });
  if (!h) notFound();
  return { ...h, editable: isHearingEditable(h.status) };
}

async function assertStaff(tx: Tx, procuratorateId: string, ids: (string | undefined)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const found = await tx.user.count({
    where: { id: { in: wanted }, procuratorateId, active: true, role: { in: HEARING_STAFF_ROLES } },
  });
  if (found !== wanted.length) throw new DomainError("hearingSetup.validation.staffOnly", 400);
}

async function assertCases(tx: Tx, procuratorateId: string, caseIds: string[]) {
  const found = await tx.case.count({ where: { id: { in: caseIds }, procuratorateId } });
  if (found !== new Set(caseIds).size) notFound();
}

function hearingData(input: HearingFormInput) {
  return {
    title: input.title,
    purpose: input.purpose ?? null,
    venue: input.venue,
    startsAt: shanghaiLocalToDate(input.startsAt),
    endsAt: input.endsAt ? shanghaiLocalToDate(input.endsAt) : null,
    hostId: input.hostId,
    clerkId: input.clerkId ?? null,
    isPublic: input.isPublic,
    closedReason: input.closedReason,
    contactPhone: input.contactPhone ?? null,
    observerSeats: input.observerSeats ?? null,
  };
}

function caseRows(input: HearingFormInput) {
  return input.cases.map((c, i) => ({
    caseId: c.caseId,
    ordinal: i + 1,
    sessionAt: c.sessionAt ? shanghaiLocalToDate(c.sessionAt) : null,
    issues: c.issues ?? null,
    proposedHandling: c.proposedHandling,
    proposal: c.proposal ?? null,
  }));
}

const json = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/** Creates a planned hearing over the given cases (听证规定 Arts 4, 10), with its audit events. */
export async function createHearing(procuratorateId: string, actorId: string, input: HearingFormInput) {
  return prisma.$transaction(async (tx) => {
    await assertStaff(tx, procuratorateId, [input.hostId, input.clerkId]);
    await assertCases(tx, procuratorateId, input.cases.map((c) => c.caseId));
    if (input.seriesId) {
      const s = await tx.caseSeries.findFirst({ where: { id: input.seriesId, procuratorateId }, select: { id: true } });
      if (!s) notFound();
    }
    const data = hearingData(input);
    const hearing = await tx.hearing.create({
      data: { procuratorateId, seriesId: input.seriesId ?? null, status: "planned", ...data },
      select: { id: true },
    });
    const rows = caseRows(input);
    await tx.hearingCase.createMany({ data: rows.map((r) => ({ hearingId: hearing.id, ...r })) });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "hearing.create",
      entityType: "Hearing",
      entityId: hearing.id,
      data: { after: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, json(v)])), cases: rows.map((r) => r.caseId) },
    });
    // Each case's log shows that it is to be heard.
    for (const r of rows) {
      await recordAudit(tx, {
        procuratorateId,
        actorId,
        action: "hearing.case_added",
        entityType: "Hearing",
        entityId: hearing.id,
        caseId: r.caseId,
        data: { ordinal: r.ordinal, proposedHandling: r.proposedHandling },
      });
    }
    // The hearing_notice deadline of a planned hearing is stored like every other (README "Deadlines are stored").
    await refreshDeadlines(tx, procuratorateId, { hearingId: hearing.id });
    return hearing;
  });
}

async function editableHearing(tx: Tx, procuratorateId: string, hearingId: string) {
  const h = await tx.hearing.findFirst({
    where: { id: hearingId, procuratorateId },
    select: { id: true, status: true, title: true, startsAt: true, isPublic: true },
  });
  if (!h) notFound();
  // Setup is editable while planned or notified (app/domain/hearing/states.ts).
  if (!isHearingEditable(h.status)) throw new DomainError("hearings.error.notEditable", 409);
  return h;
}

/**
 * Changes a hearing's particulars and its cases (added, removed, reordered) while it is editable,
 * recording the before and after of every changed field.
 */
export async function updateHearing(procuratorateId: string, actorId: string, hearingId: string, input: HearingFormInput) {
  return prisma.$transaction(async (tx) => {
    const current = await editableHearing(tx, procuratorateId, hearingId);
    await assertStaff(tx, procuratorateId, [input.hostId, input.clerkId]);
    await assertCases(tx, procuratorateId, input.cases.map((c) => c.caseId));
    const before = await tx.hearing.findFirstOrThrow({
      where: { id: hearingId, procuratorateId },
      select: { ...FORM_FIELDS, cases: { select: { ...FORM_CASE_FIELDS, ordinal: true } } },
    });
    const data = hearingData(input);
    const changed: Record<string, { before: unknown; after: unknown }> = {};
    for (const [k, v] of Object.entries(data)) {
      const old = before[k as keyof typeof data];
      if (JSON.stringify(json(old)) !== JSON.stringify(json(v))) changed[k] = { before: json(old), after: json(v) };
    }
    // 听证规定 Art 10: notices tell the time of the hearing. Once notified, the time is fixed (there
    // is no way back to planned); while planned, a new time voids the notices given and any approved
    // late_notice, which was weighed against the old time.
    if (changed.startsAt && current.status === "notified") throw new DomainError("hearingSetup.error.startsAtNotified", 409);
    await tx.hearing.update({ where: { id: hearingId }, data });
    if (changed.startsAt) await voidNotices(tx, procuratorateId, actorId, hearingId);

    const rows = caseRows(input);
    const keep = new Set(rows.map((r) => r.caseId));
    const removed = before.cases.filter((c) => !keep.has(c.caseId)).map((c) => c.caseId);
    if (removed.length) await tx.hearingCase.deleteMany({ where: { hearingId, caseId: { in: removed } } });
    const oldByCase = new Map(before.cases.map((c) => [c.caseId, c]));
    const caseChanges: Record<string, unknown>[] = [];
    for (const r of rows) {
      const old = oldByCase.get(r.caseId);
      if (!old) {
        await tx.hearingCase.create({ data: { hearingId, ...r } });
        caseChanges.push({ caseId: r.caseId, added: true, ordinal: r.ordinal });
        continue;
      }
      const diff = Object.entries(r).filter(([k, v]) => JSON.stringify(json(old[k as keyof typeof old])) !== JSON.stringify(json(v)));
      if (diff.length) {
        await tx.hearingCase.update({ where: { hearingId_caseId: { hearingId, caseId: r.caseId } }, data: r });
        caseChanges.push({
          caseId: r.caseId,
          ...Object.fromEntries(diff.map(([k, v]) => [k, { before: json(old[k as keyof typeof old]), after: json(v) }])),
        });
      }
    }
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "hearing.update",
      entityType: "Hearing",
      entityId: hearingId,
      data: { changed, cases: caseChanges, removedCases: removed },
    });
    for (const caseId of removed) {
      await recordAudit(tx, { procuratorateId, actorId, action: "hearing.case_removed", entityType: "Hearing", entityId: hearingId, caseId });
    }
    for (const c of caseChanges.filter((x) => x.added)) {
      await recordAudit(tx, {
        procuratorateId,
        actorId,
        action: "hearing.case_added",
        entityType: "Hearing",
        entityId: hearingId,
        caseId: String(c.caseId),
        data: { ordinal: c.ordinal },
      });
    }
    // A new time or new cases change the hearing_notice deadline and the cases it is shown on.
    await refreshDeadlines(tx, procuratorateId, { hearingId });
    return { id: hearingId };
  });
}

/** Clears the notices of a hearing whose time changed and uses up its approved late_notice approvals (audited). */
async function voidNotices(tx: Tx, procuratorateId: string, actorId: string, hearingId: string, now: Date = new Date()) {
  const cleared = { notifiedAt: null, noticeMethod: null };
  const panelists = await tx.hearingPanelist.updateMany({ where: { hearingId, notifiedAt: { not: null } }, data: cleared });
  const participants = await tx.hearingParticipant.updateMany({ where: { hearingId, notifiedAt: { not: null } }, data: cleared });
  const approvals = await tx.approval.findMany({
    where: { procuratorateId, hearingId, kind: "late_notice", decision: "approved", usedAt: null },
    select: { id: true },
  });
  if (approvals.length) await tx.approval.updateMany({ where: { id: { in: approvals.map((a) => a.id) } }, data: { usedAt: now } });
  if (panelists.count + participants.count + approvals.length === 0) return;
  await recordAudit(tx, {
    procuratorateId,
    actorId,
    action: "hearing.notices_cleared",
    entityType: "Hearing",
    entityId: hearingId,
    data: { panelists: panelists.count, participants: participants.count, lateNoticeApprovalsUsed: approvals.map((a) => a.id) },
    at: now,
  });
}

/** Calls off a hearing with its reason (moveHearing refuses it once concluded). */
export async function cancelHearing(procuratorateId: string, actorId: string, hearingId: string, reason: string) {
  return prisma.$transaction((tx) => moveHearing(tx, { procuratorateId, hearingId, to: "cancelled", actorId, reason }));
}

// ───────── participants ─────────

/** The procuratorate's active agencies, for the representative form. */
export function agencyOptions(procuratorateId: string) {
  return prisma.agency.findMany({
    where: { procuratorateId, active: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

/** Adds, changes or removes a participant of an editable hearing, with its audit event. */
export async function changeParticipant(procuratorateId: string, actorId: string, hearingId: string, input: ParticipantInput) {
  return prisma.$transaction(async (tx) => {
    await editableHearing(tx, procuratorateId, hearingId);
    const existing =
      input.intent === "add"
        ? null
        : await tx.hearingParticipant.findFirst({
            where: { id: input.participantId, hearingId, hearing: { procuratorateId } },
            select: { id: true, kind: true, agencyId: true, organisation: true, name: true, post: true, phone: true },
          });
    if (input.intent !== "add" && !existing) notFound();
    if (input.intent === "remove") {
      await tx.hearingParticipant.delete({ where: { id: existing!.id } });
      await recordAudit(tx, {
        procuratorateId,
        actorId,
        action: "hearing.participant_removed",
        entityType: "HearingParticipant",
        entityId: existing!.id,
        data: { hearingId, before: { kind: existing!.kind, organisation: existing!.organisation, name: existing!.name } },
      });
      return { id: existing!.id, name: existing!.name };
    }
    let organisation = input.organisation ?? "";
    let agencyId: string | null = null;
    if (input.kind === "agency_representative") {
      const agency = await tx.agency.findFirst({ where: { id: input.agencyId!, procuratorateId }, select: { id: true, name: true } });
      if (!agency) notFound();
      agencyId = agency.id;
      organisation = agency.name;
    }
    const data = { kind: input.kind, agencyId, organisation, name: input.name, post: input.post, phone: input.phone ?? null };
    if (input.intent === "add") {
      const row = await tx.hearingParticipant.create({ data: { hearingId, ...data }, select: { id: true } });
      await recordAudit(tx, {
        procuratorateId,
        actorId,
        action: "hearing.participant_added",
        entityType: "HearingParticipant",
        entityId: row.id,
        data: { hearingId, after: { kind: data.kind, agencyId, organisation, name: data.name, post: data.post } },
      });
      return { id: row.id, name: data.name };
    }
    const old = existing!;
    const changed = Object.fromEntries(
      Object.entries(data)
        .filter(([k, v]) => old[k as keyof typeof old] !== v)
        .map(([k, v]) => [k, { before: old[k as keyof typeof old], after: v }]),
    );
    await tx.hearingParticipant.update({ where: { id: old.id }, data });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "hearing.participant_changed",
      entityType: "HearingParticipant",
      entityId: old.id,
      data: { hearingId, changed },
    });
    return { id: old.id, name: data.name };
  });
}

/** The participants of a hearing with phone numbers (staff edit view), and whether it is editable. */
export async function getParticipantsForEdit(procuratorateId: string, hearingId: string) {
  const h = await prisma.hearing.findFirst({
    where: { id: hearingId, procuratorateId },
    select: {
      id: true,
      status: true,
      participants: {
        orderBy: [{ kind: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, agencyId: true, organisation: true, name: true, post: true, phone: true },
      },
    },
  });
  if (!h) notFound();
  return { editable: isHearingEditable(h.status), participants: h.participants };
}

// ───────── notices and approvals ─────────

async function approvalsOf(db: Tx, procuratorateId: string, hearingId: string) {
  const rows = await db.approval.findMany({
    where: { procuratorateId, hearingId, kind: { in: ["hearing", "late_notice"] } },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    select: { id: true, kind: true, decision: true, requestedAt: true, decidedAt: true, comment: true, usedAt: true },
  });
  const latest = (kind: string) => rows.find((r) => r.kind === kind) ?? null;
  // An approval used up (a late_notice whose hearing's time changed since) no longer counts.
  const approved = (kind: string) => rows.some((r) => r.kind === kind && r.decision === "approved" && r.usedAt === null);
  return {
    hearing: latest("hearing"),
    lateNotice: latest("late_notice"),
    hearingApproved: approved("hearing"),
    lateNoticeApproved: approved("late_notice"),
  };
}

async function recipientsOf(db: Tx, procuratorateId: string, hearingId: string) {
  const [panelists, participants] = await Promise.all([
    db.hearingPanelist.findMany({
      where: { hearingId, hearing: { procuratorateId } },
      orderBy: [{ recused: "asc" }, { invitedAt: "asc" }],
      select: { panelistId: true, recused: true, notifiedAt: true, noticeMethod: true, panelist: { select: { name: true, category: true } } },
    }),
    db.hearingParticipant.findMany({
      where: { hearingId, hearing: { procuratorateId } },
      orderBy: [{ kind: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, organisation: true, name: true, post: true, notifiedAt: true, noticeMethod: true },
    }),
  ]);
  return { panelists, participants };
}

/** The notices tab: who was notified when and how, the deadline, the approvals and who is missing. */
export async function getHearingNotices(procuratorateId: string, hearingId: string) {
  const h = await prisma.hearing.findFirst({
    where: { id: hearingId, procuratorateId },
    select: { id: true, status: true, startsAt: true, isPublic: true, announcement: true, announcedAt: true, title: true },
  });
  if (!h) notFound();
  const [calendar, approvals, recipients] = await Promise.all([
    calendarFor(procuratorateId),
    approvalsOf(prisma, procuratorateId, h.id),
    recipientsOf(prisma, procuratorateId, h.id),
  ]);
  const deadline = noticeDeadline(h.startsAt, calendar);
  const panelists = recipients.panelists.map((p) => ({ ...p, name: p.panelist.name }));
  const missing = missingNotices(panelists, recipients.participants);
  return {
    hearing: { ...h, editable: isHearingEditable(h.status) },
    deadline: { dueOn: deadline.dueOn, latestOnTime: deadline.latestOnTime, steps: deadline.deadline.steps, basisKey: deadline.deadline.basisKey },
    approvals,
    panelists: panelists.filter((p) => !p.recused),
    participants: recipients.participants,
    missing,
  };
}

function subjectOf(kind: "hearing" | "late_notice", title: string) {
  return kind === "hearing" ? `提请召开听证：${title}` : `提请迟延通知听证：${title}`;
}

/**
 * The notices tab's writes: record a notice (refused when late without an approved late_notice,
 * 听证规定 Art 10), ask for the `hearing` or `late_notice` approval, mark the hearing notified,
 * publish the announcement of a public hearing.
 */
export async function applyNoticeAction(
  procuratorateId: string,
  actorId: string,
  hearingId: string,
  input: NoticesInput,
  now: Date = new Date(),
): Promise<{ done: NoticesInput["intent"]; name?: string }> {
  return prisma.$transaction(async (tx) => {
    const h = await editableHearing(tx, procuratorateId, hearingId);
    const approvals = await approvalsOf(tx, procuratorateId, h.id);
    switch (input.intent) {
      case "notice": {
        const notifiedAt = shanghaiLocalToDate(input.notifiedAt);
        const calendar = await calendarFor(procuratorateId, tx);
        const refusal = noticeRefusal({ notifiedAt, startsAt: h.startsAt, now, lateNoticeApproved: approvals.lateNoticeApproved, calendar });
        if (refusal) throw new DomainError(`hearingSetup.error.${refusal}`, refusal === "lateNotice" ? 409 : 400);
        let name: string;
        let before: { notifiedAt: Date | null; noticeMethod: string | null };
        if (input.target.kind === "panelist") {
          const seat = await tx.hearingPanelist.findFirst({
            where: { hearingId: h.id, panelistId: input.target.id, recused: false, hearing: { procuratorateId } },
            select: { notifiedAt: true, noticeMethod: true, panelist: { select: { name: true } } },
          });
          if (!seat) notFound();
          name = seat.panelist.name;
          before = { notifiedAt: seat.notifiedAt, noticeMethod: seat.noticeMethod };
          await tx.hearingPanelist.update({
            where: { hearingId_panelistId: { hearingId: h.id, panelistId: input.target.id } },
            data: { notifiedAt, noticeMethod: input.method },
          });
        } else {
          const p = await tx.hearingParticipant.findFirst({
            where: { id: input.target.id, hearingId: h.id, hearing: { procuratorateId } },
            select: { id: true, name: true, notifiedAt: true, noticeMethod: true },
          });
          if (!p) notFound();
          name = p.name;
          before = { notifiedAt: p.notifiedAt, noticeMethod: p.noticeMethod };
          await tx.hearingParticipant.update({ where: { id: p.id }, data: { notifiedAt, noticeMethod: input.method } });
        }
        await recordAudit(tx, {
          procuratorateId,
          actorId,
          action: "hearing.notice",
          entityType: input.target.kind === "panelist" ? "HearingPanelist" : "HearingParticipant",
          entityId: input.target.id,
          data: {
            hearingId: h.id,
            before: { notifiedAt: before.notifiedAt?.toISOString() ?? null, noticeMethod: before.noticeMethod },
            after: { notifiedAt: notifiedAt.toISOString(), noticeMethod: input.method },
            // A late notice accepted under an approved late_notice (听证规定 Art 10).
            late: isLateNotice(notifiedAt, h.startsAt, calendar),
          },
        });
        return { done: input.intent, name };
      }
      case "requestHearing":
        // 听证规定 Art 4: a hearing is held with the chief's approval.
        if (approvals.hearingApproved) throw new DomainError("hearingSetup.error.alreadyApproved", 409);
        await requestApproval(
          { procuratorateId, requestedById: actorId, kind: "hearing", subject: subjectOf("hearing", h.title), hearingId: h.id, payload: { reason: input.reason }, at: now },
          tx,
        );
        return { done: input.intent };
      case "requestLateNotice":
        if (approvals.lateNoticeApproved) throw new DomainError("hearingSetup.error.alreadyApproved", 409);
        await requestApproval(
          { procuratorateId, requestedById: actorId, kind: "late_notice", subject: subjectOf("late_notice", h.title), hearingId: h.id, payload: { reason: input.reason }, at: now },
          tx,
        );
        return { done: input.intent };
      case "markNotified": {
        const { panelists, participants } = await recipientsOf(tx, procuratorateId, h.id);
        const seated = panelists.map((p) => ({ ...p, name: p.panelist.name }));
        const missing = missingNotices(seated, participants);
        const refusal = notifiedRefusal({
          hearingApproved: approvals.hearingApproved,
          recipients: seated.filter((p) => !p.recused).length + participants.length,
          missing,
        });
        if (refusal === "noticesMissing") throw new NoticesMissingError(missing);
        if (refusal) throw new DomainError(`hearingSetup.error.${refusal}`, 409);
        await moveHearing(tx, { procuratorateId, hearingId: h.id, to: "notified", actorId, at: now });
        return { done: input.intent };
      }
      case "announce": {
        // 听证规定 Art 5, 10(4): only a public hearing is announced, once its holding is approved.
        if (!h.isPublic) throw new DomainError("hearingSetup.error.notPublic", 409);
        if (!approvals.hearingApproved) throw new DomainError("hearingSetup.error.hearingNotApproved", 409);
        const old = await tx.hearing.findUniqueOrThrow({ where: { id: h.id }, select: { announcement: true, announcedAt: true } });
        await tx.hearing.update({ where: { id: h.id }, data: { announcement: input.announcement, announcedAt: old.announcedAt ?? now } });
        await recordAudit(tx, {
          procuratorateId,
          actorId,
          action: "hearing.announce",
          entityType: "Hearing",
          entityId: h.id,
          data: {
            before: { announcement: old.announcement, announcedAt: old.announcedAt?.toISOString() ?? null },
            after: { announcement: input.announcement, announcedAt: (old.announcedAt ?? now).toISOString() },
          },
        });
        return { done: input.intent };
      }
    }
  });
}
