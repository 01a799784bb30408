import { disclosureOpen, panelSeesFile } from "~/domain/evidence/disclosure";
import type { DisclosurePlan } from "~/domain/evidence/disclosure-plan";
import { RedactionRequiredError, needsRedactedCopy, planDisclosure } from "~/domain/evidence/disclosure-plan";
import type { DisclosureFormInput } from "~/domain/evidence/schemas-disclosure";
import { DISCLOSURE_ITEMS_MAX } from "~/domain/evidence/schemas-disclosure";
import { recordAudit } from "~/models/audit.server";
import { recordCustody } from "~/models/custody.server";
import { byteCount } from "~/utils/bytes";
import { prisma } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

// Disclosure of evidence to a hearing's panel (听证规定 Art 11), from the hearing's evidence tab.
// Only items of the hearing's own cases (HearingCase), of the actor's procuratorate; anything else
// answers 404. Disclosing writes HearingEvidence, a 'disclosed' custody event and an audit event per
// item; withdrawing deletes HearingEvidence and writes an audit event only (the custody chain is
// append-only and keeps the disclosure; docs/decisions/0016-evidence-disclosure.md).

/** The evidence tab: the hearing's cases with their items, what is disclosed, what the panel sees. */
export async function getDisclosureForm(procuratorateId: string, hearingId: string) {
  const hearing = await prisma.hearing.findFirst({
    where: { id: hearingId, procuratorateId },
    select: {
      id: true,
      status: true,
      cases: { orderBy: { ordinal: "asc" }, select: { case: { select: { id: true, number: true, title: true } } } },
    },
  });
  if (!hearing) notFound();
  const caseIds = hearing.cases.map((c) => c.case.id);
  const [items, disclosed] = await Promise.all([
    caseIds.length
      ? prisma.evidence.findMany({
          // By the (caseId, ordinal) index; the cases are the hearing's, already in scope.
          where: { caseId: { in: caseIds }, case: { procuratorateId } },
          orderBy: [{ caseId: "asc" }, { ordinal: "asc" }],
          take: DISCLOSURE_ITEMS_MAX,
          select: {
            id: true,
            caseId: true,
            ordinal: true,
            title: true,
            kind: true,
            containsPersonal: true,
            files: {
              orderBy: [{ createdAt: "asc" }, { id: "asc" }],
              select: { id: true, originalName: true, mimeType: true, size: true, redactionOfId: true },
            },
          },
        })
      : [],
    prisma.hearingEvidence.findMany({
      where: { hearingId: hearing.id },
      select: { evidenceId: true, disclosedAt: true, disclosedBy: { select: { displayName: true } } },
    }),
  ]);
  const disclosedOf = new Map(disclosed.map((d) => [d.evidenceId, d]));
  const cases = hearing.cases.map(({ case: c }) => ({
    ...c,
    items: items
      .filter((i) => i.caseId === c.id)
      .map((i) => {
        const d = disclosedOf.get(i.id);
        return {
          id: i.id,
          caseId: i.caseId,
          ordinal: i.ordinal,
          title: i.title,
          kind: i.kind,
          containsPersonal: i.containsPersonal,
          needsRedaction: needsRedactedCopy(i),
          disclosed: d ? { at: d.disclosedAt, by: d.disclosedBy.displayName } : null,
          files: i.files.map((f) => ({
            id: f.id,
            name: f.originalName,
            mimeType: f.mimeType,
            size: byteCount(f.size),
            redacted: f.redactionOfId !== null,
            panelSees: panelSeesFile(i, f),
          })),
        };
      }),
  }));
  return {
    hearing: { id: hearing.id, status: hearing.status, open: disclosureOpen(hearing.status) },
    cases,
    truncated: items.length >= DISCLOSURE_ITEMS_MAX,
  };
}

/**
 * Applies a disclosure form in one transaction: refuses (409) once the hearing is in deliberation,
 * (404) an id that is not an item of the hearing's cases, (409, RedactionRequiredError) a ticked
 * personal-data item without a redacted copy; nothing is written then.
 */
export async function applyDisclosure(
  procuratorateId: string,
  actorId: string,
  hearingId: string,
  input: DisclosureFormInput,
  now: Date = new Date()
): Promise<Pick<DisclosurePlan, "add" | "withdraw">> {
  return prisma.$transaction(async (tx) => {
    const hearing = await tx.hearing.findFirst({
      where: { id: hearingId, procuratorateId },
      select: { id: true, title: true, status: true },
    });
    if (!hearing) notFound();
    // Disclosure freezes when the hearing enters deliberation (app/domain/evidence/disclosure.ts).
    if (!disclosureOpen(hearing.status)) throw new DomainError("evidenceDisclosure.error.frozen", 409);
    const ids = [...new Set([...input.shown, ...input.disclose])];
    const [items, disclosed] = await Promise.all([
      tx.evidence.findMany({
        where: {
          id: { in: ids },
          case: { procuratorateId, hearingCases: { some: { hearingId: hearing.id } } },
        },
        select: {
          id: true,
          caseId: true,
          ordinal: true,
          title: true,
          containsPersonal: true,
          files: { where: { redactionOfId: { not: null } }, take: 1, select: { redactionOfId: true } },
        },
      }),
      tx.hearingEvidence.findMany({
        where: { hearingId: hearing.id, evidenceId: { in: ids } },
        select: { evidenceId: true, disclosedAt: true, disclosedById: true },
      }),
    ]);
    const plan = planDisclosure({
      items,
      disclosed: disclosed.map((d) => d.evidenceId),
      shown: input.shown,
      selected: input.disclose,
    });
    if (plan.unknown.length) notFound();
    if (plan.needsRedaction.length) {
      const byId = new Map(items.map((i) => [i.id, i]));
      throw new RedactionRequiredError(
        plan.needsRedaction.map((id) => {
          const i = byId.get(id)!;
          return { id: i.id, caseId: i.caseId, ordinal: i.ordinal, title: i.title };
        })
      );
    }
    const itemOf = new Map(items.map((i) => [i.id, i]));
    for (const evidenceId of plan.add) {
      const item = itemOf.get(evidenceId)!;
      await tx.hearingEvidence.create({ data: { hearingId: hearing.id, evidenceId, disclosedAt: now, disclosedById: actorId } });
      await recordCustody(tx, {
        evidenceId,
        action: "disclosed",
        actorId,
        note: hearing.title,
        at: now,
      });
      await recordAudit(tx, {
        procuratorateId,
        actorId,
        action: "evidence.disclose",
        entityType: "HearingEvidence",
        entityId: evidenceId,
        caseId: item.caseId,
        data: { hearingId: hearing.id, before: null, after: { disclosedAt: now.toISOString(), disclosedById: actorId } },
        at: now,
      });
    }
    const before = new Map(disclosed.map((d) => [d.evidenceId, d]));
    for (const evidenceId of plan.withdraw) {
      const was = before.get(evidenceId)!;
      await tx.hearingEvidence.delete({ where: { hearingId_evidenceId: { hearingId: hearing.id, evidenceId } } });
      await recordAudit(tx, {
        procuratorateId,
        actorId,
        action: "evidence.withdraw",
        entityType: "HearingEvidence",
        entityId: evidenceId,
        caseId: itemOf.get(evidenceId)?.caseId ?? null,
        data: {
          hearingId: hearing.id,
          before: { disclosedAt: was.disclosedAt.toISOString(), disclosedById: was.disclosedById },
          after: null,
        },
        at: now,
      });
    }
    return { add: plan.add, withdraw: plan.withdraw };
  });
}
