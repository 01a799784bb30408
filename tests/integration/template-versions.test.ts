import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { callAction, callLoader, cookieFor, createProcuratorate, createUser, request } from "#tests/factories";
import { docxWith, placeholderParagraphs } from "#tests/support/docx-template";
import type * as Definitions from "~/domain/documents/definitions";
import type { DocumentKind } from "~/domain/documents/kinds";
import type { FieldSpec } from "~/domain/documents/spec";
import { COMMON_FIELDS, NUMBER_FIELD } from "~/domain/documents/spec";
import { TemplateRejectedError } from "~/domain/documents/template-check";
import {
  activateTemplateVersion,
  getActiveTemplate,
  getTemplateVersionBytes,
  listTemplatesByKind,
  registerPackagedTemplates,
  uploadTemplateVersion,
  returnToSharedTemplate,
} from "~/models/template.server";
import { action, loader } from "~/routes/_staff.admin.templates_.$kind";
import { loader as download } from "~/routes/_staff.admin.templates_.download.$versionId";
import { filesRoot, pathForHash } from "~/storage/file-store.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";
// eslint-disable-next-line no-restricted-imports -- the script lives outside app/ (no ~/ alias there)
import { templatesToRegister } from "../../scripts/templates-pending.mjs";

const dbFile = () => process.env.DATABASE_URL!.replace(/^file:/, "");

// The kinds' fields come from their definitions (other work); these tests pass their own, so that
// they test the versions and the check, whatever a kind's manifest says.
const label = { zh: "字段", en: "Field" };
const KIND_FIELDS: FieldSpec[] = [
  ...COMMON_FIELDS,
  NUMBER_FIELD,
  { name: "agency_name", type: "text", required: true, label },
  { name: "facts", type: "paragraphs", required: true, label },
  { name: "remarks", type: "text", required: false, label },
];
vi.mock("~/domain/documents/definitions", async (importOriginal) => ({
  ...(await importOriginal<typeof Definitions>()),
  fieldsOf: () => KIND_FIELDS,
}));

const KIND: DocumentKind = "recommendation";
const REQUIRED = KIND_FIELDS.filter((f) => f.required).map((f) => f.name);
const valid = (extra: string[] = []) => docxWith(["检察建议书", ...placeholderParagraphs(REQUIRED), ...extra]);

async function auditCount(action: string) {
  return prisma.auditEvent.count({ where: { action } });
}

async function packagedDir(files: Record<string, Uint8Array>) {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "procura-templates-"));
  await fs.promises.writeFile(path.join(dir, "manifest.json"), JSON.stringify({ kinds: Object.keys(files).map((kind) => ({ kind, file: `${kind}.docx` })) }));
  for (const [kind, bytes] of Object.entries(files)) await fs.promises.writeFile(path.join(dir, `${kind}.docx`), bytes);
  return dir;
}

const sharedTemplate = (kind: DocumentKind) =>
  prisma.documentTemplate.findFirst({ where: { procuratorateId: null, kind }, include: { versions: { orderBy: { version: "asc" } } } });

