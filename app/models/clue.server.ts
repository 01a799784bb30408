import type { ClueListFilter } from "~/domain/case/schemas";
import { PAGE_SIZE } from "~/domain/case/schemas";
import { informantView, mayRevealClueInformant } from "~/domain/privacy/mask";
import type { Prisma } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import { pageWindow } from "~/utils/pagination";

// Read side of clues (线索, 规则 Arts 24–30). Every function takes the procuratorate first and
// filters by it. Informant data never leaves this module unmasked: the registrar and the assignee
// (个人信息保护法 Art 34) see it in full only through the explicit, audited "show identity" action
// (showClueInformant in clue-workflow.server.ts; docs/decisions/0012-view-events.md).

/** The clue register: newest received first, with the cases filed from each clue. */
export async function listClues(procuratorateId: string, filter: ClueListFilter) {
  const where: Prisma.ClueWhereInput = { procuratorateId };
  if (filter.status) where.status = filter.status;
  if (filter.source) where.source = filter.source;
  const [total, byStatus] = await Promise.all([
    prisma.clue.count({ where }),
    prisma.clue.groupBy({ by: ["status"], where: { procuratorateId }, _count: { _all: true } }),
  ]);
  const { page, pages, skip, take } = pageWindow(total, filter.page, PAGE_SIZE);
  const items =
    total === 0
      ? []
      : await prisma.clue.findMany({
          where,
          orderBy: [{ receivedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
          skip,
          take,
          select: {
            id: true,
            number: true,
            source: true,
            receivedOn: true,
            summary: true,
            field: true,
            status: true,
            assignee: { select: { displayName: true } },
            cases: {
              where: { procuratorateId },
              orderBy: { createdAt: "asc" },
              select: { id: true, number: true, title: true, state: true },
            },
          },
        });
  const statusCounts: Record<string, number> = {};
  for (const row of byStatus) statusCounts[row.status] = row._count._all;
  return { items, total, page, pages, pageSize: PAGE_SIZE, statusCounts };
}

/**
 * One clue with its evaluation and linked cases (with their pending approvals); the informant
 * always masked, and whether the viewer may ask to see it in full.
 */
export async function getClue(procuratorateId: string, clueId: string, viewerId: string) {
  const clue = await prisma.clue.findFirst({
    where: { id: clueId, procuratorateId },
    select: {
      id: true,
      number: true,
      source: true,
      receivedOn: true,
      summary: true,
      field: true,
      location: true,
      status: true,
      evaluation: true,
      transferredTo: true,
      transferredOn: true,
      informantName: true,
      informantPhone: true,
      informantIdNumber: true,
      registeredById: true,
      assigneeId: true,
      createdAt: true,
      updatedAt: true,
      registeredBy: { select: { displayName: true } },
      assignee: { select: { displayName: true } },
      procuratorate: { select: { clueEvaluationDays: true } },
      cases: {
        where: { procuratorateId },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          number: true,
          title: true,
          state: true,
          filedOn: true,
          respondentUnknown: true,
          respondentAgency: { select: { name: true } },
          leadProsecutor: { select: { displayName: true } },
          approvals: {
            where: { procuratorateId, decision: "pending" },
            orderBy: { requestedAt: "asc" },
            select: { id: true, kind: true },
          },
        },
      },
    },
  });
  if (!clue) notFound();
  const { informantName, informantPhone, informantIdNumber, procuratorate, ...rest } = clue;
  return {
    ...rest,
    clueEvaluationDays: procuratorate.clueEvaluationDays,
    informant: informantView({ name: informantName, phone: informantPhone, idNumber: informantIdNumber }, false),
    /** Whether the viewer is one of those who may show the identity (the route also checks the role). */
    mayShowInformant: mayRevealClueInformant(viewerId, { registeredById: clue.registeredById, assigneeId: clue.assigneeId }),
  };
}

export type ClueDetail = Awaited<ReturnType<typeof getClue>>;

/** The clue's id within the procuratorate, or 404: actions check scope before reading the form. */
export async function clueRef(procuratorateId: string, clueId: string) {
  const clue = await prisma.clue.findFirst({ where: { id: clueId, procuratorateId }, select: { id: true } });
  if (!clue) notFound();
  return clue;
}
