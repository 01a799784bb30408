import type { PanelistScope as PanelScope } from "~/domain/auth/policy";
import { panelReadsEvidence, panelSeesFile } from "~/domain/evidence/disclosure";
import { tallyOpinions } from "~/domain/hearing/majority";
import { countedOpinions, opinionsUnsealed } from "~/domain/hearing/opinions";
import { isFinishedHearing, splitUpcomingPast } from "~/domain/hearing/schedule";
import type { OpinionInput } from "~/domain/hearing/panel-schemas";
import { briefingOpen, declarationText, opinionConditions, opinionRefusal, signatureMatches } from "~/domain/hearing/panel";
import { declarationState } from "~/domain/hearing/states";
import { recordAudit } from "~/models/audit.server";
import { byteCount } from "~/utils/bytes";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { DomainError, notFound, orNotFound } from "~/utils/errors";

// The panel portal (听证员端). A panelist sees only the hearings they hold a seat on
// (HearingPanelist), in their own procuratorate; everything else answers "not found".
// DOMAIN §5: the briefing pack, own seat and own opinions; never internal approvals, drafts,
// informant identity, undisclosed evidence, or other panelists' opinions before the hearing closes.

export type { PanelistScope as PanelScope } from "~/domain/auth/policy";

// The declaration of a seat: signed, pending or recused (app/domain/hearing/states.ts).
export { declarationState, type DeclarationState } from "~/domain/hearing/states";

/** A panelist's home lists their latest sittings up to this many (a few a month in practice). */
export const PANEL_HEARINGS_MAX = 200;

/**
 * My hearings: those I sit on, current and upcoming first (soonest first), then past ones. Read
 * from my seats (HearingPanelist by panelistId), never by walking the procuratorate's hearings;
 * the case counts by one GROUP BY over those hearings only.
 */
export async function listPanelistHearings(scope: PanelScope) {
  const seats = await prisma.hearingPanelist.findMany({
    where: { panelistId: scope.panelistId, hearing: { procuratorateId: scope.procuratorateId } },
    orderBy: [{ hearing: { startsAt: "desc" } }, { hearingId: "asc" }],
    take: PANEL_HEARINGS_MAX,
    select: { hearingId: true, declaredAt: true, recused: true },
  });
  const ids = seats.map((s) => s.hearingId);
  const [found, caseCounts] = ids.length
    ? await Promise.all([
        prisma.hearing.findMany({
          // By primary key; the seats above are already scoped, and the scope is checked again.
          where: { id: { in: ids } },
          orderBy: { startsAt: "asc" },
          select: {
            id: true,
            procuratorateId: true,
            title: true,
            venue: true,
            startsAt: true,
            endsAt: true,
            status: true,
            isPublic: true,
            opinions: { where: { panelistId: scope.panelistId }, select: { caseId: true } },
          },
        }),
        prisma.hearingCase.groupBy({ by: ["hearingId"], where: { hearingId: { in: ids } }, _count: { _all: true } }),
      ])
    : [[], []];
  const seatOf = new Map(seats.map((s) => [s.hearingId, s]));
  const countOf = new Map(caseCounts.map((c) => [c.hearingId, c._count._all]));
  const hearings = found
    .filter((h) => h.procuratorateId === scope.procuratorateId)
    .map((h) => ({ ...h, _count: { cases: countOf.get(h.id) ?? 0 }, panelists: [seatOf.get(h.id)].filter((x) => !!x) }));
  const rows = hearings.map((h) => {
    const seat = h.panelists[0];
    return {
      id: h.id,
      title: h.title,
      venue: h.venue,
      startsAt: h.startsAt,
      endsAt: h.endsAt,
      status: h.status,
      isPublic: h.isPublic,
      caseCount: h._count.cases,
      opinionCount: h.opinions.length,
      declaration: seat ? declarationState(seat) : ("pending" as const),
      declaredAt: seat?.declaredAt ?? null,
    };
  });
  // For the panelist a hearing stays "upcoming" until it is concluded or cancelled.
  return splitUpcomingPast(rows, (r) => !isFinishedHearing(r.status));
}

type OpinionRow = {
  caseId: string;
  stance: string;
  reasons: string;
  conditions: string | null;
  submittedAt: Date;
  updatedAt: Date;
};

/**
 * The briefing pack of one hearing (听证规定 Art 11: facts, issues and law are explained to the
 * panelists); throws 404 when the panelist does not sit on it.
 */
