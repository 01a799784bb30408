import type { EvidenceItemInput } from "~/domain/evidence/schemas";
import { EVIDENCE_ITEM_FIELDS, evidenceEditable } from "~/domain/evidence/schemas";
import type { CustodyAction } from "~/domain/evidence/kinds";
import { disclosedItemFrozen } from "~/domain/evidence/disclosure";
import { recordAudit } from "~/models/audit.server";
import { recordCustody } from "~/models/custody.server";
import { prisma } from "~/utils/db.server";
import type { Tx } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

// Evidence items (证据) of a case: registration and edits with their collecting staff (规则 Art 36),
// the files uploaded to them, and the chain of custody shown on the item's page. Every function
// takes the procuratorate first and filters by it: another procuratorate's case or item is 404.

/** Roles whose users may be named as collecting staff (staff of the procuratorate who investigate). */
const COLLECTOR_ROLES = ["prosecutor", "approver"];

/** Staff of the procuratorate who may be named as collectors, by name. */
export function listCollectorCandidates(procuratorateId: string) {
  return prisma.user.findMany({
    where: { procuratorateId, role: { in: COLLECTOR_ROLES }, active: true },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    select: { id: true, displayName: true },
  });
}

/** The case's items in ordinal order for the evidence tab, with collectors and counts. */
export async function listCaseEvidence(procuratorateId: string, caseId: string) {
  const kase = await prisma.case.findFirst({ where: { id: caseId, procuratorateId }, select: { id: true, state: true } });
  if (!kase) notFound();
  const items = await prisma.evidence.findMany({
    where: { caseId: kase.id },
    orderBy: { ordinal: "asc" },
    select: {
      id: true,
      ordinal: true,
      title: true,
      kind: true,
      source: true,
      collectedOn: true,
      otherCollectors: true,
      isOriginal: true,
      containsPersonal: true,
      collectors: { select: { user: { select: { displayName: true } } }, orderBy: { user: { displayName: "asc" } } },
      _count: { select: { files: true, custody: true } },
    },
  });
  return { editable: evidenceEditable(kase.state), items };
}

/** The case's state, for a form page (404 out of scope); editable is false once it is closed. */
export async function getEvidenceCase(procuratorateId: string, caseId: string) {
  const kase = await prisma.case.findFirst({ where: { id: caseId, procuratorateId }, select: { id: true, state: true } });
  if (!kase) notFound();
  return { ...kase, editable: evidenceEditable(kase.state) };
}

/** An item's page: its details, collectors, files (with redacted copies) and custody timeline. */
export async function getEvidenceItem(procuratorateId: string, caseId: string, evidenceId: string) {
  const item = await prisma.evidence.findFirst({
    where: { id: evidenceId, caseId, case: { procuratorateId } },
    select: {
      id: true,
      caseId: true,
      ordinal: true,
      title: true,
      kind: true,
      description: true,
      collectedOn: true,
      collectedPlace: true,
      otherCollectors: true,
      source: true,
      sourceNote: true,
      isOriginal: true,
      containsPersonal: true,
      createdAt: true,
      updatedAt: true,
      case: { select: { state: true } },
      createdBy: { select: { displayName: true } },
      collectors: { select: { userId: true, user: { select: { displayName: true } } }, orderBy: { user: { displayName: "asc" } } },
      files: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          sha256: true,
          size: true,
          mimeType: true,
          originalName: true,
          redactionOfId: true,
          createdAt: true,
          uploadedBy: { select: { displayName: true } },
        },
      },
      custody: {
        orderBy: [{ at: "asc" }, { id: "asc" }],
        take: 500, // an item's chain is short; bounded all the same
        select: {
          id: true,
          action: true,
          at: true,
          actorName: true,
          counterparty: true,
          location: true,
          note: true,
          actor: { select: { displayName: true } },
          file: { select: { id: true, originalName: true, redactionOfId: true } },
        },
      },
    },
  });
  if (!item) notFound();
  const { case: kase, files, ...rest } = item;
  return {
    ...rest,
    editable: evidenceEditable(kase.state),
    // Sizes as numbers for the page (exact below 2^53 bytes).
    files: files.map((f) => ({ ...f, size: Number(f.size) })),
  };
}
export type EvidenceItemView = Awaited<ReturnType<typeof getEvidenceItem>>;

