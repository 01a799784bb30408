import { createHash } from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import { documentSource } from "~/documents/registry.server";
import { docxFileName, missingValues, renderDocument } from "~/documents/render.server";
import { can } from "~/domain/auth/policy";
import type { Actor, Scope } from "~/domain/auth/roles";
import { definitionOf, fieldsOf } from "~/domain/documents/definitions";
import { parseSeatSubjectId, seatSubjectId } from "~/domain/documents/kinds/hearing-common";
import type { DocumentKind } from "~/domain/documents/kinds";
import { DOCUMENT_KINDS, documentKindSchema } from "~/domain/documents/kinds";
import type { Bilingual, DocumentSubject, DocumentValues, FieldSpec, IssueContext, KindDefinition } from "~/domain/documents/spec";
import { addressedToAgency, agencyVisibleAtIssue, formatDocumentDate, releasedOnService } from "~/domain/documents/spec";
import type { NumberedDocumentKind } from "~/domain/numbering/format";
import { NUMBERED_DOCUMENT_KINDS, formatDocumentNumber } from "~/domain/numbering/format";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { recordAudit } from "~/models/audit.server";
import { isStoredHashReferenced } from "~/models/evidence-verify.server";
import { allocateDocumentNumber } from "~/models/numbering.server";
import { getActiveTemplate, getTemplateVersionBytes } from "~/models/template.server";
import type { PlacedFile } from "~/storage/file-store.server";
import { pathForHash, placeStaged, removeUnreferencedPlaced, stageStream } from "~/storage/file-store.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { DomainError, orNotFound } from "~/utils/errors";

// Generated documents (issue 10 items 3 and 5): issue one from its subject's current data, keep
// the data it was filled from (the snapshot), store its bytes by SHA-256, regenerate it byte for
// byte, and find it for a download within the reader's scope.
// Decision record: docs/decisions/0020-generated-documents.md.

/** The data a document was filled from, stored as JSON on GeneratedDocument.snapshot. */
export type DocumentSnapshot = {
  kind: DocumentKind;
  subjectType: DocumentSubject;
  subjectId: string;
  templateVersionId: string;
  context: IssueContext;
  /** Every placeholder's value: the kind's own, the common fields and the 文号. */
  values: DocumentValues;
  /** ISO instant, whole seconds: the package's timestamps (docProps, zip entries) come from it. */
  generatedAt: string;
  title: string;
  /**
   * The field specs the document was rendered with (labels, table columns): regeneration renders
   * from these, not from today's definitions. Absent in snapshots written before they were kept.
   */
  fields?: FieldSpec[];
};

/** A numbered document of this kind was already issued for this subject (409, naming it). */
export class DocumentAlreadyIssuedError extends DomainError {
  constructor(public readonly existing: { id: string; title: string; number: string | null }) {
    super("documents.error.alreadyIssued", 409);
    this.name = "DocumentAlreadyIssuedError";
    this.message = `already issued: ${existing.title} (${existing.number ?? "unnumbered"}, ${existing.id})`;
  }
}

/** A regeneration gave other bytes than the stored ones: names both hashes, never hides it. */
export class RegenerationMismatchError extends DomainError {
  constructor(
    public readonly stored: string,
    public readonly regenerated: string,
  ) {
    super("documents.error.mismatch", 409);
    this.name = "RegenerationMismatchError";
    this.message = `regenerated document differs: stored sha256 ${stored}, regenerated sha256 ${regenerated}`;
  }
}

/** The number peeked before rendering was taken meanwhile by another issue: render again. */
class NumberMovedError extends Error {}

/** Today's date on the legal clock (Asia/Shanghai) as YYYY-MM-DD. */
export function shanghaiDate(at: Date = new Date()): string {
  return dateInShanghai(at);
}

function isNumberedByAllocator(kind: DocumentKind): kind is NumberedDocumentKind {
  return (NUMBERED_DOCUMENT_KINDS as readonly string[]).includes(kind);
}

/** Where a document belongs: its case and hearing, and the agency it is addressed to (agency-facing kinds). */
export type SubjectLinks = { caseId: string | null; hearingId: string | null; agencyId: string | null; clueId: string | null };

/**
 * The case, hearing and respondent agency of a subject, read within the procuratorate (null: not
 * in scope). A hearing seat's id is seatSubjectId(hearingId, panelistId) (HearingPanelist has a composite key).
 */
