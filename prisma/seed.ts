// The demo scenario (DESIGN.md): 桂阳县人民检察院 and its parent 郴州市人民检察院, staff and external
// accounts, the 2022 discarded-mask case series with its public series hearing, and cases of the
// seed year at every stage, dated relative to the day the database is seeded (the "seed day"), so
// deadlines are live whenever the demo is installed (docs/decisions/0011-dates-and-a-living-demo.md).
//
// Run with `npx tsx prisma/seed.ts` (npm run db:seed); scripts/prepare-db.mjs runs it on first start.
// The seed day is today in Asia/Shanghai, or PROCURA_SEED_DAY=YYYY-MM-DD (the tests use a fixed one).
// Deterministic for a given seed day (no randomness except password salts), refuses to run on a
// database that already has a procuratorate, and writes everything in one transaction.
// Case.number holds an internal register number ("2022-行公-001"), not an official 文号: DOMAIN.md §3
// documents only the 检察建议 code (行公建), so no code is invented for 立案 or 终结 documents.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "~/generated/prisma/client";
import { refreshDeadlines } from "~/models/deadline.server";
import { getEnv } from "~/utils/env.server";
import { hashPassword } from "~/utils/password.server";
import { createCalendar } from "~/domain/deadlines/calendar";
import type { IsoDate } from "~/domain/deadlines/dates";
import { seedPointAssessments } from "./seed-scenario/assessments";
import { Scenario } from "./seed-scenario/builder";
import { defaultSeedDay, firstYearWithoutPackageData, SeedClock } from "./seed-scenario/clock";
import { seedChenzhou } from "./seed-scenario/chenzhou";
import { seedDocumentsDemo } from "./seed-scenario/documents-demo";
import { seedHearingMinutes } from "./seed-scenario/hearing-minutes";
import { seedOrganisation } from "./seed-scenario/organisation";
import { seedRecent } from "./seed-scenario/recent";
import { seedSeries } from "./seed-scenario/series";

export const DEMO_PASSWORD = "procura-demo";

export type SeedResult = { skipped: true } | { skipped: false; counts: Record<string, number>; files: number };

export async function seed(db: PrismaClient, options: { dataDir?: string; seedDay?: IsoDate } = {}): Promise<SeedResult> {
  const existing = await db.procuratorate.count();
  if (existing > 0) {
    console.log(`Seed skipped: the database already holds ${existing} procuratorate(s); the demo scenario loads only into an empty database.`);
    return { skipped: true };
  }
  const dataDir = options.dataDir ?? getEnv().dataDir;
  const seedDay = options.seedDay ?? defaultSeedDay();
  // Example of a calendar addition beyond the packaged holiday data: 元旦 of the first year the
  // package does not cover (only that day, so the app still warns that the year is incomplete).
  const missingYear = firstYearWithoutPackageData(Number(seedDay.slice(0, 4)));
  const holidayRow = { procuratorateId: null, date: `${missingYear}-01-01`, kind: "holiday", name: "元旦" };
  const clock = new SeedClock(seedDay, createCalendar([holidayRow]));
  // One hash for every demo account (argon2 is deliberately slow).
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const files = await db.$transaction(
    async (tx) => {
      const s = new Scenario(tx, dataDir, new Map());
      const org = await seedOrganisation(s, passwordHash);
      await seedSeries(s, org);
      await seedHearingMinutes(s, org);
      await seedRecent(s, org, clock);
      await seedChenzhou(s, org, clock);
      await seedDocumentsDemo(s, org, clock);

      // Counters match the numbers issued above: 桂检行公建〔2022〕1–9号, 〔seed year〕1–4号 (the
      // next is 5); 郴检行公建〔seed year〕1号.
      await tx.documentNumberCounter.createMany({
        data: [
          { procuratorateId: org.guiyang.id, code: "行公建", year: 2022, last: 9 },
          { procuratorateId: org.guiyang.id, code: "行公建", year: clock.year, last: 4 },
          { procuratorateId: org.chenzhou.id, code: "行公建", year: clock.year, last: 1 },
        ],
      });
      await tx.holidayOverride.create({ data: { ...holidayRow, createdById: org.users.admin.id } });

      await s.flushPending();
      await seedPointAssessments(s);
      await s.flushAudits();
      // The live deadlines are stored: compute them once the scenario is in place.
      for (const p of await tx.procuratorate.findMany({ select: { id: true } })) await refreshDeadlines(tx, p.id);
      return s.counts.files;
    },
    { timeout: 120_000, maxWait: 20_000 },
  );

  const [procuratorates, users, agencies, panelists, clues, cases, hearings, evidence, recommendations, services, replies, approvals, auditEvents] =
    await Promise.all([
      db.procuratorate.count(),
      db.user.count(),
      db.agency.count(),
      db.panelist.count(),
      db.clue.count(),
      db.case.count(),
      db.hearing.count(),
      db.evidence.count(),
      db.recommendation.count(),
      db.service.count(),
      db.reply.count(),
      db.approval.count(),
      db.auditEvent.count(),
    ]);
  const counts = { procuratorates, users, agencies, panelists, clues, cases, hearings, evidence, recommendations, services, replies, approvals, auditEvents };
  return { skipped: false, counts, files };
}

async function main() {
  const started = Date.now();
  const { prisma } = await import("~/utils/db.server");
  try {
    const result = await seed(prisma);
    if (!result.skipped) {
      const summary = Object.entries(result.counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(", ");
      console.log(`Demo scenario loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary}, ${result.files} files.`);
    }
  } finally {
    await prisma.$disconnect();
  }
}

const invokedPath = process.argv[1] ? path.resolve(process.argv[1]) : "";
if (invokedPath === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error("Seed failed:", error);
    process.exit(1);
  });
}
