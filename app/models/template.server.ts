import fs from "node:fs";
import path from "node:path";
import { inspectDocx } from "~/documents/inspect.server";
import { fieldsOf } from "~/domain/documents/definitions";
import type { DocumentKind } from "~/domain/documents/kinds";
import { DOCUMENT_KINDS, documentKindSchema } from "~/domain/documents/kinds";
import type { FieldSpec } from "~/domain/documents/spec";
import { TemplateRejectedError, checkTemplate } from "~/domain/documents/template-check";
import { createT } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { readStoredVerified, storeBuffer } from "~/storage/file-store.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { DomainError, notFound, orNotFound } from "~/utils/errors";

// Document templates and their versions (issue 10, item 4). A kind has at most one shared template
// (procuratorateId null: the packaged templates/<kind>.docx, registered on start) and at most one
// template of each procuratorate (its administrators' uploads), which takes precedence. Every
// version is kept; the template's activeVersion names the one in use. The .docx itself lives in the
// content-addressed store under its SHA-256, checked again whenever it is read back.

// ───────── reading ─────────

/**
 * Every document kind with the template that applies to the procuratorate (its own if it has one,
 * else the shared one, else none yet), and the other one when both exist.
 */
export async function listTemplatesByKind(procuratorateId: string) {
  const rows = await prisma.documentTemplate.findMany({
    where: { OR: [{ procuratorateId }, { procuratorateId: null }] },
    select: templateSelect,
  });
  return DOCUMENT_KINDS.map((kind) => {
    const own = rows.find((r) => r.kind === kind && r.procuratorateId === procuratorateId) ?? null;
    const shared = rows.find((r) => r.kind === kind && r.procuratorateId === null) ?? null;
    // An own template with activeVersion 0 is switched off ("use the shared template again").
    const ownActive = own && own.activeVersion > 0 ? own : null;
    const inEffect = ownActive ?? shared;
    return {
      kind,
      template: inEffect ? templateView(inEffect) : null,
      /** The shared template when the procuratorate's own one overrides it. */
      overridden: ownActive && shared ? templateView(shared) : null,
    };
  });
}

/** One kind in detail, for its admin page: the templates (own, shared) and the kind's placeholders. */
export async function templateKindDetail(procuratorateId: string, kind: DocumentKind) {
  const rows = await prisma.documentTemplate.findMany({
    where: { kind, OR: [{ procuratorateId }, { procuratorateId: null }] },
    select: templateSelect,
  });
  const own = rows.find((r) => r.procuratorateId === procuratorateId) ?? null;
  const shared = rows.find((r) => r.procuratorateId === null) ?? null;
  const fields = fieldsOrNull(kind);
  return {
    kind,
    inEffect: own && own.activeVersion > 0 ? ("own" as const) : shared ? ("shared" as const) : null,
    own: own ? { ...templateView(own), versions: withCurrentProblems(templateView(own).versions, fields) } : null,
    shared: shared ? templateView(shared) : null,
    fields,
  };
}

/**
 * Each own version with the problems it has against the kind's CURRENT manifest (the manifest may
 * have changed since the upload): the pure upload check run on the placeholders stored with the
 * version. The size was checked on upload and is not checked again.
 */
function withCurrentProblems<V extends { fields: string[] | null }>(versions: V[], fields: FieldSpec[] | null) {
  return versions.map((v) => ({
    ...v,
    problems: fields && v.fields ? checkTemplate({ fields, inspection: { ok: true, placeholders: v.fields }, size: 0, maxBytes: 1 }) : [],
  }));
}

const templateSelect = {
  id: true,
  kind: true,
  name: true,
  procuratorateId: true,
  activeVersion: true,
  versions: {
    orderBy: { version: "desc" as const },
    select: {
      id: true,
      version: true,
      sha256: true,
      size: true,
      origin: true,
      fileName: true,
      fields: true,
      note: true,
      createdAt: true,
      createdBy: { select: { displayName: true } },
    },
  },
};