export async function subjectLinks(
  db: Tx,
  procuratorateId: string,
  subjectType: DocumentSubject,
  subjectId: string,
): Promise<SubjectLinks | null> {
  const none = { caseId: null, hearingId: null, agencyId: null, clueId: null };
  switch (subjectType) {
    case "case": {
      const c = await db.case.findFirst({ where: { id: subjectId, procuratorateId }, select: { id: true, respondentAgencyId: true } });
      return c && { ...none, caseId: c.id, agencyId: c.respondentAgencyId };
    }
    case "clue": {
      const c = await db.clue.findFirst({ where: { id: subjectId, procuratorateId }, select: { id: true } });
      return c && { ...none, clueId: c.id };
    }
    case "consultation": {
      const c = await db.consultation.findFirst({
        where: { id: subjectId, case: { procuratorateId } },
        select: { case: { select: { id: true, respondentAgencyId: true } } },
      });
      return c && { ...none, caseId: c.case.id, agencyId: c.case.respondentAgencyId };
    }
    case "recommendation": {
      const r = await db.recommendation.findFirst({
        where: { id: subjectId, procuratorateId },
        select: { case: { select: { id: true, respondentAgencyId: true } } },
      });
      return r && { ...none, caseId: r.case.id, agencyId: r.case.respondentAgencyId };
    }
    case "hearing": {
      const h = await db.hearing.findFirst({ where: { id: subjectId, procuratorateId }, select: { id: true } });
      return h && { ...none, hearingId: h.id };
    }
    case "hearing_panelist": {
      const seat = parseSeatSubjectId(subjectId);
      if (!seat) return null;
      const { hearingId, panelistId } = seat;
      const p = await db.hearingPanelist.findFirst({
        where: { hearingId, panelistId, hearing: { procuratorateId } },
        select: { hearingId: true },
      });
      return p && { ...none, hearingId: p.hearingId };
    }
    case "hearing_participant": {
      const p = await db.hearingParticipant.findFirst({
        where: { id: subjectId, hearing: { procuratorateId } },
        select: { hearingId: true, agencyId: true },
      });
      // The participant's own agency (in a series hearing each agency sees only its own notice).
      return p && { ...none, hearingId: p.hearingId, agencyId: p.agencyId };
    }
  }
}

/** The 文号 a subject already carries (a recommendation's, allocated on approval: 建议规定 Art 7). */
async function subjectNumber(db: Tx, procuratorateId: string, kind: DocumentKind, subjectId: string): Promise<string | null | undefined> {
  if (kind !== "recommendation") return undefined;
  const r = await db.recommendation.findFirst({ where: { id: subjectId, procuratorateId }, select: { number: true } });
  if (!r?.number) throw new DomainError("documents.error.recommendationUnnumbered", 409);
  return r.number;
}

/**
 * The 文号 the next issue of a kind would take, without taking it (preview, and the optimistic
 * render before the allocation): the subject's own number, the allocator's next, or null when the
 * kind is unnumbered or the procuratorate set no code for it (no code is ever invented).
 */
export async function peekDocumentNumber(
  db: Tx,
  procuratorateId: string,
  kind: DocumentKind,
  subjectId: string,
  year: number,
): Promise<{ number: string | null; source: "subject" | "allocator" | "none" }> {
  const definition = documentSource(kind).definition;
  if (!definition.numbered) return { number: null, source: "none" };
  const own = await subjectNumber(db, procuratorateId, kind, subjectId);
  if (own !== undefined) return { number: own, source: "subject" };
  if (!isNumberedByAllocator(kind)) return { number: null, source: "none" };
  const [code, procuratorate] = await Promise.all([
    db.documentNumberCode.findUnique({ where: { procuratorateId_kind: { procuratorateId, kind } }, select: { code: true } }),
    db.procuratorate.findUnique({ where: { id: procuratorateId }, select: { shortName: true } }),
  ]);
  if (!code || !procuratorate) return { number: null, source: "none" };
  const counter = await db.documentNumberCounter.findUnique({
    where: { procuratorateId_code_year: { procuratorateId, code: code.code, year } },
    select: { last: true },
  });
  const seq = (counter?.last ?? 0) + 1;
  return { number: formatDocumentNumber({ shortName: procuratorate.shortName, code: code.code, year, seq }), source: "allocator" };
}