describe("packaged templates registered on start", () => {
  it("the seeded database (built like a first start) has every packaged template as its kind's active shared version", async () => {
    const dir = path.resolve("templates");
    const manifest = JSON.parse(await fs.promises.readFile(path.join(dir, "manifest.json"), "utf8")) as { kinds: { kind: string; file: string }[] };
    expect(manifest.kinds.length).toBeGreaterThan(0);
    for (const { kind, file } of manifest.kinds) {
      const sha256 = createHash("sha256").update(await fs.promises.readFile(path.join(dir, file))).digest("hex");
      const shared = await prisma.documentTemplate.findFirstOrThrow({ where: { procuratorateId: null, kind }, include: { versions: true } });
      const active = shared.versions.find((v) => v.version === shared.activeVersion);
      expect(active, kind).toMatchObject({ sha256, origin: "packaged" });
      expect(fs.existsSync(pathForHash(sha256)), kind).toBe(true);
    }
  });

  it("registers a new file once, a changed file as a new active version, and an unchanged one not at all", async () => {
    const first = await valid(["第一版"]);
    const before = (await sharedTemplate("complaint"))?.versions.length ?? 0;
    const events = await auditCount("template.version.registered");

    const dir = await packagedDir({ complaint: first });
    const r1 = await registerPackagedTemplates(dir);
    expect(r1.registered.map((r) => r.kind)).toEqual(["complaint"]);
    let shared = (await sharedTemplate("complaint"))!;
    expect(shared.versions).toHaveLength(before + 1);
    const v1 = shared.versions.at(-1)!;
    expect(v1).toMatchObject({ origin: "packaged", fileName: "complaint.docx", size: first.byteLength, createdById: null });
    expect(shared.activeVersion).toBe(v1.version);
    expect(JSON.parse(v1.fields)).toEqual(expect.arrayContaining(REQUIRED));
    expect(fs.existsSync(pathForHash(v1.sha256))).toBe(true);
    expect(await auditCount("template.version.registered")).toBe(events + 1);

    // Idempotent: the same file again changes nothing.
    const r2 = await registerPackagedTemplates(dir);
    expect(r2).toMatchObject({ registered: [], unchanged: ["complaint"] });
    expect((await sharedTemplate("complaint"))!.versions).toHaveLength(before + 1);
    expect(await auditCount("template.version.registered")).toBe(events + 1);

    // A changed file becomes the next version, and the active one.
    const second = await valid(["第二版"]);
    await fs.promises.writeFile(path.join(dir, "complaint.docx"), second);
    const r3 = await registerPackagedTemplates(dir);
    expect(r3.registered).toEqual([{ kind: "complaint", version: v1.version + 1, sha256: expect.any(String) as unknown }]);
    shared = (await sharedTemplate("complaint"))!;
    expect(shared.versions).toHaveLength(before + 2);
    expect(shared.activeVersion).toBe(v1.version + 1);
    expect(await auditCount("template.version.registered")).toBe(events + 2);

    // A rolled-back deploy: the packaged file equals the older version again. The start's quick
    // check sees it is not the active version; registration adds no version but makes that one
    // active again, with an audit event; then the check is satisfied.
    const pending = () => templatesToRegister({ templatesDir: dir, dbFile: dbFile(), filesDir: filesRoot() });
    expect(pending()).toBe(false);
    await fs.promises.writeFile(path.join(dir, "complaint.docx"), first);
    expect(pending()).toBe(true);
    const reactivations = await auditCount("template.version.reactivated");
    const r4 = await registerPackagedTemplates(dir);
    expect(r4).toMatchObject({ registered: [], unchanged: [], reactivated: [{ kind: "complaint", version: v1.version, sha256: v1.sha256 }] });
    shared = (await sharedTemplate("complaint"))!;
    expect(shared.versions).toHaveLength(before + 2);
    expect(shared.activeVersion).toBe(v1.version);
    expect(await auditCount("template.version.reactivated")).toBe(reactivations + 1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "template.version.reactivated", entityId: shared.id }, orderBy: { seq: "desc" } });
    expect(JSON.parse(event.data!)).toMatchObject({ kind: "complaint", before: { activeVersion: v1.version + 1 }, after: { activeVersion: v1.version } });
    expect(pending()).toBe(false);
    expect(await registerPackagedTemplates(dir)).toMatchObject({ unchanged: ["complaint"], reactivated: [] });
  });

  it("skips what it cannot register and says why", async () => {
    const dir = await packagedDir({});
    await fs.promises.writeFile(path.join(dir, "manifest.json"), JSON.stringify({ kinds: [{ kind: "no_such_kind" }, { kind: "hearing_notice" }] }));
    const result = await registerPackagedTemplates(dir);
    expect(result.registered).toEqual([]);
    expect(result.skipped.map((s) => s.entry)).toEqual(["no_such_kind", "hearing_notice"]);
  });
});