type TemplateRow = {
  id: string;
  name: string;
  procuratorateId: string | null;
  activeVersion: number;
  versions: {
    id: string;
    version: number;
    sha256: string;
    size: number;
    origin: string;
    fileName: string | null;
    fields: string;
    note: string | null;
    createdAt: Date;
    createdBy: { displayName: string } | null;
  }[];
};

function templateView(row: TemplateRow) {
  return {
    id: row.id,
    name: row.name,
    scope: row.procuratorateId ? ("own" as const) : ("shared" as const),
    activeVersion: row.activeVersion,
    versions: row.versions.map(({ createdBy, fields, ...v }) => {
      const placeholders = parsePlaceholders(fields);
      return {
        ...v,
        active: v.version === row.activeVersion,
        createdByName: createdBy?.displayName ?? null,
        fieldCount: placeholders?.length ?? null,
        fields: placeholders,
      };
    }),
  };
}

function parsePlaceholders(json: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === "string") : null;
  } catch {
    return null;
  }
}

/** The manifest's placeholders of a kind, or null while the kind has no definition yet. */
function fieldsOrNull(kind: DocumentKind): FieldSpec[] | null {
  try {
    return fieldsOf(kind);
  } catch {
    return null;
  }
}

/** The manifest's placeholders of a kind; 409 when the kind has no definition (cannot be checked or filled). */
function kindFields(kind: DocumentKind): FieldSpec[] {
  const fields = fieldsOrNull(kind);
  if (!fields) throw new DomainError("templates.error.noDefinition", 409);
  return fields;
}

export type ActiveTemplate = {
  versionId: string;
  version: number;
  scope: "own" | "shared";
  bytes: Uint8Array;
  fields: FieldSpec[];
};

/**
 * The template a document of `kind` is generated from: the active version of the procuratorate's
 * own template, else of the shared one. 409 templates.error.none when there is neither.
 */
export async function getActiveTemplate(procuratorateId: string, kind: DocumentKind): Promise<ActiveTemplate> {
  const rows = await prisma.documentTemplate.findMany({
    where: { kind, OR: [{ procuratorateId }, { procuratorateId: null }] },
    select: { procuratorateId: true, activeVersion: true, versions: { select: { id: true, version: true, sha256: true } } },
  });
  // Own first; a template whose active version row is somehow gone gives way to the next.
  const ordered = [...rows].sort((a, b) => (a.procuratorateId ? 0 : 1) - (b.procuratorateId ? 0 : 1));
  for (const row of ordered) {
    const version = row.versions.find((v) => v.version === row.activeVersion);
    if (!version) continue;
    return {
      versionId: version.id,
      version: version.version,
      scope: row.procuratorateId ? "own" : "shared",
      bytes: await readTemplateBytes(version.sha256),
      fields: kindFields(kind),
    };
  }
  throw new DomainError("templates.error.none", 409);
}

/**
 * The bytes of one template version, for a byte-for-byte regeneration: the version must belong to
 * the procuratorate's own template or a shared one (404 otherwise).
 */
export async function getTemplateVersionBytes(procuratorateId: string, versionId: string): Promise<Uint8Array> {
  const version = orNotFound(await findVersionInScope(procuratorateId, versionId));
  return readTemplateBytes(version.sha256);
}

/** A version the procuratorate may read (its own template's or a shared one's), for download. */
export async function getTemplateVersionFile(procuratorateId: string, versionId: string) {
  const version = orNotFound(await findVersionInScope(procuratorateId, versionId));
  return {
    kind: version.template.kind,
    version: version.version,
    fileName: version.fileName,
    sha256: version.sha256,
    bytes: await readTemplateBytes(version.sha256),
  };
}

function findVersionInScope(procuratorateId: string, versionId: string) {
  return prisma.documentTemplateVersion.findFirst({
    where: { id: versionId, template: { OR: [{ procuratorateId }, { procuratorateId: null }] } },
    select: { sha256: true, version: true, fileName: true, template: { select: { kind: true } } },
  });
}