/**
 * The value that names the decision an allocator-numbered document records: its decision date in
 * the values (规则 Art 78: a case may be suspended and resumed more than once, each a decision of
 * its own with its own 文号). Kinds not listed (the recommendation letter, whose 文号 is the
 * recommendation's; the complaint, one per suit) are once per subject.
 */
const DECISION_DATE_FIELD: Partial<Record<DocumentKind, string>> = {
  filing_decision: "filed_on",
  not_filing_decision: "decided_on",
  suspension_decision: "suspended_on",
  resumption_decision: "resumed_on",
  closure_decision: "closed_on",
};

export function decisionKeyOf(kind: DocumentKind, values: DocumentValues): string | null {
  const field = DECISION_DATE_FIELD[kind];
  if (!field) return null;
  const value = values[field];
  return typeof value === "string" ? value : null;
}

/**
 * The numbered document already issued for the same decision, if any (one 文号 names one
 * document): same kind and subject, carrying a 文号 (an unnumbered earlier issue never blocks a
 * numbered one), and, for a kind with a decision date, the same date in its snapshot's values.
 */
async function existingNumbered(db: Tx, procuratorateId: string, kind: DocumentKind, subjectType: string, subjectId: string, decisionKey: string | null) {
  const issued = await db.generatedDocument.findMany({
    where: { procuratorateId, kind, subjectType, subjectId, number: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, number: true, snapshot: true },
  });
  const same = issued.find((d) => {
    if (decisionKey === null) return true;
    const values = d.snapshot ? (JSON.parse(d.snapshot) as { values?: DocumentValues }).values : undefined;
    return !values || decisionKeyOf(kind, values) === decisionKey;
  });
  return same ? { id: same.id, title: same.title, number: same.number } : null;
}

/** Every placeholder's value: the kind's own (its pure mapper), the common fields and the 文号. */
export function valuesFor<S>(definition: KindDefinition<S>, source: S, ctx: IssueContext): DocumentValues {
  return {
    ...definition.map(source, ctx),
    procuratorate: ctx.procuratorate,
    issued_on: formatDocumentDate(ctx.issuedOn),
    ...(definition.numbered ? { doc_number: ctx.number ?? "" } : {}),
  };
}

/** Loads a kind's source within the procuratorate: null → 404; a 409 when it cannot be made yet. */
async function loadSource(procuratorateId: string, kind: DocumentKind, subjectId: string) {
  const entry = documentSource(kind);
  const source = orNotFound(await entry.load(procuratorateId, subjectId));
  return { definition: entry.definition, source };
}

async function procuratorateName(procuratorateId: string): Promise<string> {
  return orNotFound(await prisma.procuratorate.findUnique({ where: { id: procuratorateId }, select: { name: true } })).name;
}

async function activeTemplate(procuratorateId: string, kind: DocumentKind) {
  const template = await getActiveTemplate(procuratorateId, kind);
  if (!template) throw new DomainError("documents.error.noTemplate", 409);
  return template;
}

/**
 * Everything a preview needs, without writing anything or taking a number: the values, the title,
 * the 文号 it would get on issue, and the rendered bytes with the active template.
 */
export async function previewDocument(input: { procuratorateId: string; kind: DocumentKind; subjectId: string; issuedOn?: string }) {
  const { procuratorateId, kind, subjectId } = input;
  const { definition, source } = await loadSource(procuratorateId, kind, subjectId);
  const issuedOn = input.issuedOn ?? shanghaiDate();
  const [name, next, template, links] = await Promise.all([
    procuratorateName(procuratorateId),
    peekDocumentNumber(prisma, procuratorateId, kind, subjectId, Number(issuedOn.slice(0, 4))),
    activeTemplate(procuratorateId, kind),
    subjectLinks(prisma, procuratorateId, definition.subject, subjectId),
  ]);
  const context: IssueContext = { procuratorate: name, number: next.number, issuedOn };
  const values = valuesFor(definition, source, context);
  const generatedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const bytes = await renderDocument({ template: template.bytes, fields: fieldsOf(kind), values, generatedAt });
  return {
    kind,
    subjectType: definition.subject,
    subjectId,
    audience: definition.audience,
    numbered: definition.numbered,
    title: definition.title(source, context),
    number: next,
    values,
    fields: fieldsOf(kind),
    template: { versionId: template.versionId, version: template.version, scope: template.scope },
    links: orNotFound(links),
    bytes,
  };
}

