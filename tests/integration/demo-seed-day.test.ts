import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, describe, expect, test, vi } from "vitest";
import { createCalendar, packageHasYear } from "~/domain/deadlines/calendar";
import { PrismaClient } from "~/generated/prisma/client";

// The demo stays alive: seeded on any day, the recent scenario is dated relative to that day. Two
// fresh databases are seeded here with two different seed days (one in the packaged holiday data's
// last year, one in a year it does not cover), and the app's own models are asked what a user
// would see on that day.

const root = path.resolve(import.meta.dirname, "../..");
const dirs: string[] = [];
const clients: PrismaClient[] = [];

async function seededAt(seedDay: string): Promise<PrismaClient> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `procura-seed-${seedDay}-`));
  dirs.push(dir);
  const url = `file:${path.join(dir, "procura.db")}`;
  const env = { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1", PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1" };
  // Asynchronous, so the test process keeps answering the runner while the CLI works.
  await promisify(execFile)(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, env });
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  clients.push(db);
  const { seed } = await import("../../prisma/seed");
  const result = await seed(db, { dataDir: path.join(dir, "data"), seedDay });
  expect(result.skipped).toBe(false);
  return db;
}

/** The app's models, bound to the given database (db.server keeps one client per process). */
async function modelsOn(db: PrismaClient) {
  vi.resetModules();
  globalThis.__procuraPrisma = db;
  const { listDeadlines } = await import("~/models/deadline.server");
  const { getPublicHearing } = await import("~/models/public-hearing.server");
  return { listDeadlines, getPublicHearing };
}

afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe.each(["2027-03-10", "2026-12-01"])("the demo seeded on %s", (seedDay) => {
  const year = Number(seedDay.slice(0, 4));

  test(
    "has a reply due soon, one overdue, a hearing ahead open to observers with 刘振华, and 〔year〕5号 next",
    async () => {
      const db = await seededAt(seedDay);
      const { listDeadlines, getPublicHearing } = await modelsOn(db);
      const gui = await db.procuratorate.findFirstOrThrow({ where: { shortName: "桂" }, select: { id: true } });

      // Countdowns, as the deadlines page computes them on the seed day.
      const { items, missingYears, incompleteYears } = await listDeadlines(gui.id, { today: seedDay });
      const replies = items.filter((d) => d.kind === "agency_reply");
      const dueSoon = replies.filter((d) => d.status === "due_soon");
      expect(dueSoon.length).toBeGreaterThan(0);
      expect(dueSoon.every((d) => d.daysRemaining >= 0 && d.daysRemaining <= 3)).toBe(true);
      expect(replies.some((d) => d.status === "overdue")).toBe(true);
      expect(replies.every((d) => d.recommendation?.number?.startsWith(`桂检行公建〔${year}〕`))).toBe(true);

      // A year the packaged holiday data does not cover is announced, never silently assumed.
      const noticed = [...missingYears, ...incompleteYears.map((y) => y.year)];
      for (const y of [year, year + 1]) if (!packageHasYear(y)) expect(noticed).toContain(y);

      // A public hearing ahead, announced, open to observers, with the demo panelist on the panel.
      const noon = new Date(`${seedDay}T12:00:00+08:00`);
      const ahead = await db.hearing.findMany({
        where: { procuratorateId: gui.id, isPublic: true, status: "notified", startsAt: { gt: new Date(`${seedDay}T23:59:59+08:00`) } },
        select: { id: true, startsAt: true, panelists: { select: { panelist: { select: { name: true } } } } },
      });
      expect(ahead).toHaveLength(1);
      const hearing = ahead[0]!;
      expect(hearing.panelists.map((p) => p.panelist.name)).toContain("刘振华");
      const account = await db.user.findUniqueOrThrow({ where: { username: "panelist" }, select: { panelist: { select: { name: true } } } });
      expect(account.panelist?.name).toBe("刘振华");
      const page = await getPublicHearing(hearing.id, noon);
      expect(page.refusal).toBeNull();
      expect(page.paragraphs.join("")).toContain(`${year}年`);

      // Numbers of the seed year: register numbers, 文号, and the counter (next letter: 5号).
      const counter = await db.documentNumberCounter.findUniqueOrThrow({
        where: { procuratorateId_code_year: { procuratorateId: gui.id, code: "行公建", year } },
      });
      expect(counter.last + 1).toBe(5);
      const letters = await db.recommendation.findMany({
        where: { case: { procuratorateId: gui.id }, number: { startsWith: `桂检行公建〔${year}〕` } },
        select: { number: true },
      });
      expect(letters.map((r) => r.number).sort()).toEqual([1, 2, 3, 4].map((n) => `桂检行公建〔${year}〕${n}号`));
      const recent = await db.case.findMany({
        where: { procuratorateId: gui.id, seriesId: null, number: { not: null } },
        select: { number: true },
      });
      expect(recent.length).toBeGreaterThan(0);
      expect(recent.every((c) => c.number!.startsWith(`${year}-行公-`))).toBe(true);
      // The 2022 mask series stays in 2022.
      expect(await db.case.count({ where: { procuratorateId: gui.id, number: { startsWith: "2022-行公-" } } })).toBeGreaterThan(0);

      // The pending approvals the lifecycle checks rely on.
      const pending = await db.approval.findMany({
        where: { procuratorateId: gui.id, decision: "pending" },
        select: { kind: true, case: { select: { state: true, number: true } } },
      });
      expect(pending).toContainEqual({ kind: "filing", case: { state: "evaluation", number: null } });
      expect(pending).toContainEqual({ kind: "recommendation", case: { state: "recommending", number: `${year}-行公-003` } });

      // Acts of the recent cases happen on working days (the seed's own holiday calendar).
      const holidays = await db.holidayOverride.findMany({ select: { date: true, kind: true, name: true, procuratorateId: true } });
      const calendar = createCalendar(holidays);
      const served = await db.service.findMany({
        where: { case: { procuratorateId: gui.id, seriesId: null } },
        select: { servedOn: true },
      });
      expect(served.filter((s) => !calendar.isWorkingDay(s.servedOn))).toEqual([]);
    },
    240_000,
  );
});