/** Reads a template file from the store and checks its SHA-256 (409 when it is gone or changed). */
async function readTemplateBytes(sha256: string): Promise<Uint8Array> {
  const read = await readStoredVerified(sha256);
  if (!read.ok) {
    console.error(`template file ${sha256} is ${read.problem} in the file store`);
    throw new DomainError(read.problem === "missing" ? "templates.error.fileMissing" : "templates.error.fileDamaged", 409);
  }
  return read.bytes;
}

// ───────── writing ─────────

export type TemplateFile = { name: string; bytes: Uint8Array };

/**
 * An administrator's upload: checked against the kind's manifest (refused with its problems,
 * TemplateRejectedError, nothing written), then stored and made the active new version of the
 * procuratorate's own template of the kind (created on the first upload).
 */
export async function uploadTemplateVersion(procuratorateId: string, actorId: string, kind: DocumentKind, file: TemplateFile) {
  documentKindSchema.parse(kind);
  const fields = kindFields(kind);
  const maxBytes = getEnv().templateMaxBytes;
  const size = file.bytes.byteLength;
  const inspection = size > maxBytes ? null : await inspectDocx(file.bytes);
  const problems = checkTemplate({ fields, inspection, size, maxBytes });
  if (problems.length > 0) throw new TemplateRejectedError(problems);
  const placeholders = inspection?.ok ? inspection.placeholders : [];

  const stored = await storeBuffer(file.bytes);
  return prisma.$transaction(async (tx) => {
    const template =
      (await tx.documentTemplate.findFirst({ where: { procuratorateId, kind }, select: { id: true, activeVersion: true } })) ??
      (await tx.documentTemplate.create({
        data: { procuratorateId, kind, name: kindName(kind), activeVersion: 0 },
        select: { id: true, activeVersion: true },
      }));
    const version = await addVersion(tx, template.id, {
      sha256: stored.sha256,
      size,
      origin: "upload",
      fileName: file.name,
      placeholders,
      createdById: actorId,
    });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "template.version.uploaded",
      entityType: "DocumentTemplate",
      entityId: template.id,
      data: {
        kind,
        version: version.version,
        sha256: stored.sha256,
        size,
        fileName: file.name,
        before: { activeVersion: template.activeVersion || null },
        after: { activeVersion: version.version },
      },
    });
    return { templateId: template.id, versionId: version.id, version: version.version };
  });
}

/**
 * Makes a kept version of the procuratorate's own template the active one again. A shared
 * template is not the procuratorate's to change: its active version is the packaged file of this
 * installation and serves every procuratorate, so switching it here would change the others'
 * documents (409); an administrator who wants an older shared version downloads it and uploads it,
 * which makes it a version of their own. Another procuratorate's template answers 404.
 */
export async function activateTemplateVersion(procuratorateId: string, actorId: string, templateId: string, version: number) {
  return prisma.$transaction(async (tx) => {
    const template = orNotFound(
      await tx.documentTemplate.findFirst({
        where: { id: templateId, OR: [{ procuratorateId }, { procuratorateId: null }] },
        select: { id: true, kind: true, procuratorateId: true, activeVersion: true },
      }),
    );
    if (template.procuratorateId === null) throw new DomainError("templates.error.sharedReadOnly", 409);
    const target = await tx.documentTemplateVersion.findUnique({
      where: { templateId_version: { templateId, version } },
      select: { id: true },
    });
    if (!target) notFound();
    if (template.activeVersion === version) return { changed: false };
    await tx.documentTemplate.update({ where: { id: templateId }, data: { activeVersion: version } });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "template.version.activated",
      entityType: "DocumentTemplate",
      entityId: templateId,
      data: { kind: template.kind, before: { activeVersion: template.activeVersion || null }, after: { activeVersion: version } },
    });
    return { changed: true };
  });
}

/**
 * "Use the shared template again": switches the procuratorate's own template of the kind off
 * (activeVersion 0 = no version active), so that its documents are made from the shared template.
 * Every own version is kept; making one active again (activateTemplateVersion) or uploading a new
 * one switches the own template back on. 404 when the procuratorate has no own template of the
 * kind, 409 when there is no shared template to go back to.
 */