const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Writes bytes to the store (temporary name, flushed, renamed): the row is committed after this. */
async function placeBytes(bytes: Uint8Array): Promise<PlacedFile> {
  return placeStaged(await stageStream(Readable.from([Buffer.from(bytes)])));
}

export type IssueInput = {
  procuratorateId: string;
  actorId: string;
  kind: DocumentKind;
  subjectId: string;
  /** YYYY-MM-DD (Asia/Shanghai); today by default. */
  issuedOn?: string;
  batchId?: string | null;
};

/**
 * Issues a document: loads its source (null → 404; 409 when it cannot be made yet), renders it with
 * the active template, stores the bytes and records the GeneratedDocument with its snapshot and
 * audit event in one transaction. The 文号 is the subject's own (Recommendation.number) or the
 * allocator's, taken in that transaction; none without a configured code.
 *
 * The file is rendered and stored before the transaction (no file work while holding SQLite's
 * write lock), against the number peeked just before; the transaction then allocates the number
 * and, if another issue took the peeked one meanwhile, rolls back (giving the number back) and
 * renders again. A failed transaction removes the file it placed unless a row references it; a
 * crash between the rename and the commit leaves at worst an unreferenced file (evidence:verify
 * --clean-orphans), never a row without its file, and the store never holds half a file.
 */
export async function issueDocument(input: IssueInput) {
  const { procuratorateId, actorId, kind, subjectId } = input;
  const { definition, source } = await loadSource(procuratorateId, kind, subjectId);
  const subjectType = definition.subject;
  const links = orNotFound(await subjectLinks(prisma, procuratorateId, subjectType, subjectId));
  const issuedOn = input.issuedOn ?? shanghaiDate();
  const year = Number(issuedOn.slice(0, 4));
  const [name, template] = await Promise.all([procuratorateName(procuratorateId), activeTemplate(procuratorateId, kind)]);
  // The decision date comes from the kind's own values (the mapper), not from the context.
  const decisionKey = decisionKeyOf(kind, definition.map(source, { procuratorate: name, number: null, issuedOn }));
  if (definition.numbered) {
    const existing = await existingNumbered(prisma, procuratorateId, kind, subjectType, subjectId, decisionKey);
    if (existing) throw new DocumentAlreadyIssuedError(existing);
  }
  const fields = fieldsOf(kind);
  // Addressed to the respondent agency when the kind is for an agency (DOMAIN.md §5): only then
  // may the agency's liaison see and download it, at issue or, for a document served with a
  // 送达回证, once its service is recorded (the kind's release rule; recordDocumentService).
  const agencyId = addressedToAgency(definition) ? links.agencyId : null;
  const agencyVisible = agencyId !== null && agencyVisibleAtIssue(definition);

  for (let attempt = 0; attempt < 5; attempt += 1) {
    const peeked = await peekDocumentNumber(prisma, procuratorateId, kind, subjectId, year);
    const context: IssueContext = { procuratorate: name, number: peeked.number, issuedOn };
    const values = valuesFor(definition, source, context);
    const generatedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const title = definition.title(source, context);
    const snapshot: DocumentSnapshot = {
      kind,
      subjectType,
      subjectId,
      templateVersionId: template.versionId,
      context,
      values,
      generatedAt: generatedAt.toISOString(),
      title,
      fields,
    };
    const bytes = await renderDocument({ template: template.bytes, fields, values, generatedAt });
    const placed = await placeBytes(bytes);
    try {
      return await prisma.$transaction(async (tx) => {
        if (definition.numbered) {
          const existing = await existingNumbered(tx, procuratorateId, kind, subjectType, subjectId, decisionKey);
          if (existing) throw new DocumentAlreadyIssuedError(existing);
        }
        if (peeked.source === "allocator" && isNumberedByAllocator(kind)) {
          const allocated = await allocateDocumentNumber(tx, procuratorateId, kind, year);
          if (allocated?.number !== peeked.number) throw new NumberMovedError();
        }
        const doc = await tx.generatedDocument.create({
          data: {
            procuratorateId,
            caseId: links.caseId,
            hearingId: links.hearingId,
            kind,
            number: context.number,
            title,
            templateVersionId: template.versionId,
            sha256: placed.sha256,
            size: placed.size,
            agencyId,
            agencyVisible,
            subjectType,
            subjectId,
            snapshot: JSON.stringify(snapshot),
            fileName: docxFileName(title, context.number),
            batchId: input.batchId ?? null,
            createdById: actorId,
          },
          select: { id: true, title: true, number: true, fileName: true, sha256: true, size: true, agencyVisible: true },
        });
        await recordAudit(tx, {
          procuratorateId,
          actorId,
          action: "document.issue",
          entityType: "GeneratedDocument",
          entityId: doc.id,
          caseId: links.caseId,
          data: {
            kind,
            number: context.number,
            subjectType,
            subjectId,
            templateVersionId: template.versionId,
            sha256: placed.sha256,
            agencyVisible,
            release: definition.release,
            batchId: input.batchId ?? null,
          },
        });
        return { ...doc, size: Number(doc.size) };
      });
    } catch (error) {
      await removeUnreferencedPlaced([placed], isStoredHashReferenced);
      if (error instanceof NumberMovedError) continue;
      throw error;
    }
  }
  throw new DomainError("documents.error.numberBusy", 409);
}

