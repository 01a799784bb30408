import { computeDeadline, deadlineStatus } from "~/domain/deadlines/compute";
import { dateInShanghai } from "~/domain/deadlines/dates";
import type { HearingAgency, PanelConflict } from "~/domain/hearing/conflicts";
import { findPanelConflicts } from "~/domain/hearing/conflicts";
import type { SeatBlock } from "~/domain/hearing/panel";
import { categoryMix, panelEditRefusal, recusalState, seatBlock } from "~/domain/hearing/panel";
import type { RecusalDecision } from "~/domain/hearing/states";
import { isFinishedHearing, isHearingEditable } from "~/domain/hearing/states";
import { recordAudit } from "~/models/audit.server";
import { calendarFor } from "~/models/deadline.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

// The staff panel tab (issue 9): seating 听证员 from the procuratorate's pool with the eligibility
// rule (听证规定 Art 7) and the conflict check (app/domain/hearing/conflicts.ts), unseating while the
// hearing is being prepared, and recusal requests decided with who and when (规则 Art 23, 3 days:
// deadline rule recusal_decision). Every query is scoped to the procuratorate.

/** A pool this large is more than any basic-level procuratorate keeps; the list is bounded. */
export const PANEL_POOL_MAX = 500;

/** A seat refused: the reasons (ineligibility, conflicts) travel with the error to the page. */
export class SeatRefusedError extends DomainError {
  constructor(
    public readonly panelistName: string,
    public readonly block: SeatBlock
  ) {
    super(block.conflicts.length ? "hearingPanel.error.conflict" : "hearingPanel.error.ineligible", 409);
    this.name = "SeatRefusedError";
  }
}

/** Opening the hearing day is refused while a seated, non-recused panelist has a conflict (听证规定 Art 7). */
export class SeatedConflictsError extends DomainError {
  constructor(public readonly names: string[]) {
    super("hearingPanel.error.seatedConflicts", 409);
    this.name = "SeatedConflictsError";
  }
}

const hearingAgencySelect = {
  id: true,
  status: true,
  startsAt: true,
  cases: { select: { case: { select: { respondentAgency: { select: { id: true, name: true } } } } } },
  participants: { where: { agencyId: { not: null } }, select: { agency: { select: { id: true, name: true } } } },
} as const;

type HearingAgencies = {
  cases: { case: { respondentAgency: { id: string; name: string } | null } }[];
  participants: { agency: { id: string; name: string } | null }[];
};

/** The agencies a hearing concerns: the respondents of its cases and the participating agencies. */
function agenciesOf(h: HearingAgencies): HearingAgency[] {
  const out: HearingAgency[] = [];
  const seen = new Set<string>();
  const add = (a: { id: string; name: string } | null, role: HearingAgency["role"]) => {
    if (!a || seen.has(`${role}|${a.id}`)) return;
    seen.add(`${role}|${a.id}`);
    out.push({ agencyId: a.id, name: a.name, role });
  };
  for (const c of h.cases) add(c.case.respondentAgency, "respondent");
  for (const p of h.participants) add(p.agency, "participant");
  return out;
}

/** The conflicts of each panelist, from their affiliations that name one of the agencies. */
async function conflictsOf(db: Tx, panelistIds: string[], agencies: HearingAgency[]) {
  const byPanelist = new Map<string, PanelConflict[]>();
  if (!panelistIds.length || !agencies.length) return byPanelist;
  const rows = await db.panelistAffiliation.findMany({
    where: { panelistId: { in: panelistIds }, agencyId: { in: agencies.map((a) => a.agencyId) } },
    orderBy: [{ organisation: "asc" }, { id: "asc" }],
    select: { panelistId: true, agencyId: true, organisation: true, relation: true },
  });
  for (const id of panelistIds) {
    const found = findPanelConflicts(
      rows.filter((r) => r.panelistId === id),
      agencies
    );
    if (found.length) byPanelist.set(id, found);
  }
  return byPanelist;
}

/**
 * The conflicts of the seated, non-recused panelists (听证规定 Art 7), e.g. after an agency the
 * panelist is affiliated with was added as a participant once they were seated. Scoped; [] when none.
 */