/** The values of the edit form. */
export async function getEvidenceFormValues(procuratorateId: string, caseId: string, evidenceId: string) {
  const item = await getEvidenceItem(procuratorateId, caseId, evidenceId);
  return {
    editable: item.editable,
    ordinal: item.ordinal,
    collectors: item.collectors.map((c) => ({ id: c.userId, displayName: c.user.displayName })),
    title: item.title,
    values: {
      kind: item.kind,
      title: item.title,
      description: item.description ?? "",
      collectedOn: item.collectedOn ?? "",
      collectedPlace: item.collectedPlace ?? "",
      collectorIds: item.collectors.map((c) => c.userId),
      otherCollectors: item.otherCollectors ?? "",
      source: item.source,
      sourceNote: item.sourceNote ?? "",
      isOriginal: item.isOriginal ? "original" : "copy",
      containsPersonal: item.containsPersonal,
    },
  };
}

/** The case, in scope and open for evidence changes: 404 out of scope, 409 once closed. */
async function openCase(tx: Tx, procuratorateId: string, caseId: string) {
  const kase = await tx.case.findFirst({ where: { id: caseId, procuratorateId }, select: { id: true, state: true } });
  if (!kase) notFound();
  if (!evidenceEditable(kase.state)) throw new DomainError("evidenceItems.error.closed", 409);
  return kase;
}

/**
 * 409 while the item is disclosed to a hearing that deliberates (disclosedItemFrozen): a file added
 * or the personal-data flag changed then would change what the panel is reviewing.
 */
async function assertNotFrozenByHearing(tx: Tx, evidenceId: string) {
  const disclosures = await tx.hearingEvidence.findMany({ where: { evidenceId }, select: { hearing: { select: { status: true } } } });
  if (disclosures.some((d) => disclosedItemFrozen(d.hearing.status))) throw new DomainError("evidenceItems.error.frozenByHearing", 409);
}

/**
 * The collecting staff must be active staff of the procuratorate (400 otherwise); an edit may keep
 * the item's present collectors (`kept`) even if they have left since.
 */
async function assertCollectors(tx: Tx, procuratorateId: string, userIds: string[], kept: string[] = []) {
  const added = userIds.filter((id) => !kept.includes(id));
  if (added.length === 0) return;
  const found = await tx.user.count({ where: { id: { in: added }, procuratorateId, role: { in: COLLECTOR_ROLES }, active: true } });
  if (found !== added.length) throw new DomainError("evidenceItems.validation.collectorScope", 400);
}

/** The first custody event of an item: we collected it, or we received it from someone else. */
function firstCustodyAction(source: string): CustodyAction {
  return source === "collected" ? "collected" : "received";
}

function itemFields(input: EvidenceItemInput) {
  const { collectorIds: _collectors, ...fields } = input;
  return fields;
}

/**
 * Registers an evidence item with the next ordinal of the case, its collecting staff, its first
 * custody event (collected or received, by source) and its audit event, in one transaction.
 */
export async function createEvidence(procuratorateId: string, actorId: string, caseId: string, input: EvidenceItemInput) {
  return prisma.$transaction(async (tx) => {
    const kase = await openCase(tx, procuratorateId, caseId);
    await assertCollectors(tx, procuratorateId, input.collectorIds);
    const last = await tx.evidence.findFirst({ where: { caseId: kase.id }, orderBy: { ordinal: "desc" }, select: { ordinal: true } });
    const ordinal = (last?.ordinal ?? 0) + 1;
    const fields = itemFields(input);
    const row = await tx.evidence.create({
      data: {
        caseId: kase.id,
        ordinal,
        ...fields,
        createdById: actorId,
        collectors: { create: input.collectorIds.map((userId) => ({ userId })) },
      },
      select: { id: true, ordinal: true },
    });
    await recordCustody(tx, {
      evidenceId: row.id,
      action: firstCustodyAction(input.source),
      actorId,
      location: input.collectedPlace,
      note: input.sourceNote,
    });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "evidence.create",
      entityType: "Evidence",
      entityId: row.id,
      caseId: kase.id,
      data: { before: null, after: { ordinal, ...fields, collectorIds: input.collectorIds } },
    });
    return row;
  });
}

/**
 * Changes an item: its fields and its collecting staff, with an audit event holding the before
 * and after of what changed (nothing is written when nothing changed). 404 out of scope, 409 once
 * the case is closed, 400 for a collector who is not staff of the procuratorate.
 */
