import { informantView, mayRevealCaseInformant } from "~/domain/privacy/mask";
import { recordAudit } from "~/models/audit.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

// Read side of the case page, one function per tab (app/routes/_staff.cases.$caseId.*). Each takes
// the procuratorate first and filters by it, so a case of another procuratorate is "not found"
// (DESIGN.md: scope in the query). Reads only: viewing a case writes nothing.

/** The case's id when it belongs to the procuratorate; 404 otherwise. */
async function caseInScope(procuratorateId: string, caseId: string) {
  const found = await prisma.case.findFirst({ where: { id: caseId, procuratorateId }, select: { id: true } });
  if (!found) notFound();
  return found.id;
}

/**
 * The layout's header: title, number, state, the stage strip's history and the tab counts. The
 * counts are separate counts by each table's caseId index: Prisma's relation `_count` aggregates
 * the whole related table (every evidence item of the province) before it joins one case.
 */
export async function getCaseHeader(procuratorateId: string, caseId: string) {
  const [found, evidence, consultations, hearingCases, recommendations, services, documents] = await Promise.all([
    prisma.case.findFirst({
      where: { id: caseId, procuratorateId },
      select: {
        id: true,
        number: true,
        title: true,
        state: true,
        urgent: true,
        version: true,
        transitions: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { fromState: true, toState: true } },
      },
    }),
    prisma.evidence.count({ where: { caseId } }),
    prisma.consultation.count({ where: { caseId } }),
    prisma.hearingCase.count({ where: { caseId, hearing: { procuratorateId } } }),
    prisma.recommendation.count({ where: { caseId } }),
    prisma.service.count({ where: { caseId } }),
    prisma.generatedDocument.count({ where: { caseId, procuratorateId } }),
  ]);
  if (!found) notFound();
  return { ...found, _count: { evidence, consultations, hearingCases, recommendations, services, documents } };
}
export type CaseHeaderData = Awaited<ReturnType<typeof getCaseHeader>>;

/**
 * The overview: facts, team, clue. The informant of the case's clue comes back masked; a member of
 * the case team may ask to see it in full (`showInformant`), and that view is recorded in the audit
 * chain, the only write a GET makes (个人信息保护法 Art 34; DOMAIN.md §5; docs/decisions on view
 * events).
 */
export async function getCaseOverview(
  procuratorateId: string,
  caseId: string,
  viewerId: string,
  options: { showInformant?: boolean } = {}
) {
  const found = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: {
      id: true,
      number: true,
      title: true,
      field: true,
      state: true,
      urgent: true,
      version: true,
      summary: true,
      respondentUnknown: true,
      filedOn: true,
      closedOn: true,
      suspendedOn: true,
      updatedAt: true,
      leadProsecutorId: true,
      respondentAgency: { select: { id: true, name: true } },
      leadProsecutor: { select: { id: true, displayName: true, post: true } },
      members: {
        orderBy: { userId: "asc" },
        select: { role: true, user: { select: { id: true, displayName: true, post: true } } },
      },
      clue: {
        select: {
          id: true,
          number: true,
          source: true,
          receivedOn: true,
          informantName: true,
          informantPhone: true,
          informantIdNumber: true,
        },
      },
      series: { select: { id: true, name: true } },
    },
  });
  if (!found) notFound();
  const { clue, ...rest } = found;
  const mayReveal = mayRevealCaseInformant(viewerId, {
    leadProsecutorId: found.leadProsecutorId,
    memberIds: found.members.map((m) => m.user.id),
  });
  const hasInformant = !!clue && !!(clue.informantName || clue.informantPhone || clue.informantIdNumber);
  const reveal = mayReveal && hasInformant && !!options.showInformant;
  if (reveal && clue) {
    await prisma.$transaction((tx) =>
      recordAudit(tx, {
        procuratorateId,
        actorId: viewerId,
        action: "clue.informant.view",
        entityType: "Clue",
        entityId: clue.id,
        caseId: found.id,
        data: {
          from: "case",
          fields: (["informantName", "informantPhone", "informantIdNumber"] as const).filter((f) => clue[f]),
        },
      })
    );
  }
  return {
    ...rest,
    clue: clue
      ? {
          id: clue.id,
          number: clue.number,
          source: clue.source,
          receivedOn: clue.receivedOn,
          informant: informantView(
            { name: clue.informantName, phone: clue.informantPhone, idNumber: clue.informantIdNumber },
            reveal,
          ),
        }
      : null,
    informantRevealed: reveal,
    mayRevealInformant: mayReveal && hasInformant,
  };
}
export type CaseOverview = Awaited<ReturnType<typeof getCaseOverview>>;

/** Evidence items in ordinal order, with how many files and custody events each has. */
export async function getCaseEvidence(procuratorateId: string, caseId: string) {
  const id = await caseInScope(procuratorateId, caseId);
  return prisma.evidence.findMany({
    where: { caseId: id },
    orderBy: { ordinal: "asc" },
    select: {
      id: true,
      ordinal: true,
      title: true,
      kind: true,
      collectedOn: true,
      otherCollectors: true,
      isOriginal: true,
      containsPersonal: true,
      _count: { select: { files: true, custody: true } },
    },
  });
}

/** The case's hearings (a series hearing lists the case once, with its own session and issues). */
export async function getCaseHearings(procuratorateId: string, caseId: string) {
  const id = await caseInScope(procuratorateId, caseId);
  return prisma.hearingCase.findMany({
    where: { caseId: id, hearing: { procuratorateId } },
    orderBy: { hearing: { startsAt: "asc" } },
    select: {
      ordinal: true,
      sessionAt: true,
      issues: true,
      hearing: { select: { id: true, title: true, startsAt: true, status: true, venue: true, isPublic: true } },
    },
  });
}

