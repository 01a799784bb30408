import type { OpinionTally } from "~/domain/hearing/majority";
import { departsFromMajority, opinionStanceSchema, tallyOpinions } from "~/domain/hearing/majority";
import { pendingHearingDecision } from "~/domain/hearing/decision-pending";
import { countedOpinions, opinionsUnsealed } from "~/domain/hearing/opinions";
import type { DecisionInput, DepartureRequestInput } from "~/domain/hearing/panel-schemas";
import { parseStoredApprovalPayload } from "~/domain/approval/payloads";
import { requestApproval } from "~/models/approval-request.server";
import { recordAudit } from "~/models/audit.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

// The effect of a hearing (issue 9): after the host closes deliberation the prosecutor records the
// procuratorate's decision on each case as a stance on the proposal. 听证规定 Art 16: a decision that
// departs from the panel's majority needs the chief's approval (kind departure_from_majority, bound
// to the case and the hearing), which the decision names (HearingCase.departureApprovalId).
// The case page shows each hearing's tally, sealed until deliberation closes (opinionsUnsealed).

const DEPARTURE = "departure_from_majority" as const;

/** The tally of one case of an unsealed hearing: recused panelists' opinions do not count. */
async function tallyOf(db: Tx, hearingId: string, caseId: string, seats: { panelistId: string; recused: boolean }[]) {
  const opinions = await db.panelOpinion.findMany({ where: { hearingId, caseId }, select: { panelistId: true, stance: true } });
  return tallyOpinions(countedOpinions(opinions, seats));
}

async function unsealedHearing(tx: Tx, procuratorateId: string, hearingId: string, caseId: string) {
  const hearing = await tx.hearing.findFirst({
    where: { id: hearingId, procuratorateId },
    select: {
      id: true,
      status: true,
      deliberationClosedAt: true,
      panelists: { select: { panelistId: true, recused: true } },
      cases: {
        where: { caseId },
        select: { caseId: true, decisionStance: true, case: { select: { number: true, title: true } } },
      },
    },
  });
  if (!hearing) notFound();
  const hc = hearing.cases[0];
  if (!hc) notFound();
  // One rule: the decision follows the unsealed opinions (app/domain/hearing/opinions.ts).
  if (!opinionsUnsealed(hearing)) throw new DomainError("hearingPanel.error.decisionBeforeClose", 409);
  return { hearing, hc };
}

/**
 * Records the decision on one case of the hearing. Refused before deliberation closes, when already
 * recorded, and (听证规定 Art 16) when it departs from the majority without an approved, unused
 * departure_from_majority approval for this case and hearing; that approval is marked used.
 */
export async function recordDecision(procuratorateId: string, actorId: string, hearingId: string, input: DecisionInput, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const { hearing, hc } = await unsealedHearing(tx, procuratorateId, hearingId, input.caseId);
    if (hc.decisionStance) throw new DomainError("hearingPanel.error.alreadyDecided", 409);
    const tally = await tallyOf(tx, hearing.id, hc.caseId, hearing.panelists);
    let departureApprovalId: string | null = null;
    if (departsFromMajority(tally, input.stance)) {
      // Only an approval of departing to this very stance allows it (an approval for 'agree'
      // does not allow 'disagree'); old approvals stored without a stance allow none.
      const approvals = await tx.approval.findMany({
        where: { procuratorateId, kind: DEPARTURE, caseId: hc.caseId, hearingId: hearing.id, decision: "approved", usedAt: null },
        orderBy: { decidedAt: "desc" },
        select: { id: true, payload: true },
      });
      const approval = approvals.find((a) => parseStoredApprovalPayload(DEPARTURE, a.payload)?.stance === input.stance);
      if (!approval) throw new DomainError("hearingPanel.error.departureNeedsApproval", 409);
      const used = await tx.approval.updateMany({ where: { id: approval.id, usedAt: null }, data: { usedAt: now } });
      if (used.count !== 1) throw new DomainError("hearingPanel.error.departureNeedsApproval", 409);
      departureApprovalId = approval.id;
    }
    const changed = await tx.hearingCase.updateMany({
      where: { hearingId: hearing.id, caseId: hc.caseId, decisionStance: null },
      data: { decisionStance: input.stance, decisionNote: input.note, decidedAt: now, decidedById: actorId, departureApprovalId },
    });
    if (changed.count !== 1) throw new DomainError("hearingPanel.error.alreadyDecided", 409);
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "hearing.decision",
      entityType: "HearingCase",
      entityId: `${hearing.id}:${hc.caseId}`,
      caseId: hc.caseId,
      data: {
        hearingId: hearing.id,
        majority: tally.majority,
        before: { decisionStance: null },
        after: { decisionStance: input.stance, decisionNote: input.note, departureApprovalId },
      },
      at: now,
    });
    return { departed: departureApprovalId !== null };
  });
}

/**
 * Asks the chief to approve departing from the majority on one case (听证规定 Art 16), with its
 * reason, through the one request path (requestApproval: 409 if one is already pending). Refused
 * before deliberation closes, after the decision, and when the panel has no majority to depart from.
 */