export async function returnToSharedTemplate(procuratorateId: string, actorId: string, kind: DocumentKind) {
  return prisma.$transaction(async (tx) => {
    const own = orNotFound(
      await tx.documentTemplate.findFirst({ where: { procuratorateId, kind }, select: { id: true, activeVersion: true } }),
    );
    if (own.activeVersion === 0) return { changed: false };
    const shared = await tx.documentTemplate.findFirst({
      where: { procuratorateId: null, kind, activeVersion: { gt: 0 } },
      select: { activeVersion: true },
    });
    if (!shared) throw new DomainError("templates.error.noShared", 409);
    await tx.documentTemplate.update({ where: { id: own.id }, data: { activeVersion: 0 } });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "template.shared.restored",
      entityType: "DocumentTemplate",
      entityId: own.id,
      data: { kind, sharedVersion: shared.activeVersion, before: { activeVersion: own.activeVersion }, after: { activeVersion: null } },
    });
    return { changed: true };
  });
}

type NewVersion = {
  sha256: string;
  size: number;
  origin: "packaged" | "upload";
  fileName: string;
  placeholders: readonly string[];
  createdById: string | null;
};

/** Appends a version (number = highest + 1) and makes it the active one. */
async function addVersion(tx: Tx, templateId: string, v: NewVersion) {
  const last = await tx.documentTemplateVersion.findFirst({
    where: { templateId },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  const version = (last?.version ?? 0) + 1;
  const row = await tx.documentTemplateVersion.create({
    data: {
      templateId,
      version,
      sha256: v.sha256,
      size: v.size,
      origin: v.origin,
      fileName: v.fileName,
      fields: JSON.stringify(v.placeholders),
      createdById: v.createdById,
    },
    select: { id: true, version: true },
  });
  await tx.documentTemplate.update({ where: { id: templateId }, data: { activeVersion: version } });
  return row;
}

function kindName(kind: DocumentKind): string {
  return createT("zh-CN").label("documentKind", kind);
}

// ───────── packaged templates, registered on start ─────────

/** The packaged templates' folder: templates/ at the project root (the working directory). */
export function packagedTemplatesDir(): string {
  return path.resolve(process.cwd(), "templates");
}

export type RegistrationResult = {
  /** Kinds whose packaged file became a new version (and the active one). */
  registered: { kind: DocumentKind; version: number; sha256: string }[];
  /** Kinds whose packaged file is already the active version of the shared template. */
  unchanged: DocumentKind[];
  /**
   * Kinds whose packaged file equals an older version of the shared template (a deploy rolled
   * back): that version is made the active one again, so the shared template follows the files.
   */
  reactivated: { kind: DocumentKind; version: number; sha256: string }[];
  /** Manifest entries that could not be registered, and why. */
  skipped: { entry: string; reason: string }[];
};

/**
 * Registers templates/<kind>.docx of every kind in templates/manifest.json as the shared template
 * of its kind: stored in the file store, and, when its SHA-256 is not among the shared template's
 * versions, appended as a new version (origin packaged) and made active, with an audit event;
 * when it equals a version that is not the active one (a rolled-back deploy), that version is made
 * active again, with an audit event. An unchanged file changes nothing, so running it on every
 * start is safe.
 */
export async function registerPackagedTemplates(dir = packagedTemplatesDir()): Promise<RegistrationResult> {
  const result: RegistrationResult = { registered: [], unchanged: [], reactivated: [], skipped: [] };
  const manifestFile = path.join(dir, "manifest.json");
  if (!fs.existsSync(manifestFile)) return result;
  const entries = manifestEntries(JSON.parse(await fs.promises.readFile(manifestFile, "utf8")) as unknown);
  for (const entry of entries) {
    const parsed = documentKindSchema.safeParse(entry.kind);
    if (!parsed.success) {
      result.skipped.push({ entry: entry.kind, reason: "not a document kind" });
      continue;
    }
    const kind = parsed.data;
    const fileName = path.basename(entry.file ?? `${kind}.docx`);
    const file = path.join(dir, fileName);
    if (!fs.existsSync(file)) {
      result.skipped.push({ entry: kind, reason: `${fileName} is missing` });
      continue;
    }
    const bytes = new Uint8Array(await fs.promises.readFile(file));
    const inspection = await inspectDocx(bytes);
    if (!inspection.ok) {
      result.skipped.push({ entry: kind, reason: `${fileName}: ${inspection.problem}` });
      continue;
    }
    // Stored every time: a no-op when present, and it puts back a file a lost data folder took.
    const stored = await storeBuffer(bytes);
    const outcome = await prisma.$transaction(async (tx) => {
      const template =
        (await tx.documentTemplate.findFirst({
          where: { procuratorateId: null, kind },
          select: { id: true, activeVersion: true, versions: { select: { sha256: true, version: true } } },
        })) ??
        (await tx.documentTemplate.create({
          data: { procuratorateId: null, kind, name: kindName(kind), activeVersion: 0 },
          select: { id: true, activeVersion: true, versions: { select: { sha256: true, version: true } } },
        }));
      const known = template.versions
        .filter((v) => v.sha256 === stored.sha256)
        .sort((a, b) => b.version - a.version);
      if (known.some((v) => v.version === template.activeVersion)) return { outcome: "unchanged" as const };
      const previous = known[0];
      if (previous) {
        await tx.documentTemplate.update({ where: { id: template.id }, data: { activeVersion: previous.version } });
        await recordAudit(tx, {
          action: "template.version.reactivated",
          entityType: "DocumentTemplate",
          entityId: template.id,
          data: {
            kind,
            version: previous.version,
            sha256: stored.sha256,
            fileName,
            before: { activeVersion: template.activeVersion || null },
            after: { activeVersion: previous.version },
          },
        });
        return { outcome: "reactivated" as const, version: previous.version };
      }
      const version = await addVersion(tx, template.id, {
        sha256: stored.sha256,
        size: bytes.byteLength,
        origin: "packaged",
        fileName,
        placeholders: inspection.placeholders,
        createdById: null,
      });
      await recordAudit(tx, {
        action: "template.version.registered",
        entityType: "DocumentTemplate",
        entityId: template.id,
        data: {
          kind,
          version: version.version,
          sha256: stored.sha256,
          size: bytes.byteLength,
          fileName,
          before: { activeVersion: template.activeVersion || null },
          after: { activeVersion: version.version },
        },
      });
      return { outcome: "registered" as const, version: version.version };
    });
    if (outcome.outcome === "unchanged") result.unchanged.push(kind);
    else result[outcome.outcome].push({ kind, version: outcome.version, sha256: stored.sha256 });
  }
  return result;
}

/**
 * The kinds a manifest lists, with their file when it names one. Accepts the manifest as a list of
 * entries ({ kind, file? }) or an object keyed by kind, at the top or under "kinds"/"templates".
 */
export function manifestEntries(manifest: unknown): { kind: string; file?: string }[] {
  const container =
    isRecord(manifest) && !Array.isArray(manifest) && ("kinds" in manifest || "templates" in manifest)
      ? (manifest.kinds ?? manifest.templates)
      : manifest;
  const fileOf = (value: unknown): string | undefined => {
    if (!isRecord(value)) return undefined;
    const file = value.file ?? value.fileName ?? value.template;
    return typeof file === "string" ? file : undefined;
  };
  if (Array.isArray(container)) {
    return container.flatMap((e) => (isRecord(e) && typeof e.kind === "string" ? [{ kind: e.kind, file: fileOf(e) }] : []));
  }
  if (isRecord(container)) {
    // Keyed by kind: an entry is an object; other keys ("version", "$schema") are not entries.
    return Object.entries(container)
      .filter(([, value]) => isRecord(value) && !Array.isArray(value))
      .map(([kind, value]) => ({ kind, file: fileOf(value) }));
  }
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
