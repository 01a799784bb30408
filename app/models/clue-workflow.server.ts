import type { ClueStatus } from "~/domain/case/schemas";
import { clueStatusSchema } from "~/domain/case/schemas";
import { assertClueTransition, caseProposalRefusal } from "~/domain/clue/lifecycle";
import type { ProposeCaseInput, RegisterClueInput, TransferClueInput } from "~/domain/clue/schemas";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { informantView, maskIdNumber, maskName, maskPhone, mayRevealClueInformant } from "~/domain/privacy/mask";
import { requestApproval } from "~/models/approval-request.server";
import { recordAudit } from "~/models/audit.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { DomainError, forbidden, orNotFound } from "~/utils/errors";

// The writes of the clue screens (线索, 规则 Arts 24–30): registering, evaluating, proposing a case,
// transferring, and showing the informant's identity. Every function takes the procuratorate first,
// filters by it, and writes its audit event (with before/after of what changed) in its transaction.

/** The counter key of clue register numbers in DocumentNumberCounter: "2026-线索-001". */
export const CLUE_NUMBER_CODE = "线索";

export function formatClueNumber(year: number, seq: number): string {
  return `${year}-${CLUE_NUMBER_CODE}-${String(seq).padStart(3, "0")}`;
}

/**
 * The next clue register number of a procuratorate and year: one atomic upsert of the
 * (procuratorate, "线索", year) counter, so two registrations never get the same number, even from
 * two processes. A counter that does not exist yet starts after the highest number already on file
 * for that year (the demo seed and clues registered before the counter existed).
 */
export async function allocateClueNumber(tx: Tx, procuratorateId: string, year: number): Promise<string> {
  const prefix = `${year}-${CLUE_NUMBER_CODE}-`;
  const rows = await tx.$queryRaw<{ last: number | bigint }[]>`
    INSERT INTO "DocumentNumberCounter" ("procuratorateId", "code", "year", "last")
    VALUES (${procuratorateId}, ${CLUE_NUMBER_CODE}, ${year}, (
      SELECT COALESCE(MAX(CAST(substr("number", ${prefix.length + 1}) AS INTEGER)), 0) + 1
      FROM "Clue" WHERE "procuratorateId" = ${procuratorateId} AND substr("number", 1, ${prefix.length}) = ${prefix}
    ))
    ON CONFLICT ("procuratorateId", "code", "year") DO UPDATE SET "last" = "DocumentNumberCounter"."last" + 1
    RETURNING "last"`;
  const last = Number(rows[0]?.last);
  if (!Number.isInteger(last) || last < 1) throw new Error("clue number allocation returned no value");
  return formatClueNumber(year, last);
}

/** Informant data as the audit log may hold it: masked, never in full. */
function maskedInformant(v: { informantName?: string | null; informantPhone?: string | null; informantIdNumber?: string | null }) {
  return {
    informantName: maskName(v.informantName ?? null),
    informantPhone: maskPhone(v.informantPhone ?? null),
    informantIdNumber: maskIdNumber(v.informantIdNumber ?? null),
  };
}

/** 线索登记 (规则 Art 24): a new clue with its register number, status `registered`. */
export async function registerClue(procuratorateId: string, actorId: string, input: RegisterClueInput, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const number = await allocateClueNumber(tx, procuratorateId, Number(dateInShanghai(now).slice(0, 4)));
    const values = {
      source: input.source,
      receivedOn: input.receivedOn,
      summary: input.summary,
      field: input.field,
      location: input.location ?? null,
      informantName: input.informantName ?? null,
      informantPhone: input.informantPhone ?? null,
      informantIdNumber: input.informantIdNumber ?? null,
    };
    const clue = await tx.clue.create({
      data: { procuratorateId, number, ...values, status: "registered", registeredById: actorId, createdAt: now },
      select: { id: true, number: true },
    });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "clue.register",
      entityType: "Clue",
      entityId: clue.id,
      data: { after: { number, status: "registered", ...values, ...maskedInformant(values) } },
      at: now,
    });
    return clue;
  });
}

async function loadClue(tx: Tx, procuratorateId: string, clueId: string) {
  const clue = orNotFound(
    await tx.clue.findFirst({
      where: { id: clueId, procuratorateId },
      select: { id: true, number: true, status: true, evaluation: true, assigneeId: true, field: true },
    }),
  );
  return { ...clue, status: clueStatusSchema.parse(clue.status) };
}