export async function getPanelistBriefing(scope: PanelScope, hearingId: string) {
  // The seat first: until its declaration is signed (and never for a recused panelist) the
  // briefing (facts, issues, disclosed evidence) is not even read, only the hearing's notice.
  const gate = await prisma.hearingPanelist.findFirst({
    where: { hearingId, panelistId: scope.panelistId, hearing: { procuratorateId: scope.procuratorateId } },
    select: {
      invitedAt: true,
      declaredAt: true,
      declaration: true,
      recused: true,
      recusalReason: true,
      attended: true,
      panelist: { select: { name: true } },
      hearing: {
        select: {
          id: true,
          title: true,
          isPublic: true,
          closedReason: true,
          venue: true,
          startsAt: true,
          endsAt: true,
          status: true,
          deliberationClosedAt: true,
          concludedAt: true,
          procuratorate: { select: { name: true } },
          host: { select: { displayName: true, post: true } },
        },
      },
    },
  });
  if (!gate) notFound();
  if (!briefingOpen(gate)) {
    const { hearing: h, panelist, ...seat } = gate;
    return {
      id: h.id,
      title: h.title,
      purpose: null,
      isPublic: h.isPublic,
      closedReason: h.closedReason,
      venue: h.venue,
      startsAt: h.startsAt,
      endsAt: h.endsAt,
      status: h.status,
      concludedAt: h.concludedAt,
      outcome: null,
      procuratorate: h.procuratorate.name,
      host: h.host.displayName,
      hostPost: h.host.post,
      seat: { ...seat, state: declarationState(seat) },
      panelistName: panelist.name,
      briefingOpen: false,
      opinionsOpen: false,
      cases: [] as BriefingCase[],
      opinionsSealed: !opinionsUnsealed(h),
    };
  }
  const hearing = await prisma.hearing.findFirst({
    where: {
      id: hearingId,
      procuratorateId: scope.procuratorateId,
      panelists: { some: { panelistId: scope.panelistId } },
    },
    select: {
      id: true,
      title: true,
      purpose: true,
      isPublic: true,
      closedReason: true,
      venue: true,
      startsAt: true,
      endsAt: true,
      status: true,
      deliberationClosedAt: true,
      concludedAt: true,
      deliberationSummary: true,
      hostSummary: true,
      procuratorate: { select: { name: true } },
      host: { select: { displayName: true, post: true } },
      cases: {
        orderBy: { ordinal: "asc" },
        select: {
          ordinal: true,
          sessionAt: true,
          issues: true,
          proposedHandling: true,
          proposal: true,
          case: {
            select: {
              id: true,
              number: true,
              title: true,
              field: true,
              respondentUnknown: true,
              respondentAgency: { select: { name: true } },
            },
          },
        },
      },
      // Only the evidence disclosed to this hearing; the title, kind, description and the files
      // the panel may see (panelSeesFile: of an item with personal data only its redacted copies;
      // the originals are not even read), no source, no custody and no personal data of witnesses.
      disclosed: {
        orderBy: { disclosedAt: "asc" },
        select: {
          disclosedAt: true,
          evidence: {
            select: {
              id: true,
              caseId: true,
              ordinal: true,
              title: true,
              kind: true,
              description: true,
              containsPersonal: true,
              files: {
                where: { OR: [{ evidence: { containsPersonal: false } }, { redactionOfId: { not: null } }] },
                orderBy: [{ createdAt: "asc" }, { id: "asc" }],
                select: { id: true, originalName: true, mimeType: true, size: true, redactionOfId: true },
              },
            },
          },
        },
      },
      panelists: {
        where: { panelistId: scope.panelistId },
        select: {
          invitedAt: true,
          declaredAt: true,
          declaration: true,
          recused: true,
          recusalReason: true,
          attended: true,
        },
      },
    },
  });
  if (!hearing) notFound();
  const seat = orNotFound(hearing.panelists[0]);

  // One rule for staff and panel portal (app/domain/hearing/opinions.ts).
  const concluded = opinionsUnsealed(hearing);

  const mine: OpinionRow[] = await prisma.panelOpinion.findMany({
    where: { hearingId: hearing.id, panelistId: scope.panelistId },
    select: { caseId: true, stance: true, reasons: true, conditions: true, submittedAt: true, updatedAt: true },
  });
  // DOMAIN §5: other panelists' opinions stay sealed until the hearing closes. Recused
  // panelists' opinions do not count and are not shown (countedOpinions; 听证规定 Art 7).
  const seats = concluded
    ? await prisma.hearingPanelist.findMany({
        where: { hearingId: hearing.id },
        select: { panelistId: true, recused: true },
      })
    : [];
  const others = concluded
    ? countedOpinions(
        await prisma.panelOpinion.findMany({
          where: { hearingId: hearing.id, panelistId: { not: scope.panelistId } },
          orderBy: { submittedAt: "asc" },
          select: {
            panelistId: true,
            caseId: true,
            stance: true,
            reasons: true,
            conditions: true,
            submittedAt: true,
            panelist: { select: { name: true, category: true } },
          },
        }),
        seats
      )
    : [];

  // Evidence is grouped under the hearing's cases; a disclosure tied to no case on the hearing
  // is never shown.
  const cases = hearing.cases.map((hc) => {
    const c = hc.case;
    const own = mine.find((o) => o.caseId === c.id) ?? null;
    const panel = others.filter((o) => o.caseId === c.id);
    const counted = countedOpinions([...(own ? [{ ...own, panelistId: scope.panelistId }] : []), ...panel], seats);
    return {
      id: c.id,
      ordinal: hc.ordinal,
      number: c.number,
      title: c.title,
      field: c.field,
      respondent: c.respondentAgency?.name ?? null,
      respondentUnknown: c.respondentUnknown,
      sessionAt: hc.sessionAt,
      issues: hc.issues,
      // What the panel is asked to weigh (听证规定 Art 11: the panel is briefed on the proposed handling).
      proposedHandling: hc.proposedHandling,
      proposal: hc.proposal,
      // A cancelled hearing's panel no longer sees its evidence (the file route answers 404 too).
      evidence: hearing.disclosed
        .filter((d) => d.evidence.caseId === c.id && panelReadsEvidence(hearing.status))
        .map((d) => ({
          id: d.evidence.id,
          ordinal: d.evidence.ordinal,
          title: d.evidence.title,
          kind: d.evidence.kind,
          description: d.evidence.description,
          disclosedAt: d.disclosedAt,
          // The one rule again over what was read (app/domain/evidence/disclosure.ts); the original's
          // id is not handed on (redactionOfId stays here), only whether a file is a redacted copy.
          files: d.evidence.files
            .filter((f) => panelSeesFile(d.evidence, f))
            .map((f) => ({
              id: f.id,
              name: f.originalName,
              mimeType: f.mimeType,
              size: byteCount(f.size),
              redacted: f.redactionOfId !== null,
            })),
        }))
        .sort((a, b) => a.ordinal - b.ordinal),
      myOpinion: own,
      panel: concluded
        ? {
            tally: tallyOpinions(counted),
            opinions: panel.map((o) => ({
              panelistName: o.panelist.name,
              panelistCategory: o.panelist.category,
              stance: o.stance,
              reasons: o.reasons,
              conditions: o.conditions,
              submittedAt: o.submittedAt,
            })),
          }
        : null,
    };
  });

  return {
    id: hearing.id,
    title: hearing.title,
    purpose: hearing.purpose,
    isPublic: hearing.isPublic,
    closedReason: hearing.closedReason,
    venue: hearing.venue,
    startsAt: hearing.startsAt,
    endsAt: hearing.endsAt,
    status: hearing.status,
    concludedAt: hearing.concludedAt,
    // The outcome, said in the hearing room to all present, is shown once the hearing has closed.
    outcome: concluded ? { deliberation: hearing.deliberationSummary, host: hearing.hostSummary } : null,
    procuratorate: hearing.procuratorate.name,
    host: hearing.host.displayName,
    hostPost: hearing.host.post,
    seat: { ...seat, state: declarationState(seat) },
    panelistName: gate.panelist.name,
    briefingOpen: true,
    // Whether this panelist may give or change an opinion now (app/domain/hearing/panel.ts).
    opinionsOpen: opinionRefusal(hearing, seat) === null,
    cases: cases as BriefingCase[],
    opinionsSealed: !concluded,
  };
}