/** Services of the recommendations and of the case's other documents, replies and follow-ups. */
export async function getCaseServices(procuratorateId: string, caseId: string) {
  const id = await caseInScope(procuratorateId, caseId);
  const [recommendations, services, followUps] = await Promise.all([
    prisma.recommendation.findMany({
      where: { caseId: id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        number: true,
        status: true,
        points: { orderBy: { ordinal: "asc" }, select: { id: true, ordinal: true, text: true } },
        services: {
          orderBy: [{ servedOn: "asc" }, { createdAt: "asc" }],
          select: {
            id: true,
            method: true,
            servedOn: true,
            recipient: true,
            signedBy: true,
            agency: { select: { name: true } },
            // The 检察建议书 the service delivered, when it was issued in the system.
            document: { select: { id: true, title: true } },
          },
        },
        // A draft is the agency's unsent work; staff see replies once submitted.
        replies: {
          where: { status: { not: "draft" } },
          orderBy: [{ submittedAt: "asc" }, { createdAt: "asc" }],
          select: {
            id: true,
            status: true,
            summary: true,
            submittedAt: true,
            agency: { select: { name: true } },
            _count: { select: { attachments: true } },
            answers: { select: { pointId: true, status: true, text: true } },
          },
        },
      },
    }),
    // Services of other documents (立案决定书, 终结案件决定书 …); recommendation services are above.
    prisma.service.findMany({
      where: { caseId: id, recommendationId: null },
      orderBy: [{ servedOn: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        documentKind: true,
        documentNumber: true,
        method: true,
        servedOn: true,
        recipient: true,
        agency: { select: { name: true } },
        document: { select: { id: true, title: true } },
      },
    }),
    prisma.followUp.findMany({
      where: { caseId: id },
      orderBy: [{ assessedOn: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        assessedOn: true,
        method: true,
        findings: true,
        conclusion: true,
        disposition: true,
        recommendation: { select: { number: true } },
      },
    }),
  ]);
  return {
    recommendations: recommendations.map((r) => {
      const ordinalOf = new Map(r.points.map((p) => [p.id, p.ordinal]));
      return {
        ...r,
        replies: r.replies.map((reply) => ({
          ...reply,
          answers: reply.answers
            .map((a) => ({ ordinal: ordinalOf.get(a.pointId) ?? 0, status: a.status, text: a.text }))
            .sort((a, b) => a.ordinal - b.ordinal),
        })),
      };
    }),
    services,
    followUps,
  };
}
export type CaseServices = Awaited<ReturnType<typeof getCaseServices>>;

/** Documents generated for the case, newest first. */
export async function getCaseDocuments(procuratorateId: string, caseId: string) {
  const id = await caseInScope(procuratorateId, caseId);
  return prisma.generatedDocument.findMany({
    where: { caseId: id, procuratorateId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      kind: true,
      number: true,
      title: true,
      size: true,
      agencyVisible: true,
      createdAt: true,
      agency: { select: { name: true } },
      createdBy: { select: { displayName: true } },
      _count: { select: { services: true } },
    },
  });
}

export type TimelineEntry =
  | { kind: "transition"; key: string; at: Date; from: string; to: string; actor: string | null; reason: string | null }
  | { kind: "event"; key: string; at: Date; action: string; entityType: string; actor: string | null };

/**
 * The log tab: approval requests of the case and the timeline. State changes come from
 * CaseTransition (with reason); the audit log adds everything else, so its own "case.transition"
 * rows are left out to avoid listing a move twice.
 */
export async function getCaseLog(procuratorateId: string, caseId: string) {
  const id = await caseInScope(procuratorateId, caseId);
  const [approvals, transitions, auditEvents] = await Promise.all([
    prisma.approval.findMany({
      where: { caseId: id, procuratorateId },
      orderBy: [{ requestedAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        subject: true,
        decision: true,
        requestedAt: true,
        decidedAt: true,
        comment: true,
        requestedBy: { select: { displayName: true } },
        decidedBy: { select: { displayName: true } },
      },
    }),
    prisma.caseTransition.findMany({
      where: { caseId: id },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { id: true, fromState: true, toState: true, actorId: true, reason: true, at: true },
    }),
    prisma.auditEvent.findMany({
      where: { caseId: id, procuratorateId },
      orderBy: { seq: "desc" },
      take: 200,
      select: { seq: true, action: true, entityType: true, at: true, actor: { select: { displayName: true } } },
    }),
  ]);
  const actorIds = [...new Set(transitions.map((t) => t.actorId))];
  const actors = actorIds.length
    ? await prisma.user.findMany({ where: { id: { in: actorIds }, procuratorateId }, select: { id: true, displayName: true } })
    : [];
  const nameOf = new Map(actors.map((u) => [u.id, u.displayName]));
  const timeline: TimelineEntry[] = [
    ...transitions.map(
      (t): TimelineEntry => ({
        kind: "transition",
        key: `t-${t.id}`,
        at: t.at,
        from: t.fromState,
        to: t.toState,
        actor: nameOf.get(t.actorId) ?? null,
        reason: t.reason,
      }),
    ),
    ...auditEvents
      .filter((e) => e.action !== "case.transition")
      .map(
        (e): TimelineEntry => ({
          kind: "event",
          key: `e-${e.seq}`,
          at: e.at,
          action: e.action,
          entityType: e.entityType,
          actor: e.actor?.displayName ?? null,
        }),
      ),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  return { approvals, timeline };
}
