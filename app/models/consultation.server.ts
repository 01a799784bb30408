import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

// Consultations (磋商, 规则 Art 70): talks with the agency after filing, by meeting or by a
// 事实确认书, with minutes. Every function takes the procuratorate first and filters by it.

/** The case's consultations, oldest first; 404 when the case is not the procuratorate's. */
export async function listConsultations(procuratorateId: string, caseId: string) {
  const found = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: {
      id: true,
      consultations: {
        orderBy: [{ heldOn: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          heldOn: true,
          method: true,
          place: true,
          attendees: true,
          facts: true,
          agencyPosition: true,
          rectificationPlan: true,
          minutes: true,
        },
      },
    },
  });
  if (!found) notFound();
  return found.consultations;
}