type BriefingCase = {
  id: string;
  ordinal: number;
  number: string | null;
  title: string;
  field: string;
  respondent: string | null;
  respondentUnknown: boolean;
  sessionAt: Date | null;
  issues: string | null;
  proposedHandling: string;
  proposal: string | null;
  evidence: {
    id: string;
    ordinal: number;
    title: string;
    kind: string;
    description: string | null;
    disclosedAt: Date;
    files: { id: string; name: string; mimeType: string; size: number; redacted: boolean }[];
  }[];
  myOpinion: OpinionRow | null;
  panel: {
    tally: ReturnType<typeof tallyOpinions>;
    opinions: {
      panelistName: string;
      panelistCategory: string;
      stance: string;
      reasons: string;
      conditions: string | null;
      submittedAt: Date;
    }[];
  } | null;
};

/** Reads the panelist's own seat on the hearing in the transaction; 404 when they hold none. */
async function mySeat(tx: Tx, scope: PanelScope, hearingId: string) {
  const seat = await tx.hearingPanelist.findFirst({
    where: { hearingId, panelistId: scope.panelistId, hearing: { procuratorateId: scope.procuratorateId } },
    select: {
      hearingId: true,
      declaredAt: true,
      recused: true,
      panelist: { select: { name: true } },
      hearing: { select: { id: true, status: true, deliberationClosedAt: true } },
    },
  });
  if (!seat) notFound();
  return seat;
}

