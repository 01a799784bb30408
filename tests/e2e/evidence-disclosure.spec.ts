import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { TestInfo } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { screenshot, signIn, signOut, zh } from "./support";

// Disclosure to a hearing's panel in the browser: a prosecutor ticks evidence of a planned hearing's
// case; a personal-data item without a redacted copy is refused with a link to its page; the photo
// is disclosed; the seated demo panelist then finds the photo's preview and download links in the
// portal. The hearing, case, items and file are written straight into the e2e server's database and
// its DATA_DIR's store (tests/.tmp/e2e, playwright.config.ts), in the demo procuratorate.

const ROOT = path.resolve("tests/.tmp/e2e");
const DB = path.join(ROOT, "procura.db");

// A 1×1 PNG.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360f8cfc0000003010100c9fe92ef0000000049454e44ae426082",
  "hex"
);

function seed(testInfo: TestInfo) {
  const tag = `${testInfo.project.name}${Date.now().toString(36)}${testInfo.workerIndex}`;
  const id = (s: string) => `e2edisc${tag}${s}`;
  const now = new Date().toISOString().replace("Z", "+00:00");
  const startsAt = new Date(Date.now() + 14 * 86_400_000).toISOString().replace("Z", "+00:00");
  const sha256 = createHash("sha256").update(PNG).update(tag).digest("hex");
  // The store holds the bytes under their hash (app/storage/file-store.server.ts pathForHash).
  const bytes = Buffer.concat([PNG, Buffer.from(tag)]);
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(sha256);
  fs.mkdirSync(path.join(ROOT, "files", sha256.slice(0, 2)), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "files", sha256.slice(0, 2), sha256), bytes);

  const db = new Database(DB);
  db.pragma("busy_timeout = 10000");
  const prosecutor = db.prepare(`SELECT "id", "procuratorateId" FROM "User" WHERE "username" = 'prosecutor'`).get() as {
    id: string;
    procuratorateId: string;
  };
  const panelist = db.prepare(`SELECT "panelistId" FROM "User" WHERE "username" = 'panelist'`).get() as { panelistId: string };
  const names = {
    hearing: `证据公开测试听证 ${tag}`,
    caseTitle: `证据公开测试案件 ${tag}`,
    photo: "河道排污口现场照片",
    personal: "举报人询问笔录",
    file: `outfall-${tag}.png`,
    personalFile: `statement-${tag}.png`,
  };
  db.transaction(() => {
    db.prepare(
      `INSERT INTO "Case" ("id", "procuratorateId", "number", "title", "field", "state", "leadProsecutorId", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, 'ecology', 'investigating', ?, ?, ?)`
    ).run(id("c"), prosecutor.procuratorateId, `2026-披-E2E-${tag}`, names.caseTitle, prosecutor.id, now, now);
    const addItem = db.prepare(
      `INSERT INTO "Evidence" ("id", "caseId", "ordinal", "title", "kind", "containsPersonal", "createdById", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    );
    addItem.run(id("e1"), id("c"), 1, names.photo, "audiovisual", 0, prosecutor.id, now, now);
    addItem.run(id("e2"), id("c"), 2, names.personal, "witness", 1, prosecutor.id, now, now);
    const addFile = db.prepare(
      `INSERT INTO "EvidenceFile" ("id", "evidenceId", "sha256", "size", "mimeType", "originalName", "uploadedById", "createdAt")
       VALUES (?, ?, ?, ?, 'image/png', ?, ?, ?)`
    );
    addFile.run(id("f1"), id("e1"), sha256, bytes.length, names.file, prosecutor.id, now);
    addFile.run(id("f2"), id("e2"), sha256, bytes.length, names.personalFile, prosecutor.id, now);
    db.prepare(
      `INSERT INTO "Hearing" ("id", "procuratorateId", "title", "venue", "startsAt", "hostId", "status", "createdAt", "updatedAt")
       VALUES (?, ?, ?, '检察听证室', ?, ?, 'planned', ?, ?)`
    ).run(id("h"), prosecutor.procuratorateId, names.hearing, startsAt, prosecutor.id, now, now);
    db.prepare(`INSERT INTO "HearingCase" ("hearingId", "caseId", "ordinal") VALUES (?, ?, 1)`).run(id("h"), id("c"));
    // The declaration is signed: the briefing and its files open only then (issue 9).
    db.prepare(`INSERT INTO "HearingPanelist" ("hearingId", "panelistId", "invitedAt", "declaredAt") VALUES (?, ?, ?, ?)`).run(
      id("h"),
      panelist.panelistId,
      now,
      now
    );
  }).immediate();
  db.close();
  return { sha256, hearingId: id("h"), caseId: id("c"), photoId: id("e1"), personalId: id("e2"), fileId: id("f1"), personalFileId: id("f2"), names };
}

const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

test("a prosecutor discloses a photo to a planned hearing, a personal-data item is refused, the panelist finds the photo", async ({
  page,
}, testInfo) => {
  const s = seed(testInfo);
  await signIn(page, "prosecutor");
  await expect(page).toHaveURL(/\/work$/);
  await page.goto(`/hearings/${s.hearingId}/evidence`);
  const box = (title: string) => page.getByRole("checkbox", { name: fill(zh("evidenceDisclosure.discloseItem"), { title }) });
  await expect(box(s.names.photo)).not.toBeChecked();
  // The personal-data item warns before anything is submitted, and its original is marked hidden.
  const personalRow = page.locator(`tr[data-evidence="${s.personalId}"]`);
  await expect(personalRow).toContainText(zh("evidenceDisclosure.needsRedaction"));
  await expect(personalRow).toContainText(zh("evidenceDisclosure.file.hidden"));

  // Refusal: ticking the personal-data item without a redacted copy changes nothing.
  await box(s.names.photo).check();
  await box(s.names.personal).check();
  await page.getByRole("button", { name: zh("evidenceDisclosure.submit") }).click();
  await expect(page.getByRole("alert")).toContainText(zh("evidenceDisclosure.error.needsRedaction"));
  const refused = page.getByRole("list", { name: zh("evidenceDisclosure.error.needsRedaction") });
  await expect(refused.getByRole("link", { name: zh("evidenceDisclosure.uploadRedaction") })).toHaveAttribute(
    "href",
    `/cases/${s.caseId}/evidence/${s.personalId}`
  );
  await expect(page.locator(`tr[data-evidence="${s.photoId}"]`)).toContainText(zh("evidenceDisclosure.notDisclosed"));

  // Happy path: the photo alone.
  await box(s.names.personal).uncheck();
  await page.getByRole("button", { name: zh("evidenceDisclosure.submit") }).click();
  await expect(page.getByRole("status").filter({ hasText: fill(zh("evidenceDisclosure.saved"), { added: 1, withdrawn: 0 }) })).toBeVisible();
  await expect(page.locator(`tr[data-evidence="${s.photoId}"]`)).not.toContainText(zh("evidenceDisclosure.notDisclosed"));
  await expect(box(s.names.photo)).toBeChecked();
  await expect(box(s.names.personal)).not.toBeChecked();
  await screenshot(page, testInfo, "hearing-evidence-disclosure");

  // The case's exhibit list (证据清单) names both items with each file's full SHA-256.
  await page.goto(`/cases/${s.caseId}/exhibits`);
  const exhibits = page.locator("table.exhibit-table");
  await expect(exhibits.locator("tbody tr")).toHaveCount(2);
  await expect(exhibits.locator('tr[data-exhibit="1"]')).toContainText(s.names.photo);
  await expect(exhibits.locator('tr[data-exhibit="1"]')).toContainText(s.sha256);
  await expect(exhibits.locator('tr[data-exhibit="2"]')).toContainText(s.names.personalFile);
  await screenshot(page, testInfo, "case-exhibit-list");
  await signOut(page);

  // The seated demo panelist sees the photo's file, to preview in a new tab or download.
  await signIn(page, "panelist");
  await expect(page).toHaveURL(/\/panel$/);
  await page.goto(`/panel/hearings/${s.hearingId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(s.names.hearing);
  const preview = page.getByRole("link", { name: fill(zh("evidenceDisclosure.panel.previewOf"), { name: s.names.file }) });
  await expect(preview).toHaveAttribute("href", `/evidence/files/${s.fileId}`);
  await expect(preview).toHaveAttribute("target", "_blank");
  await expect(page.getByRole("link", { name: fill(zh("evidenceDisclosure.panel.downloadOf"), { name: s.names.file }) })).toHaveAttribute(
    "href",
    `/evidence/files/${s.fileId}?download=1`
  );
  // The undisclosed personal-data item and its original are nowhere on the page.
  const html = await page.content();
  expect(html).not.toContain(s.personalFileId);
  expect(html).not.toContain(s.names.personal);
  await screenshot(page, testInfo, "panel-evidence-files");
});
