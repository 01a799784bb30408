import type { HearingRecord } from "~/domain/hearing/record";
import { buildHearingRecord } from "~/domain/hearing/record";
import { opinionsUnsealed } from "~/domain/hearing/opinions";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

// The hearing record (听证笔录) of one hearing of the procuratorate (another's → 404), built by the
// pure builder app/domain/hearing/record.ts. The documents issue renders it to .docx; the staff
// record page prints it. Opinions are read only once unsealed (the one sealing rule).

export async function getHearingRecord(procuratorateId: string, hearingId: string): Promise<HearingRecord> {
  const h = await prisma.hearing.findFirst({
    where: { id: hearingId, procuratorateId },
    select: {
      id: true,
      title: true,
      purpose: true,
      venue: true,
      startsAt: true,
      endsAt: true,
      isPublic: true,
      closedReason: true,
      status: true,
      deliberationClosedAt: true,
      deliberationSummary: true,
      hostSummary: true,
      concludedAt: true,
      host: { select: { id: true, displayName: true, post: true } },
      clerk: { select: { id: true, displayName: true, post: true } },
      cases: {
        orderBy: { ordinal: "asc" },
        select: {
          ordinal: true,
          issues: true,
          proposedHandling: true,
          proposal: true,
          case: {
            select: {
              id: true,
              number: true,
              title: true,
              respondentAgency: { select: { name: true } },
              leadProsecutor: { select: { id: true, displayName: true, post: true } },
            },
          },
        },
      },
      panelists: {
        orderBy: [{ invitedAt: "asc" }, { panelistId: "asc" }],
        select: {
          panelistId: true,
          recused: true,
          recusalReason: true,
          attended: true,
          panelist: { select: { name: true, category: true, workUnit: true } },
        },
      },
      participants: {
        orderBy: [{ organisation: "asc" }, { name: "asc" }],
        select: { id: true, kind: true, organisation: true, name: true, post: true, attended: true },
      },
      stages: { select: { stage: true, startedAt: true, endedAt: true, minutes: true } },
    },
  });
  if (!h) notFound();
  const opinions = opinionsUnsealed(h)
    ? await prisma.panelOpinion.findMany({
        where: { hearingId: h.id, hearing: { procuratorateId } },
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        select: { caseId: true, panelistId: true, stance: true, reasons: true, conditions: true, signedName: true, submittedAt: true },
      })
    : [];
  const { host, clerk, cases, panelists, participants, stages, ...hearing } = h;
  return buildHearingRecord({
    hearing,
    host,
    clerk,
    cases: cases.map((hc) => ({
      id: hc.case.id,
      ordinal: hc.ordinal,
      number: hc.case.number,
      title: hc.case.title,
      respondent: hc.case.respondentAgency?.name ?? null,
      issues: hc.issues,
      proposedHandling: hc.proposedHandling,
      proposal: hc.proposal,
      lead: hc.case.leadProsecutor,
    })),
    panelists: panelists.map((p) => ({
      panelistId: p.panelistId,
      name: p.panelist.name,
      category: p.panelist.category,
      workUnit: p.panelist.workUnit,
      recused: p.recused,
      recusalReason: p.recusalReason,
      attended: p.attended,
    })),
    participants,
    stages,
    opinions,
  });
}