/**
 * Signs the no-conflict declaration of the panelist's seat (听证规定 Art 7) with their name; the
 * briefing opens from then. Refused for a recused seat, a second signature, a hearing that is over,
 * or a signature that is not the panelist's name (400).
 */
export async function signDeclaration(scope: PanelScope, actorId: string, hearingId: string, signedName: string, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const seat = await mySeat(tx, scope, hearingId);
    if (seat.recused) throw new DomainError("hearingPanel.error.recused", 409);
    if (seat.declaredAt) throw new DomainError("hearingPanel.error.alreadyDeclared", 409);
    if (isFinishedHearing(seat.hearing.status)) throw new DomainError("hearings.error.illegalTransition", 409);
    if (!signatureMatches(signedName, seat.panelist.name)) throw new DomainError("hearingPanel.error.signatureMismatch", 400);
    const declaration = declarationText(signedName);
    const changed = await tx.hearingPanelist.updateMany({
      where: { hearingId: seat.hearingId, panelistId: scope.panelistId, declaredAt: null },
      data: { declaredAt: now, declaration },
    });
    if (changed.count !== 1) throw new DomainError("hearingPanel.error.alreadyDeclared", 409);
    await recordAudit(tx, {
      procuratorateId: scope.procuratorateId,
      actorId,
      action: "hearing.panel_declaration",
      entityType: "HearingPanelist",
      entityId: `${seat.hearingId}:${scope.panelistId}`,
      data: { hearingId: seat.hearingId, panelistId: scope.panelistId, before: { declaredAt: null }, after: { declaredAt: now } },
      at: now,
    });
  });
}

/**
 * Gives or changes the panelist's opinion on one case of the hearing, signed with their name.
 * Refused unless opinionRefusal allows it (declared, not recused, hearing in progress or in recess,
 * deliberation not closed); the database refuses a change after closing too (trigger
 * PanelOpinion_locked_*). The audit event records that an opinion was given, not what it says:
 * opinions stay sealed from staff until deliberation closes.
 */
export async function saveOpinion(scope: PanelScope, actorId: string, hearingId: string, input: OpinionInput, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const seat = await mySeat(tx, scope, hearingId);
    const onHearing = await tx.hearingCase.findUnique({
      where: { hearingId_caseId: { hearingId: seat.hearingId, caseId: input.caseId } },
      select: { caseId: true },
    });
    if (!onHearing) notFound();
    const refusal = opinionRefusal(seat.hearing, seat);
    if (refusal) throw new DomainError(refusal, 409);
    if (!signatureMatches(input.signedName, seat.panelist.name)) {
      throw new DomainError("hearingPanel.error.signatureMismatch", 400);
    }
    const data = {
      stance: input.stance,
      reasons: input.reasons,
      conditions: opinionConditions(input.stance, input.conditions),
      signedName: input.signedName.trim(),
    };
    const key = { hearingId_caseId_panelistId: { hearingId: seat.hearingId, caseId: onHearing.caseId, panelistId: scope.panelistId } };
    const before = await tx.panelOpinion.findUnique({ where: key, select: { id: true } });
    const saved = await tx.panelOpinion
      .upsert({
        where: key,
        create: { hearingId: seat.hearingId, caseId: onHearing.caseId, panelistId: scope.panelistId, submittedAt: now, ...data },
        update: { ...data, submittedAt: now },
        select: { id: true },
      })
      .catch((error: unknown) => {
        throw opinionLockError(error);
      });
    await recordAudit(tx, {
      procuratorateId: scope.procuratorateId,
      actorId,
      action: before ? "hearing.opinion_change" : "hearing.opinion_give",
      entityType: "PanelOpinion",
      entityId: saved.id,
      data: { hearingId: seat.hearingId, caseId: onHearing.caseId, panelistId: scope.panelistId },
      at: now,
    });
    return { id: saved.id, changed: before !== null };
  });
}

/**
 * Maps the DB's opinion lock (trigger of migration 20261201110001_opinion_lock: RAISE ABORT 'panel
 * opinion is final') to the domain refusal: the host closed deliberation between our check and the
 * write, so the panelist gets 409 opinionsClosed instead of a 500. Any other error is returned as is.
 */
export function opinionLockError(error: unknown): unknown {
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
  let meta = "";
  try {
    meta = JSON.stringify(error);
  } catch {
    meta = "";
  }
  return /panel opinion is final/.test(text) || /panel opinion is final/.test(meta)
    ? new DomainError("hearings.error.opinionsClosed", 409)
    : error;
}
