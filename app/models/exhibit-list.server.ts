import type { ExhibitRow } from "~/domain/evidence/exhibit-list";
import { EXHIBIT_ITEMS_MAX } from "~/domain/evidence/exhibit-list";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

// The exhibit list (证据清单) of a case: the rows for app/domain/evidence/exhibit-list.ts, scoped to
// the actor's procuratorate (another's case answers 404).

/**
 * The case's header and its items' rows, in the case's numbering: at most EXHIBIT_ITEMS_MAX rows;
 * `total` counts every item and `truncated` says the rows stop short of it, so that no reader (the
 * page, a generated document) passes a cut list off as complete.
 */
export async function exhibitList(procuratorateId: string, caseId: string) {
  const found = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: {
      id: true,
      number: true,
      title: true,
      procuratorate: { select: { name: true } },
      respondentAgency: { select: { name: true } },
    },
  });
  if (!found) notFound();
  const total = await prisma.evidence.count({ where: { caseId: found.id } });
  const rows: ExhibitRow[] = await prisma.evidence.findMany({
    where: { caseId: found.id },
    orderBy: { ordinal: "asc" },
    take: EXHIBIT_ITEMS_MAX,
    select: {
      ordinal: true,
      kind: true,
      title: true,
      collectedOn: true,
      collectedPlace: true,
      isOriginal: true,
      otherCollectors: true,
      collectors: { select: { user: { select: { displayName: true } } } },
      files: {
        select: { id: true, originalName: true, sha256: true, size: true, mimeType: true, redactionOfId: true, createdAt: true },
      },
    },
  }).then((items) => items.map(({ collectors, ...i }) => ({ ...i, collectors: collectors.map((c) => c.user) })));
  return {
    case: {
      id: found.id,
      number: found.number,
      title: found.title,
      procuratorate: found.procuratorate.name,
      respondent: found.respondentAgency?.name ?? null,
    },
    rows,
    total,
    truncated: total > rows.length,
  };
}