export async function seatedConflicts(tx: Tx, procuratorateId: string, hearingId: string) {
  const hearing = await tx.hearing.findFirst({ where: { id: hearingId, procuratorateId }, select: hearingAgencySelect });
  if (!hearing) notFound();
  const seats = await tx.hearingPanelist.findMany({
    where: { hearingId: hearing.id, recused: false },
    orderBy: [{ invitedAt: "asc" }, { panelistId: "asc" }],
    select: { panelistId: true, panelist: { select: { name: true } } },
  });
  const found = await conflictsOf(
    tx,
    seats.map((s) => s.panelistId),
    agenciesOf(hearing)
  );
  return seats
    .filter((s) => found.has(s.panelistId))
    .map((s) => ({ panelistId: s.panelistId, name: s.panelist.name, conflicts: found.get(s.panelistId)! }));
}

/** Refuses (409) while any seated, non-recused panelist has a conflict: the hearing day cannot open. */
export async function refuseSeatedConflicts(tx: Tx, procuratorateId: string, hearingId: string) {
  const found = await seatedConflicts(tx, procuratorateId, hearingId);
  if (found.length) throw new SeatedConflictsError(found.map((f) => f.name));
}

/**
 * The panel tab: the seats (with declaration, recusal and its due date), the category mix of the
 * seated, and, while the hearing may be edited, the pool with each candidate's block, if any.
 */
export async function getPanelSeating(procuratorateId: string, hearingId: string, now: Date = new Date()) {
  const hearing = await prisma.hearing.findFirst({ where: { id: hearingId, procuratorateId }, select: hearingAgencySelect });
  if (!hearing) notFound();
  const seats = await prisma.hearingPanelist.findMany({
    where: { hearingId: hearing.id, hearing: { procuratorateId } },
    orderBy: [{ recused: "asc" }, { invitedAt: "asc" }, { panelistId: "asc" }],
    select: {
      panelistId: true,
      invitedAt: true,
      declaredAt: true,
      recused: true,
      recusalReason: true,
      attended: true,
      recusalRequestedAt: true,
      recusalRequestedBy: true,
      recusalDecision: true,
      recusalDecidedAt: true,
      recusalDecidedBy: { select: { displayName: true } },
      panelist: { select: { name: true, category: true, workUnit: true, title: true } },
    },
  });
  const editable = isHearingEditable(hearing.status);
  const hearingDate = dateInShanghai(hearing.startsAt);
  const agencies = agenciesOf(hearing);
  const today = dateInShanghai(now);
  const calendar = seats.some((s) => s.recusalRequestedAt) ? await calendarFor(procuratorateId) : null;

  const seatRows = seats.map((s) => {
    const state = recusalState(s);
    // 规则 Art 23: a recusal request is decided within 3 days (rule recusal_decision).
    const due =
      s.recusalRequestedAt && calendar
        ? computeDeadline("recusal_decision", dateInShanghai(s.recusalRequestedAt), calendar).dueOn
        : null;
    return {
      ...s,
      recusal: {
        state,
        dueOn: due,
        overdue: state === "pending" && due !== null && deadlineStatus(due, today) === "overdue",
      },
    };
  });

  let pool: {
    id: string;
    name: string;
    category: string;
    workUnit: string | null;
    block: SeatBlock | null;
  }[] = [];
  if (editable) {
    const seated = new Set(seats.map((s) => s.panelistId));
    const candidates = (
      await prisma.panelist.findMany({
        where: { procuratorateId },
        orderBy: [{ active: "desc" }, { category: "asc" }, { name: "asc" }, { id: "asc" }],
        take: PANEL_POOL_MAX,
        select: { id: true, name: true, category: true, workUnit: true, birthOn: true, barred: true, active: true },
      })
    ).filter((p) => !seated.has(p.id));
    const conflicts = await conflictsOf(
      prisma,
      candidates.map((c) => c.id),
      agencies
    );
    pool = candidates.map((c) => ({
      id: c.id,
      name: c.name,
      category: c.category,
      workUnit: c.workUnit,
      block: seatBlock(c, hearingDate, conflicts.get(c.id) ?? []),
    }));
  }

  const seatConflicts = await seatedConflicts(prisma, procuratorateId, hearing.id);
  return {
    hearing: { id: hearing.id, status: hearing.status, date: hearingDate, editable, finished: isFinishedHearing(hearing.status) },
    seats: seatRows,
    seatConflicts,
    seated: seatRows.filter((s) => !s.recused).length,
    mix: categoryMix(seats.map((s) => ({ category: s.panelist.category, recused: s.recused }))),
    pool,
  };
}