type StoredDocument = {
  id: string;
  procuratorateId: string;
  kind: string;
  sha256: string;
  snapshot: string | null;
  templateVersionId: string | null;
};

/**
 * Renders a document again from its stored snapshot with its stored template version, and
 * compares the SHA-256: the same → the bytes; different → RegenerationMismatchError naming both.
 */
export async function regenerateDocument(doc: StoredDocument): Promise<{ bytes: Uint8Array; sha256: string }> {
  if (!doc.snapshot || !doc.templateVersionId) throw new DomainError("documents.error.noSnapshot", 409);
  const snapshot = JSON.parse(doc.snapshot) as DocumentSnapshot;
  const template = await getTemplateVersionBytes(doc.procuratorateId, doc.templateVersionId);
  if (!template) throw new DomainError("documents.error.noTemplate", 409);
  const bytes = await renderDocument({
    template,
    fields: snapshot.fields ?? fieldsOf(snapshot.kind),
    values: snapshot.values,
    generatedAt: new Date(snapshot.generatedAt),
  });
  const sha256 = sha256Of(bytes);
  if (sha256 !== doc.sha256) throw new RegenerationMismatchError(doc.sha256, sha256);
  return { bytes, sha256 };
}

/** The kinds a liaison may ever read: those addressed to an agency. */
const AGENCY_KINDS: DocumentKind[] = DOCUMENT_KINDS.filter((k) => addressedToAgency(definitionOf(k)));

const readableSelect = {
  id: true,
  procuratorateId: true,
  caseId: true,
  hearingId: true,
  kind: true,
  number: true,
  title: true,
  fileName: true,
  sha256: true,
  size: true,
  snapshot: true,
  templateVersionId: true,
  agencyId: true,
  agencyVisible: true,
} as const;

/**
 * A document the actor may read, or null (the route answers 404 for every refusal): staff of its
 * procuratorate with the permission to read what it belongs to (case, hearing, clue); the agency
 * liaison only for a document of a kind addressed to an agency, marked agencyVisible for their
 * agency (at issue, or on service: the kind's release rule); nobody else.
 */
export async function findReadableDocument(actor: Pick<Actor, "role">, scope: Scope, documentId: string) {
  if (!documentId) return null;
  if (scope.kind === "procuratorate") {
    const doc = await prisma.generatedDocument.findFirst({
      where: { id: documentId, procuratorateId: scope.procuratorateId },
      select: readableSelect,
    });
    if (!doc) return null;
    const permission = doc.caseId ? "case:read" : doc.hearingId ? "hearing:read" : "clue:read";
    return can(actor, permission) ? doc : null;
  }
  if (scope.kind === "agency") {
    // Only kinds addressed to an agency, whatever a row says: never an internal report or approval
    // form (DOMAIN.md §5), even one of the liaison's own case.
    return prisma.generatedDocument.findFirst({
      where: { id: documentId, procuratorateId: scope.procuratorateId, agencyId: scope.agencyId, agencyVisible: true, kind: { in: AGENCY_KINDS } },
      select: readableSelect,
    });
  }
  return null;
}