/** Moves the clue only if nobody moved it meanwhile; a stale move answers 409 like an illegal one. */
async function moveClue(tx: Tx, clueId: string, from: ClueStatus, to: ClueStatus, data: Record<string, unknown>) {
  const updated = await tx.clue.updateMany({ where: { id: clueId, status: from }, data: { status: to, ...data } });
  if (updated.count !== 1) throw new DomainError("clues.error.transition", 409);
}

/** registered → evaluating (规则 Art 27). The prosecutor who starts becomes the assignee if there is none. */
export async function startClueEvaluation(procuratorateId: string, actorId: string, clueId: string) {
  return prisma.$transaction(async (tx) => {
    const clue = await loadClue(tx, procuratorateId, clueId);
    const edge = assertClueTransition(clue.status, "evaluating", "prosecutor");
    const assigneeId = clue.assigneeId ?? actorId;
    await moveClue(tx, clue.id, clue.status, "evaluating", { assigneeId });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "clue.transition",
      entityType: "Clue",
      entityId: clue.id,
      data: {
        before: { status: clue.status, assigneeId: clue.assigneeId },
        after: { status: "evaluating", assigneeId },
        basis: edge.basis,
      },
    });
  });
}

/** The evaluation text (评估意见, 规则 Art 27), written or revised while the clue is under evaluation. */
export async function saveClueEvaluation(procuratorateId: string, actorId: string, clueId: string, evaluation: string) {
  return prisma.$transaction(async (tx) => {
    const clue = await loadClue(tx, procuratorateId, clueId);
    if (clue.status !== "evaluating") throw new DomainError("clues.error.transition", 409);
    if (clue.evaluation === evaluation) return;
    const updated = await tx.clue.updateMany({ where: { id: clue.id, status: "evaluating" }, data: { evaluation } });
    if (updated.count !== 1) throw new DomainError("clues.error.transition", 409);
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "clue.evaluate",
      entityType: "Clue",
      entityId: clue.id,
      data: { before: { evaluation: clue.evaluation }, after: { evaluation } },
    });
  });
}

/** 移送 (规则 Art 26): evaluating → transferred, recording to whom and on which day. */
export async function transferClue(
  procuratorateId: string,
  actorId: string,
  clueId: string,
  input: Omit<TransferClueInput, "intent">,
  now: Date = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const clue = await loadClue(tx, procuratorateId, clueId);
    const edge = assertClueTransition(clue.status, "transferred", "prosecutor");
    if (!clue.evaluation?.trim()) throw new DomainError("clues.error.evaluationRequired", 409);
    const transferredOn = dateInShanghai(now);
    await moveClue(tx, clue.id, clue.status, "transferred", { transferredTo: input.transferredTo, transferredOn });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "clue.transition",
      entityType: "Clue",
      entityId: clue.id,
      data: {
        before: { status: clue.status, transferredTo: null, transferredOn: null },
        after: { status: "transferred", transferredTo: input.transferredTo, transferredOn },
        reason: input.reason ?? null,
        basis: edge.basis,
      },
      at: now,
    });
  });
}

/**
 * "Propose filing" / "propose not filing": creates the case in `evaluation` (评估, 规则 Art 27)
 * against the respondent agency, or with the agency unknown (规则 Art 29), led by the proposer, and
 * asks for the `filing` or `not_filing` approval in the same transaction (the approval stores the
 * new case's version, so a case that moves before the decision answers 409).
 *
 * Not filing also creates the case row first. DOMAIN.md §1 puts 立案 / 不立案 in one decision by
 * the chief on the evaluated matter (规则 Art 30), whose output is a 立案决定书 or a 不立案决定书
 * naming the agency: the case lifecycle models that decision as `evaluation → not_filed` with the
 * not_filing approval (app/domain/case/lifecycle.ts), the approval binds to a case and its version,
 * and applying it moves that case. Without a case row the approval would have nothing to apply to
 * and the 不立案决定书 nothing to belong to. The clue itself moves when the decision is applied
 * (clueFollowsCase), not here: until the chief decides, the clue stays under evaluation.
 */