describe("uploads, precedence and activation", () => {
  let gui: string;
  let other: string;
  let adminId: string;
  beforeAll(async () => {
    gui = (await createProcuratorate({ name: "模板测试院" })).id;
    other = (await createProcuratorate({ name: "模板他院" })).id;
    adminId = (await createUser({ role: "admin", procuratorateId: gui })).id;
    await registerPackagedTemplates(await packagedDir({ [KIND]: await valid(["系统内置"]) }));
  });

  it("refuses a template with its problems and writes nothing", async () => {
    const bytes = await docxWith(["{{procuratorate}}", "{{issued_on}}", "{{ doc_number }}", "{{informant_name}}", "事实：{{facts}}"]);
    const [templates, versions, events] = [await prisma.documentTemplate.count(), await prisma.documentTemplateVersion.count(), await prisma.auditEvent.count()];
    const error = await uploadTemplateVersion(gui, adminId, KIND, { name: "bad.docx", bytes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateRejectedError);
    expect((error as TemplateRejectedError).status).toBe(400);
    expect((error as TemplateRejectedError).problems).toEqual([
      { code: "missing", name: "doc_number" },
      { code: "missing", name: "agency_name" },
      { code: "unknown", name: "informant_name" },
      { code: "malformed", text: "{{ doc_number }}" },
      { code: "block_not_alone", name: "facts" },
    ]);
    const notDocx = await uploadTemplateVersion(gui, adminId, KIND, { name: "a.doc", bytes: new TextEncoder().encode("plain") }).catch((e: unknown) => e);
    expect((notDocx as TemplateRejectedError).problems).toEqual([{ code: "not_docx" }]);
    expect([await prisma.documentTemplate.count(), await prisma.documentTemplateVersion.count(), await prisma.auditEvent.count()]).toEqual([templates, versions, events]);
    expect(fs.existsSync(pathForHash(createHash("sha256").update(bytes).digest("hex")))).toBe(false);
  });

  it("uses the shared template until the procuratorate uploads its own, which then takes precedence", async () => {
    const shared = await getActiveTemplate(gui, KIND);
    expect(shared.scope).toBe("shared");
    expect(shared.fields).toEqual(KIND_FIELDS);

    const bytes = await valid(["本院第一版"]);
    const up = await uploadTemplateVersion(gui, adminId, KIND, { name: "本院建议书.docx", bytes });
    expect(up.version).toBe(1);
    const own = await getActiveTemplate(gui, KIND);
    expect(own).toMatchObject({ scope: "own", version: 1, versionId: up.versionId });
    expect(Buffer.from(own.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(await getTemplateVersionBytes(gui, up.versionId)).toEqual(own.bytes);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "template.version.uploaded", entityId: up.templateId } });
    expect(JSON.parse(event.data!)).toMatchObject({ kind: KIND, version: 1, before: { activeVersion: null }, after: { activeVersion: 1 } });

    // Another procuratorate still gets the shared one.
    expect((await getActiveTemplate(other, KIND)).scope).toBe("shared");
    const row = (await listTemplatesByKind(gui)).find((k) => k.kind === KIND)!;
    expect(row.template?.scope).toBe("own");
    expect(row.overridden?.scope).toBe("shared");
  });

  it("keeps every version, and makes an older one active again", async () => {
    const second = await uploadTemplateVersion(gui, adminId, KIND, { name: "第二版.docx", bytes: await valid(["本院第二版"]) });
    expect(second.version).toBe(2);
    expect((await getActiveTemplate(gui, KIND)).version).toBe(2);

    expect(await activateTemplateVersion(gui, adminId, second.templateId, 1)).toEqual({ changed: true });
    const active = await getActiveTemplate(gui, KIND);
    expect(active.version).toBe(1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "template.version.activated", entityId: second.templateId }, orderBy: { seq: "desc" } });
    expect(JSON.parse(event.data!)).toMatchObject({ before: { activeVersion: 2 }, after: { activeVersion: 1 } });
    expect(await activateTemplateVersion(gui, adminId, second.templateId, 1)).toEqual({ changed: false });
    // A version that does not exist: 404.
    expect(await statusOf(activateTemplateVersion(gui, adminId, second.templateId, 9))).toBe(404);
  });

  it("another procuratorate can neither read nor activate these versions (404); nobody switches a shared template (409)", async () => {
    const own = await prisma.documentTemplate.findFirstOrThrow({ where: { procuratorateId: gui, kind: KIND }, include: { versions: true } });
    expect(await statusOf(activateTemplateVersion(other, adminId, own.id, 2))).toBe(404);
    expect(await statusOf(getTemplateVersionBytes(other, own.versions[0]!.id))).toBe(404);
    expect((await prisma.documentTemplate.findUniqueOrThrow({ where: { id: own.id } })).activeVersion).toBe(1);
    const shared = (await sharedTemplate(KIND))!;
    expect(await statusOf(activateTemplateVersion(gui, adminId, shared.id, shared.versions[0]!.version))).toBe(409);
    // A shared version is readable by everyone (regeneration of a document made from it).
    expect((await getTemplateVersionBytes(other, shared.versions[0]!.id)).byteLength).toBeGreaterThan(0);
  });

  it("goes back to the shared template (audited), keeps its own versions, and can make one active again", async () => {
    const own = await prisma.documentTemplate.findFirstOrThrow({ where: { procuratorateId: gui, kind: KIND } });
    expect((await getActiveTemplate(gui, KIND)).scope).toBe("own");
    expect(await returnToSharedTemplate(gui, adminId, KIND)).toEqual({ changed: true });
    expect((await getActiveTemplate(gui, KIND)).scope).toBe("shared");
    expect((await listTemplatesByKind(gui)).find((k) => k.kind === KIND)!.template?.scope).toBe("shared");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "template.shared.restored", entityId: own.id } });
    expect(JSON.parse(event.data!)).toMatchObject({ kind: KIND, before: { activeVersion: own.activeVersion }, after: { activeVersion: null } });
    expect(await returnToSharedTemplate(gui, adminId, KIND)).toEqual({ changed: false });
    expect(await prisma.documentTemplateVersion.count({ where: { templateId: own.id } })).toBeGreaterThanOrEqual(2);
    // Another procuratorate without an own template: 404; any own version can be made active again.
    expect(await statusOf(returnToSharedTemplate(other, adminId, KIND))).toBe(404);
    expect(await activateTemplateVersion(gui, adminId, own.id, 2)).toEqual({ changed: true });
    expect(await getActiveTemplate(gui, KIND)).toMatchObject({ scope: "own", version: 2 });
  });

  it("checks the bytes read back against their SHA-256", async () => {
    const up = await uploadTemplateVersion(gui, adminId, KIND, { name: "被篡改.docx", bytes: await valid(["将被篡改"]) });
    const version = await prisma.documentTemplateVersion.findUniqueOrThrow({ where: { id: up.versionId } });
    const file = pathForHash(version.sha256);
    const good = await fs.promises.readFile(file);
    await fs.promises.writeFile(file, Buffer.concat([good, Buffer.from("x")]));
    try {
      const error = await getTemplateVersionBytes(gui, up.versionId).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 409, messageKey: "templates.error.fileDamaged" });
    } finally {
      await fs.promises.writeFile(file, good);
    }
  });

  it("answers 409 templates.error.none when a kind has neither an own nor a shared template", async () => {
    await prisma.documentTemplate.deleteMany({ where: { kind: "court_appearance_notice" } });
    const error = await getActiveTemplate(gui, "court_appearance_notice").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, messageKey: "templates.error.none" });
  });
});

