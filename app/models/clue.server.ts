import type { ClueListFilter } from "~/domain/case/schemas";
import { PAGE_SIZE } from "~/domain/case/schemas";
import { informantView, mayRevealClueInformant } from "~/domain/privacy/mask";
import type { Prisma } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import { pageWindow } from "~/utils/pagination";

// Read side of clues (线索, 规则 Arts 24–30). Every function takes the procuratorate first and
// filters by it. Informant data never leaves this module unmasked unless the viewer registered the
// clue or is its assignee (个人信息保护法 Art 34).

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

/** One clue with its evaluation and linked cases; the informant masked unless the viewer may see it. */
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
        },
      },
    },
  });
  if (!clue) notFound();
  const { informantName, informantPhone, informantIdNumber, procuratorate, ...rest } = clue;
  const reveal = mayRevealClueInformant(viewerId, { registeredById: clue.registeredById, assigneeId: clue.assigneeId });
  return {
    ...rest,
    clueEvaluationDays: procuratorate.clueEvaluationDays,
    informant: informantView({ name: informantName, phone: informantPhone, idNumber: informantIdNumber }, reveal),
    informantRevealed: reveal,
  };
}

export type ClueDetail = Awaited<ReturnType<typeof getClue>>;