export async function requestDeparture(procuratorateId: string, actorId: string, hearingId: string, input: DepartureRequestInput) {
  return prisma.$transaction(async (tx) => {
    const { hearing, hc } = await unsealedHearing(tx, procuratorateId, hearingId, input.caseId);
    if (hc.decisionStance) throw new DomainError("hearingPanel.error.alreadyDecided", 409);
    const tally = await tallyOf(tx, hearing.id, hc.caseId, hearing.panelists);
    if (!tally.majority) throw new DomainError("hearingPanel.error.noMajority", 409);
    if (!departsFromMajority(tally, input.stance)) throw new DomainError("hearingPanel.error.notADeparture", 409);
    return requestApproval(
      {
        procuratorateId,
        requestedById: actorId,
        kind: DEPARTURE,
        subject: `不采纳听证员多数意见：${hc.case.number ?? hc.case.title}`,
        caseId: hc.caseId,
        hearingId: hearing.id,
        payload: { reason: input.reason, stance: input.stance },
      },
      tx
    );
  });
}

/** The decision side of the opinions tab: per case the decision and the departure requests. */
export async function getHearingDecisions(procuratorateId: string, hearingId: string) {
  const hearing = await prisma.hearing.findFirst({
    where: { id: hearingId, procuratorateId },
    select: {
      id: true,
      status: true,
      deliberationClosedAt: true,
      cases: {
        orderBy: { ordinal: "asc" },
        select: {
          caseId: true,
          decisionStance: true,
          decisionNote: true,
          decidedAt: true,
          decidedBy: { select: { displayName: true } },
          departureApprovalId: true,
        },
      },
    },
  });
  if (!hearing) notFound();
  const unsealed = opinionsUnsealed(hearing);
  const approvals = unsealed
    ? await prisma.approval.findMany({
        where: { procuratorateId, hearingId: hearing.id, kind: DEPARTURE },
        orderBy: [{ requestedAt: "desc" }, { id: "asc" }],
        select: { id: true, caseId: true, decision: true, requestedAt: true, decidedAt: true, usedAt: true, payload: true },
      })
    : [];
  return {
    unsealed,
    decisions: hearing.cases.map((c) => ({
      ...c,
      decisionStance: c.decisionStance ? opinionStanceSchema.catch("agree").parse(c.decisionStance) : null,
      departures: approvals
        .filter((a) => a.caseId === c.caseId)
        .map(({ payload, ...a }) => ({
          ...a,
          reason: reasonOf(payload),
          stance: parseStoredApprovalPayload(DEPARTURE, payload)?.stance ?? null,
        })),
    })),
  };
}

function reasonOf(payload: string | null): string | null {
  if (!payload) return null;
  try {
    const v = JSON.parse(payload) as { reason?: unknown };
    return typeof v.reason === "string" ? v.reason : null;
  } catch {
    return null;
  }
}

export type CaseHearingTally =
  | { hearingId: string; sealed: true }
  | { hearingId: string; sealed: false; tally: OpinionTally; decisionStance: string | null; departed: boolean };

/**
 * The panel's tally on one case for each hearing of it (the case page's hearings tab): 'sealed'
 * until the host closes deliberation (opinionsUnsealed), then the counts, the majority and the
 * decision recorded. One GROUP BY over the unsealed hearings' opinions on this case.
 */
export async function getCaseHearingTallies(procuratorateId: string, caseId: string): Promise<CaseHearingTally[]> {
  const rows = await prisma.hearingCase.findMany({
    where: { caseId, case: { procuratorateId }, hearing: { procuratorateId } },
    orderBy: { hearing: { startsAt: "asc" } },
    take: 50,
    select: {
      hearingId: true,
      decisionStance: true,
      departureApprovalId: true,
      hearing: { select: { status: true, deliberationClosedAt: true, panelists: { select: { panelistId: true, recused: true } } } },
    },
  });
  const open = rows.filter((r) => opinionsUnsealed(r.hearing));
  const opinions = open.length
    ? await prisma.panelOpinion.findMany({
        where: { caseId, hearingId: { in: open.map((r) => r.hearingId) } },
        select: { hearingId: true, panelistId: true, stance: true },
      })
    : [];
  return rows.map((r) =>
    opinionsUnsealed(r.hearing)
      ? {
          hearingId: r.hearingId,
          sealed: false as const,
          tally: tallyOpinions(countedOpinions(opinions.filter((o) => o.hearingId === r.hearingId), r.hearing.panelists)),
          decisionStance: r.decisionStance,
          departed: r.departureApprovalId !== null,
        }
      : { hearingId: r.hearingId, sealed: true as const }
  );
}

/**
 * Refuses (409) a case step that carries the case on (closure, recommendation, suit) while one of
 * its hearings has unsealed opinions but no recorded decision (app/domain/hearing/decision-pending.ts).
 */
export async function assertNoPendingHearingDecision(tx: Tx, procuratorateId: string, caseId: string): Promise<void> {
  const rows = await tx.hearingCase.findMany({
    where: { caseId, hearing: { procuratorateId } },
    select: { hearingId: true, decisionStance: true, hearing: { select: { title: true, status: true, deliberationClosedAt: true } } },
  });
  const pending = pendingHearingDecision(rows.map((r) => ({ hearingId: r.hearingId, decisionStance: r.decisionStance, ...r.hearing })));
  if (pending) throw new DomainError("hearings.error.decisionPending", 409);
}