export type ReadableDocument = NonNullable<Awaited<ReturnType<typeof findReadableDocument>>>;

/** The stored bytes' path and size, or null when the store lost the file (the route answers 404). */
export async function storedDocumentFile(doc: { sha256: string }) {
  const file = pathForHash(doc.sha256);
  const stat = await fs.promises.stat(file).catch(() => null);
  return stat?.isFile() ? { path: file, size: stat.size } : null;
}

/** The staff's read of a stored document's bytes (batch zip, tests). */
export async function readStoredBytes(sha256: string): Promise<Uint8Array> {
  return fs.promises.readFile(pathForHash(sha256));
}

/** Records a download in the audit log (who took which document). */
export async function recordDocumentDownload(doc: { id: string; procuratorateId: string; caseId: string | null }, actorId: string, regenerated: boolean) {
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      procuratorateId: doc.procuratorateId,
      actorId,
      action: regenerated ? "document.regenerate" : "document.download",
      entityType: "GeneratedDocument",
      entityId: doc.id,
      // The case's log lists who downloaded its documents.
      caseId: doc.caseId,
      data: { caseId: doc.caseId },
    }),
  );
}

/**
 * A preview (HTML or PDF) sent the subject's current data to someone: a view event (docs/decisions/
 * 0012-view-events.md), the only write a GET may make. Records what was shown, never the values.
 */
export async function recordDocumentPreview(
  input: { procuratorateId: string; actorId: string; kind: DocumentKind; subjectType: DocumentSubject; subjectId: string; caseId: string | null; format: "html" | "pdf" },
) {
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      procuratorateId: input.procuratorateId,
      actorId: input.actorId,
      action: "document.preview.view",
      entityType: input.subjectType,
      entityId: input.subjectId,
      caseId: input.caseId,
      data: { kind: input.kind, subjectType: input.subjectType, subjectId: input.subjectId, format: input.format },
    }),
  );
}

// ── the pages' lists: what can be generated for a subject, and what was issued ──

export type DocumentCandidate = {
  kind: DocumentKind;
  subjectType: DocumentSubject;
  subjectId: string;
  /** Who the subject is, for the row: a panelist's name, a participant's, a consultation's date. */
  label: string | null;
  /** null: can be generated now; otherwise the loader's refusal (a message key). */
  blocked: string | null;
  /** The labels of required fields the current data leaves blank (it cannot be issued until filled). */
  missing: Bilingual[];
  numbered: boolean;
};

/** The labels (zh/en) of the named fields of a kind, for a message naming what is missing. */
export function fieldLabels(kind: DocumentKind, names: string[]): Bilingual[] {
  const fields = fieldsOf(kind);
  return names.map((n) => fields.find((f) => f.name === n)?.label ?? { zh: n, en: n });
}

/** Tries each kind's loader for a subject: can it be generated now, or why not (its 409 message). */
async function candidatesFor(procuratorateId: string, subjectType: DocumentSubject, subjects: { id: string; label: string | null }[]) {
  const kinds = DOCUMENT_KINDS.filter((k) => {
    try {
      return documentSource(k).definition.subject === subjectType;
    } catch {
      return false;
    }
  });
  const rows: DocumentCandidate[] = [];
  if (!subjects.length || !kinds.length) return rows;
  // The mapper and the required-values check too (cheap, nothing rendered): "ready" means issuable.
  const context: IssueContext = { procuratorate: await procuratorateName(procuratorateId), number: null, issuedOn: shanghaiDate() };
  for (const subject of subjects) {
    for (const kind of kinds) {
      const entry = documentSource(kind);
      let blocked: string | null = null;
      let missing: Bilingual[] = [];
      try {
        const source = await entry.load(procuratorateId, subject.id);
        if (source === null) continue;
        missing = fieldLabels(kind, missingValues(fieldsOf(kind), valuesFor(entry.definition, source, context)));
      } catch (error) {
        if (error instanceof DomainError) blocked = error.messageKey;
        else throw error;
      }
      rows.push({ kind, subjectType, subjectId: subject.id, label: subject.label, blocked, missing, numbered: entry.definition.numbered });
    }
  }
  return rows;
}