/** Reads the hearing in the transaction, scoped; 404 outside the procuratorate. */
async function hearingIn(tx: Tx, procuratorateId: string, hearingId: string) {
  const h = await tx.hearing.findFirst({ where: { id: hearingId, procuratorateId }, select: hearingAgencySelect });
  if (!h) notFound();
  return h;
}

/**
 * Seats a pool entry on the hearing while it is being prepared. Refused (409, SeatRefusedError with
 * every reason) for an ineligible entry (听证规定 Art 7) or one with a conflict; 404 for an entry or
 * hearing of another procuratorate.
 */
export async function seatPanelist(procuratorateId: string, actorId: string, hearingId: string, panelistId: string, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const hearing = await hearingIn(tx, procuratorateId, hearingId);
    const panelist = await tx.panelist.findFirst({
      where: { id: panelistId, procuratorateId },
      select: { id: true, name: true, birthOn: true, barred: true, active: true },
    });
    if (!panelist) notFound();
    const refusal = panelEditRefusal(hearing.status);
    if (refusal) throw new DomainError(refusal, 409);
    const existing = await tx.hearingPanelist.findUnique({
      where: { hearingId_panelistId: { hearingId: hearing.id, panelistId: panelist.id } },
      select: { panelistId: true },
    });
    if (existing) throw new DomainError("hearingPanel.error.alreadySeated", 409);
    const conflicts = (await conflictsOf(tx, [panelist.id], agenciesOf(hearing))).get(panelist.id) ?? [];
    const block = seatBlock(panelist, dateInShanghai(hearing.startsAt), conflicts);
    if (block) throw new SeatRefusedError(panelist.name, block);
    await tx.hearingPanelist.create({ data: { hearingId: hearing.id, panelistId: panelist.id, invitedAt: now } });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "hearing.panel_seat",
      entityType: "HearingPanelist",
      entityId: `${hearing.id}:${panelist.id}`,
      data: { hearingId: hearing.id, panelistId: panelist.id, before: null, after: { seated: true } },
      at: now,
    });
    return { panelistId: panelist.id, name: panelist.name };
  });
}

async function seatIn(tx: Tx, procuratorateId: string, hearingId: string, panelistId: string) {
  const seat = await tx.hearingPanelist.findFirst({
    where: { hearingId, panelistId, hearing: { procuratorateId } },
    select: {
      hearingId: true,
      panelistId: true,
      recused: true,
      recusalReason: true,
      recusalRequestedAt: true,
      recusalRequestedBy: true,
      recusalDecision: true,
      recusalDecidedAt: true,
      recusalDecidedById: true,
      hearing: { select: { status: true, deliberationClosedAt: true } },
      panelist: { select: { name: true } },
    },
  });
  if (!seat) notFound();
  return seat;
}

/** Removes a seat while the hearing is being prepared (nothing has been given on it yet). */
export async function unseatPanelist(procuratorateId: string, actorId: string, hearingId: string, panelistId: string) {
  return prisma.$transaction(async (tx) => {
    const seat = await seatIn(tx, procuratorateId, hearingId, panelistId);
    const refusal = panelEditRefusal(seat.hearing.status);
    if (refusal) throw new DomainError(refusal, 409);
    await tx.hearingPanelist.delete({ where: { hearingId_panelistId: { hearingId, panelistId } } });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "hearing.panel_unseat",
      entityType: "HearingPanelist",
      entityId: `${hearingId}:${panelistId}`,
      data: { hearingId, panelistId, before: { seated: true }, after: null },
    });
    return { name: seat.panelist.name };
  });
}