export async function updateEvidence(
  procuratorateId: string,
  actorId: string,
  caseId: string,
  evidenceId: string,
  input: EvidenceItemInput,
) {
  return prisma.$transaction(async (tx) => {
    const kase = await openCase(tx, procuratorateId, caseId);
    const current = await tx.evidence.findFirst({
      where: { id: evidenceId, caseId: kase.id },
      select: {
        id: true,
        kind: true,
        title: true,
        description: true,
        collectedOn: true,
        collectedPlace: true,
        otherCollectors: true,
        source: true,
        sourceNote: true,
        isOriginal: true,
        containsPersonal: true,
        collectors: { select: { userId: true } },
      },
    });
    if (!current) notFound();
    await assertCollectors(
      tx,
      procuratorateId,
      input.collectorIds,
      current.collectors.map((c) => c.userId),
    );
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of EVIDENCE_ITEM_FIELDS) {
      if (current[field] !== input[field]) {
        before[field] = current[field];
        after[field] = input[field];
      }
    }
    const oldCollectors = current.collectors.map((c) => c.userId).sort();
    const newCollectors = [...input.collectorIds].sort();
    const collectorsChanged = oldCollectors.join(",") !== newCollectors.join(",");
    if (collectorsChanged) {
      before.collectorIds = oldCollectors;
      after.collectorIds = newCollectors;
    }
    if (Object.keys(after).length === 0) return { id: current.id, changed: false };
    if ("containsPersonal" in after) await assertNotFrozenByHearing(tx, current.id);
    await tx.evidence.update({
      where: { id: current.id },
      data: {
        ...itemFields(input),
        ...(collectorsChanged
          ? { collectors: { deleteMany: {}, create: input.collectorIds.map((userId) => ({ userId })) } }
          : {}),
      },
    });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "evidence.update",
      entityType: "Evidence",
      entityId: current.id,
      caseId: kase.id,
      data: { before, after },
    });
    return { id: current.id, changed: true };
  });
}

/**
 * Checks an upload's target before (and again while) its files are recorded: the item is in scope
 * (404), its case open (409); a redacted copy names an original file of the same item (one that is
 * not itself a copy) and the item holds personal data (400 otherwise).
 */
export async function assertUploadTarget(
  procuratorateId: string,
  caseId: string,
  evidenceId: string,
  redactionOfId: string | null,
  tx: Tx = prisma,
) {
  const kase = await openCase(tx, procuratorateId, caseId);
  const item = await tx.evidence.findFirst({ where: { id: evidenceId, caseId: kase.id }, select: { id: true, containsPersonal: true } });
  if (!item) notFound();
  await assertNotFrozenByHearing(tx, item.id);
  if (redactionOfId !== null) {
    // 个人信息保护法 Arts 28, 51: a redacted copy masks personal data; only such items need one.
    if (!item.containsPersonal) throw new DomainError("evidenceItems.upload.redactionNotPersonal", 400);
    const original = await tx.evidenceFile.findFirst({ where: { id: redactionOfId, evidenceId: item.id, redactionOfId: null }, select: { id: true } });
    if (!original) throw new DomainError("evidenceItems.upload.redactionOriginal", 400);
  }
  return { caseId: kase.id, evidenceId: item.id };
}

export type NewEvidenceFile = { sha256: string; size: bigint; mimeType: string; fileName: string };

/**
 * Records files already placed in the store (placeStaged) as files of the item, each with an
 * 'uploaded' custody event naming it, and one audit event, in one transaction. The same content
 * uploaded twice is stored once but gets a row per upload.
 */
export async function addEvidenceFiles(
  procuratorateId: string,
  actorId: string,
  caseId: string,
  evidenceId: string,
  files: readonly NewEvidenceFile[],
  redactionOfId: string | null,
) {
  return prisma.$transaction(async (tx) => {
    const target = await assertUploadTarget(procuratorateId, caseId, evidenceId, redactionOfId, tx);
    const created = [];
    for (const file of files) {
      const row = await tx.evidenceFile.create({
        data: {
          evidenceId: target.evidenceId,
          sha256: file.sha256,
          size: file.size,
          mimeType: file.mimeType,
          originalName: file.fileName,
          redactionOfId,
          uploadedById: actorId,
        },
        select: { id: true, sha256: true, size: true, mimeType: true, originalName: true, redactionOfId: true },
      });
      await recordCustody(tx, {
        evidenceId: target.evidenceId,
        action: "uploaded",
        fileId: row.id,
        actorId,
      });
      created.push(row);
    }
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "evidence.upload",
      entityType: "Evidence",
      entityId: target.evidenceId,
      caseId: target.caseId,
      data: {
        before: null,
        after: { files: created.map((f) => ({ id: f.id, sha256: f.sha256, size: f.size, mimeType: f.mimeType, name: f.originalName, redactionOfId })) },
      },
    });
    return created;
  });
}