const issuedSelect = {
  id: true,
  kind: true,
  number: true,
  title: true,
  size: true,
  agencyId: true,
  agencyVisible: true,
  subjectType: true,
  subjectId: true,
  createdAt: true,
  batchId: true,
  agency: { select: { name: true } },
  createdBy: { select: { displayName: true } },
  _count: { select: { services: true } },
} as const;

type IssuedRow = { kind: string; size: bigint; agencyId: string | null; agencyVisible: boolean };

/**
 * An issued document for the pages' lists, with where it stands towards its agency: visible to it,
 * or addressed to it and waiting for its service (the kind's release rule "on_service").
 */
function issuedRow<D extends IssuedRow>(d: D) {
  const kind = documentKindSchema.safeParse(d.kind);
  const awaitingService = d.agencyId !== null && !d.agencyVisible && kind.success && releasedOnService(definitionOf(kind.data));
  return { ...d, size: Number(d.size), awaitingService };
}

/** The case page's documents: the kinds of the case, its consultations and its recommendations, and what was issued. */
export async function caseDocumentsPanel(procuratorateId: string, caseId: string) {
  const c = orNotFound(
    await prisma.case.findFirst({
      where: { id: caseId, procuratorateId },
      select: {
        id: true,
        consultations: { select: { id: true, heldOn: true }, orderBy: { heldOn: "asc" }, take: 20 },
        recommendations: { select: { id: true, number: true }, orderBy: { createdAt: "asc" }, take: 20 },
      },
    }),
  );
  const candidates = [
    ...(await candidatesFor(procuratorateId, "case", [{ id: c.id, label: null }])),
    ...(await candidatesFor(
      procuratorateId,
      "consultation",
      c.consultations.map((x) => ({ id: x.id, label: x.heldOn })),
    )),
    ...(await candidatesFor(
      procuratorateId,
      "recommendation",
      c.recommendations.map((x) => ({ id: x.id, label: x.number })),
    )),
  ];
  const issued = await prisma.generatedDocument.findMany({
    where: { caseId: c.id, procuratorateId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 100,
    select: issuedSelect,
  });
  return { candidates, issued: issued.map(issuedRow) };
}

/** The clue page's documents: 不立案决定书 and whatever else is made from a clue. */
export async function clueDocumentsPanel(procuratorateId: string, clueId: string) {
  const clue = orNotFound(await prisma.clue.findFirst({ where: { id: clueId, procuratorateId }, select: { id: true } }));
  const candidates = await candidatesFor(procuratorateId, "clue", [{ id: clue.id, label: null }]);
  const issued = await prisma.generatedDocument.findMany({
    where: { procuratorateId, subjectType: "clue", subjectId: clue.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 50,
    select: issuedSelect,
  });
  return { candidates, issued: issued.map(issuedRow) };
}

/** The hearing's documents tab: announcement, record, a notice per participant, an invitation and opinion form per seated panelist. */
export async function hearingDocumentsPanel(procuratorateId: string, hearingId: string) {
  const h = orNotFound(
    await prisma.hearing.findFirst({
      where: { id: hearingId, procuratorateId },
      select: {
        id: true,
        panelists: {
          where: { recused: false },
          select: { panelistId: true, panelist: { select: { name: true } } },
          orderBy: { invitedAt: "asc" },
          take: 30,
        },
        // Observers attend but are not notified parties: no 听证通知书 for them.
        participants: { where: { kind: { not: "observer" } }, select: { id: true, name: true, organisation: true }, orderBy: { id: "asc" }, take: 60 },
      },
    }),
  );
  const candidates = [
    ...(await candidatesFor(procuratorateId, "hearing", [{ id: h.id, label: null }])),
    ...(await candidatesFor(
      procuratorateId,
      "hearing_panelist",
      h.panelists.map((p) => ({ id: seatSubjectId(h.id, p.panelistId), label: p.panelist.name })),
    )),
    ...(await candidatesFor(
      procuratorateId,
      "hearing_participant",
      h.participants.map((p) => ({ id: p.id, label: `${p.name}（${p.organisation}）` })),
    )),
  ];
  const issued = await prisma.generatedDocument.findMany({
    where: { hearingId: h.id, procuratorateId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 100,
    select: issuedSelect,
  });
  return { candidates, issued: issued.map(issuedRow) };
}

export type DocumentsPanel = Awaited<ReturnType<typeof caseDocumentsPanel>>;