/**
 * Records a recusal request on a seat (规则 Art 23): who asked, when and why (kept in
 * recusalReason). Refused once the hearing is over, for a recused seat, or while a request waits.
 */
export async function requestRecusal(
  procuratorateId: string,
  actorId: string,
  hearingId: string,
  input: { panelistId: string; requestedBy: string; reason: string },
  now: Date = new Date()
) {
  return prisma.$transaction(async (tx) => {
    const seat = await seatIn(tx, procuratorateId, hearingId, input.panelistId);
    if (isFinishedHearing(seat.hearing.status)) throw new DomainError("hearings.error.illegalTransition", 409);
    // Once deliberation is closed the tally is final (听证规定 Art 16): no recusal can change it.
    if (seat.hearing.deliberationClosedAt) throw new DomainError("hearingPanel.error.recusalAfterDeliberation", 409);
    if (seat.recused) throw new DomainError("hearingPanel.error.alreadyRecused", 409);
    if (recusalState(seat) === "pending") throw new DomainError("hearingPanel.error.recusalPending", 409);
    const after = {
      recusalRequestedAt: now,
      recusalRequestedBy: input.requestedBy,
      recusalReason: input.reason,
      recusalDecision: null,
      recusalDecidedAt: null,
      recusalDecidedById: null,
    };
    await tx.hearingPanelist.update({
      where: { hearingId_panelistId: { hearingId: seat.hearingId, panelistId: seat.panelistId } },
      data: after,
    });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "hearing.recusal_request",
      entityType: "HearingPanelist",
      entityId: `${seat.hearingId}:${seat.panelistId}`,
      data: {
        hearingId: seat.hearingId,
        panelistId: seat.panelistId,
        before: {
          recusalRequestedAt: seat.recusalRequestedAt,
          recusalRequestedBy: seat.recusalRequestedBy,
          recusalReason: seat.recusalReason,
          recusalDecision: seat.recusalDecision,
        },
        after: { recusalRequestedAt: now, recusalRequestedBy: input.requestedBy, recusalReason: input.reason, recusalDecision: null },
      },
      at: now,
    });
    return { name: seat.panelist.name };
  });
}

/**
 * Decides the pending recusal request of a seat, recording who decided and when; granted recuses
 * the panelist (their seat and any opinion no longer count: app/domain/hearing/opinions.ts).
 */
export async function decideRecusal(
  procuratorateId: string,
  actorId: string,
  hearingId: string,
  input: { panelistId: string; decision: RecusalDecision },
  now: Date = new Date()
) {
  return prisma.$transaction(async (tx) => {
    const seat = await seatIn(tx, procuratorateId, hearingId, input.panelistId);
    if (recusalState(seat) !== "pending") throw new DomainError("hearingPanel.error.noRecusalRequest", 409);
    if (isFinishedHearing(seat.hearing.status)) throw new DomainError("hearings.error.illegalTransition", 409);
    // A decision after deliberation closed would change a frozen tally (听证规定 Art 16).
    if (seat.hearing.deliberationClosedAt) throw new DomainError("hearingPanel.error.recusalAfterDeliberation", 409);
    const granted = input.decision === "granted";
    // Compare-and-set on the pending request read above: a concurrent decision wins once.
    const changed = await tx.hearingPanelist.updateMany({
      where: { hearingId: seat.hearingId, panelistId: seat.panelistId, recusalDecision: null, recusalRequestedAt: seat.recusalRequestedAt },
      data: {
        recusalDecision: input.decision,
        recusalDecidedAt: now,
        recusalDecidedById: actorId,
        ...(granted ? { recused: true } : {}),
      },
    });
    if (changed.count !== 1) throw new DomainError("hearingPanel.error.noRecusalRequest", 409);
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "hearing.recusal_decision",
      entityType: "HearingPanelist",
      entityId: `${seat.hearingId}:${seat.panelistId}`,
      data: {
        hearingId: seat.hearingId,
        panelistId: seat.panelistId,
        before: { recusalDecision: null, recused: seat.recused },
        after: { recusalDecision: input.decision, recused: granted || seat.recused, recusalReason: seat.recusalReason },
      },
      at: now,
    });
    return { name: seat.panelist.name, decision: input.decision };
  });
}
