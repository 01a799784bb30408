import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

// 检察建议 drafts and letters of a case (规则 Art 75; 建议规定 Arts 16, 20). Every function takes
// the procuratorate first and filters by it, so another procuratorate's case is "not found".

/** The case's recommendations with their points, oldest first. */
export async function listRecommendations(procuratorateId: string, caseId: string) {
  const found = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: {
      id: true,
      recommendations: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          number: true,
          status: true,
          facts: true,
          reasons: true,
          legalBasis: true,
          replyPeriod: true,
          ccList: true,
          issuedOn: true,
          points: { orderBy: { ordinal: "asc" }, select: { id: true, ordinal: true, text: true } },
        },
      },
    },
  });
  if (!found) notFound();
  return found.recommendations;
}
export type RecommendationView = Awaited<ReturnType<typeof listRecommendations>>[number];