export async function proposeCaseFromClue(
  procuratorateId: string,
  actorId: string,
  clueId: string,
  input: Omit<ProposeCaseInput, "intent">,
  now: Date = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const clue = await loadClue(tx, procuratorateId, clueId);
    const refusal = caseProposalRefusal(clue, input.kind);
    if (refusal) throw new DomainError(refusal, 409);
    // The clue must not move while the case is proposed from it (a concurrent transfer answers 409).
    const touched = await tx.clue.updateMany({
      where: { id: clue.id, status: clue.status },
      data: { assigneeId: clue.assigneeId ?? actorId, updatedAt: now },
    });
    if (touched.count !== 1) throw new DomainError("clues.error.transition", 409);

    if (input.respondentAgencyId) {
      const agency = await tx.agency.findFirst({
        where: { id: input.respondentAgencyId, procuratorateId, active: true },
        select: { id: true },
      });
      if (!agency) throw new DomainError("clues.error.agencyNotFound", 400);
    }
    if (input.seriesId) {
      const series = await tx.caseSeries.findFirst({ where: { id: input.seriesId, procuratorateId }, select: { id: true } });
      if (!series) throw new DomainError("clues.error.seriesNotFound", 400);
    }

    const values = {
      title: input.title,
      field: input.field,
      urgent: input.urgent,
      respondentAgencyId: input.respondentUnknown ? null : (input.respondentAgencyId ?? null),
      respondentUnknown: input.respondentUnknown,
      seriesId: input.seriesId ?? null,
      clueId: clue.id,
      leadProsecutorId: actorId,
    };
    const kase = await tx.case.create({
      data: { procuratorateId, ...values, state: "evaluation", createdAt: now, updatedAt: now },
      select: { id: true, version: true },
    });
    await tx.caseMember.create({ data: { caseId: kase.id, userId: actorId, role: "lead" } });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "case.create",
      entityType: "Case",
      entityId: kase.id,
      caseId: kase.id,
      data: { before: null, after: { ...values, state: "evaluation" }, clueNumber: clue.number },
      at: now,
    });
    const verb = input.kind === "filing" ? "提请立案" : "提请不立案";
    const approval =
      input.kind === "filing"
        ? await requestApproval(
            {
              procuratorateId,
              requestedById: actorId,
              kind: "filing",
              subject: `${verb}：${input.title}`,
              caseId: kase.id,
              payload: { reason: input.reason },
              at: now,
            },
            tx,
          )
        : await requestApproval(
            {
              procuratorateId,
              requestedById: actorId,
              kind: "not_filing",
              subject: `${verb}：${input.title}`,
              caseId: kase.id,
              payload: { reason: input.reason ?? "" },
              at: now,
            },
            tx,
          );
    return { caseId: kase.id, approvalId: approval.id };
  });
}

/**
 * The explicit "show identity" action on the clue page: the informant in full, for who may see it
 * (the registrar and the assignee, 个人信息保护法 Art 34), and a `clue.informant.view` event in the
 * audit chain. This is one of the only writes a GET may make (docs/decisions/0012-view-events.md).
 */
export async function showClueInformant(procuratorateId: string, clueId: string, viewerId: string) {
  return prisma.$transaction(async (tx) => {
    const clue = orNotFound(
      await tx.clue.findFirst({
        where: { id: clueId, procuratorateId },
        select: {
          id: true,
          registeredById: true,
          assigneeId: true,
          informantName: true,
          informantPhone: true,
          informantIdNumber: true,
        },
      }),
    );
    if (!mayRevealClueInformant(viewerId, clue)) forbidden();
    const view = informantView({ name: clue.informantName, phone: clue.informantPhone, idNumber: clue.informantIdNumber }, true);
    if (!view) return null;
    await recordAudit(tx, {
      procuratorateId,
      actorId: viewerId,
      action: "clue.informant.view",
      entityType: "Clue",
      entityId: clue.id,
      data: { fields: (["name", "phone", "idNumber"] as const).filter((f) => view[f]) },
    });
    return view;
  });
}

/** Case series of the procuratorate for the proposal form (newest first, bounded). */
export async function seriesOptions(procuratorateId: string) {
  return prisma.caseSeries.findMany({
    where: { procuratorateId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 100,
    select: { id: true, name: true },
  });
}