describe("the kind's page", () => {
  const form = (entries: Record<string, string | File>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(entries)) data.set(k, v);
    return data;
  };
  const docxFile = (bytes: Uint8Array, name: string) =>
    new File([bytes.slice()], name, { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });

  it("refuses an upload with the list of problems (400), then takes a valid one and a download gives it back", async () => {
    const cookie = await cookieFor("admin");
    const before = await prisma.documentTemplateVersion.count();
    const refused = await callAction(
      action,
      request(`/admin/templates/${KIND}`, { cookie, form: form({ intent: "upload", file: docxFile(await docxWith(["{{procuratorate}}"]), "缺字段.docx") }) }),
      { kind: KIND },
    );
    expect(refused.status).toBe(400);
    expect(refused.kind === "data" && (refused.data as { problems: unknown }).problems).toEqual(
      expect.arrayContaining([{ code: "missing", name: "agency_name" }, { code: "missing", name: "facts" }]),
    );
    expect(await prisma.documentTemplateVersion.count()).toBe(before);

    const bytes = await valid(["页面上传"]);
    const ok = await callAction(action, request(`/admin/templates/${KIND}`, { cookie, form: form({ intent: "upload", file: docxFile(bytes, "本院.docx") }) }), { kind: KIND });
    expect(ok.status).toBe(302);
    expect(ok.kind !== "error" && ok.location).toMatch(new RegExp(`^/admin/templates/${KIND}\\?uploaded=\\d+$`));

    const page = await callLoader(loader, request(`/admin/templates/${KIND}`, { cookie }), { kind: KIND });
    const detail = page.kind === "data" ? (page.data as Awaited<ReturnType<typeof loader>>) : null;
    expect(detail?.inEffect).toBe("own");
    const active = detail!.own!.versions.find((v) => v.active)!;
    expect(active.fileName).toBe("本院.docx");
    const file = await callLoader(download, request(`/admin/templates/download/${active.id}`, { cookie }), { versionId: active.id });
    expect(file.status).toBe(200);
    expect(file.kind === "response" && Buffer.from(await file.body.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    expect(file.kind === "response" && file.headers.get("Content-Disposition")).toContain("attachment");
  });

  it("uses the shared template again from the page (refusing a bad intent), and flags own versions the current manifest refuses", async () => {
    const cookie = await cookieFor("admin");
    const bad = await callAction(action, request(`/admin/templates/${KIND}`, { cookie, form: form({ intent: "nonsense" }) }), { kind: KIND });
    expect(bad.status).toBe(400);
    const ok = await callAction(action, request(`/admin/templates/${KIND}`, { cookie, form: form({ intent: "useShared" }) }), { kind: KIND });
    expect(ok.kind !== "error" && ok.location).toBe(`/admin/templates/${KIND}?sharedAgain=1`);
    // A version stored when the manifest asked for less: its placeholders lack "facts" now.
    const page = await callLoader(loader, request(`/admin/templates/${KIND}`, { cookie }), { kind: KIND });
    const detail = page.kind === "data" ? (page.data as Awaited<ReturnType<typeof loader>>) : null;
    expect(detail?.inEffect).toBe("shared");
    const stale = detail!.own!.versions[0]!;
    await prisma.documentTemplateVersion.update({ where: { id: stale.id }, data: { fields: JSON.stringify(["procuratorate", "issued_on", "doc_number", "agency_name", "old_name"]) } });
    const again = await callLoader(loader, request(`/admin/templates/${KIND}`, { cookie }), { kind: KIND });
    const versions = (again.kind === "data" ? (again.data as Awaited<ReturnType<typeof loader>>) : null)!.own!.versions;
    expect(versions.find((v) => v.id === stale.id)!.problems).toEqual([{ code: "missing", name: "facts" }, { code: "unknown", name: "old_name" }]);
    expect(versions.filter((v) => v.id !== stale.id).every((v) => v.problems.length === 0)).toBe(true);
  });

  it("answers 404 for a kind that does not exist, and for another procuratorate's version", async () => {
    const cookie = await cookieFor("admin");
    expect((await callLoader(loader, request("/admin/templates/nonsense", { cookie }), { kind: "nonsense" })).status).toBe(404);
    const p = await createProcuratorate();
    const stranger = await createUser({ role: "admin", procuratorateId: p.id });
    const theirs = await uploadTemplateVersion(p.id, stranger.id, "hearing_notice", { name: "x.docx", bytes: await valid() });
    expect((await callLoader(download, request(`/admin/templates/download/${theirs.versionId}`, { cookie }), { versionId: theirs.versionId })).status).toBe(404);
  });

  it("refuses a body over the size limit with 413 and the too-large problem", async () => {
    const cookie = await cookieFor("admin");
    const big = new Uint8Array(5 * 1024 * 1024 + 128 * 1024);
    const result = await callAction(action, request(`/admin/templates/${KIND}`, { cookie, form: form({ intent: "upload", file: docxFile(big, "大.docx") }) }), { kind: KIND });
    expect(result.status).toBe(413);
    expect(result.kind === "data" && (result.data as { problems: { code: string }[] }).problems.map((p) => p.code)).toEqual(["too_large"]);
  });
});

async function statusOf(promise: Promise<unknown>): Promise<number | "ok"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.status;
    if (error instanceof Response) return error.status;
    throw error;
  }
}
