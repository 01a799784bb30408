import { clueStatusSchema } from "~/domain/case/schemas";
import { caseStateSchema } from "~/domain/case/states";
import { assertClueTransition, clueStatusAfterCaseDecision } from "~/domain/clue/lifecycle";
import { recordAudit } from "~/models/audit.server";
import type { Tx } from "~/utils/db.server";

/**
 * After the chief's decision moved a case out of `evaluation` (filed or not filed), the clue it
 * came from follows (规则 Art 30): filed once one of its cases is filed, not filed once every one
 * was refused. Called by transitionCase in the same transaction; a case without a clue, or a clue
 * already settled, does nothing.
 */
export async function clueFollowsCase(tx: Tx, input: { procuratorateId: string; caseId: string; actorId: string; at?: Date }) {
  const kase = await tx.case.findFirst({
    where: { id: input.caseId, procuratorateId: input.procuratorateId },
    select: { clueId: true },
  });
  if (!kase?.clueId) return null;
  const clue = await tx.clue.findFirst({
    where: { id: kase.clueId, procuratorateId: input.procuratorateId },
    select: { id: true, status: true, cases: { where: { procuratorateId: input.procuratorateId }, select: { state: true } } },
  });
  if (!clue) return null;
  const from = clueStatusSchema.parse(clue.status);
  const to = clueStatusAfterCaseDecision(
    from,
    clue.cases.map((c) => caseStateSchema.parse(c.state)),
  );
  if (!to) return null;
  const edge = assertClueTransition(from, to, "case_decision");
  const at = input.at ?? new Date();
  await tx.clue.updateMany({ where: { id: clue.id, status: from }, data: { status: to, updatedAt: at } });
  await recordAudit(tx, {
    procuratorateId: input.procuratorateId,
    actorId: input.actorId,
    action: "clue.transition",
    entityType: "Clue",
    entityId: clue.id,
    data: { before: { status: from }, after: { status: to }, basis: edge.basis, caseId: input.caseId },
    at,
  });
  return { from, to };
}
