import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { DATA_DIR } from "#tests/e2e/evidence-support";

// Rows for the notifications spec, written straight into the e2e server's database in IMMEDIATE
// transactions (the server writes meanwhile), and the reminders job run against that database in
// a child process (tests/e2e/notifications-job.ts): the spec's own users, agency, case and
// served recommendation, so nothing depends on what other specs did to the demo data.

const DB = path.join(DATA_DIR, "procura.db");

function open() {
  const db = new Database(DB);
  db.pragma("busy_timeout = 10000");
  return db;
}

/** Today in Asia/Shanghai (YYYY-MM-DD), as the server counts days. */
export function shanghaiToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** A calendar date `months` earlier and `days` later (UTC arithmetic on a date only). */
function shift(iso: string, months: number, days: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, d + days));
  return date.toISOString().slice(0, 10);
}

export type InboxSeed = {
  password: string;
  liaison: { id: string; username: string };
  prosecutor: { id: string; username: string };
  caseId: string;
  caseTitle: string;
  caseNumber: string;
  recommendationId: string;
  number: string;
  agencyName: string;
};

/**
 * A new prosecutor and a new liaison (both able to sign in), a new agency, a case of that
 * prosecutor against it, and its recommendation (one point) served two months less three days ago:
 * the reply falls due within the reminder days (7, 3, 1) once the deadline is stored.
 */
export async function seedInbox(): Promise<InboxSeed> {
  const tag = randomUUID().slice(0, 8);
  const password = "inbox-e2e-password";
  const passwordHash = await hash(password);
  const now = new Date().toISOString().replace("Z", "+00:00");
  const ids = { agency: `e2enag${tag}`, case: `e2encase${tag}`, rec: `e2enrec${tag}`, liaison: `e2enlia${tag}`, prosecutor: `e2enpro${tag}` };
  const seed: InboxSeed = {
    password,
    liaison: { id: ids.liaison, username: `inbox-liaison-${tag}` },
    prosecutor: { id: ids.prosecutor, username: `inbox-prosecutor-${tag}` },
    caseId: ids.case,
    caseTitle: `通知测试案 ${tag}`,
    caseNumber: `E2EN-${tag}`,
    recommendationId: ids.rec,
    number: `桂检行公建〔2026〕N${tag}号`,
    agencyName: `桂阳县通知测试局${tag}`,
  };
  const servedOn = shift(shanghaiToday(), -2, 3);
  const db = open();
  try {
    db.transaction(() => {
      const { procuratorateId } = db.prepare(`SELECT "procuratorateId" FROM "User" WHERE "username" = 'prosecutor'`).get() as { procuratorateId: string };
      db.prepare(`INSERT INTO "Agency" ("id", "procuratorateId", "name", "active", "createdAt", "updatedAt") VALUES (?, ?, ?, 1, ?, ?)`).run(ids.agency, procuratorateId, seed.agencyName, now, now);
      const user = db.prepare(
        `INSERT INTO "User" ("id", "procuratorateId", "username", "displayName", "role", "passwordHash", "active", "agencyId", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`
      );
      user.run(ids.prosecutor, procuratorateId, seed.prosecutor.username, "钱通知", "prosecutor", passwordHash, null, now, now);
      user.run(ids.liaison, procuratorateId, seed.liaison.username, "孙联络", "agency", passwordHash, ids.agency, now, now);
      db.prepare(
        `INSERT INTO "Case" ("id", "procuratorateId", "title", "field", "state", "urgent", "respondentUnknown", "leadProsecutorId", "respondentAgencyId", "number", "version", "createdAt", "updatedAt")
         VALUES (?, ?, ?, 'ecology', 'rectification', 0, 0, ?, ?, ?, 0, ?, ?)`
      ).run(ids.case, procuratorateId, seed.caseTitle, ids.prosecutor, ids.agency, seed.caseNumber, now, now);
      db.prepare(`INSERT INTO "CaseMember" ("caseId", "userId", "role") VALUES (?, ?, 'lead')`).run(ids.case, ids.prosecutor);
      db.prepare(
        `INSERT INTO "Recommendation" ("id", "caseId", "procuratorateId", "number", "status", "facts", "reasons", "legalBasis", "replyPeriod", "objectionDays", "issuedOn", "createdById", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, 'served', '事实', '理由', '依据', 'two_months', 10, ?, ?, ?, ?)`
      ).run(ids.rec, ids.case, procuratorateId, seed.number, servedOn, ids.prosecutor, now, now);
      db.prepare(`INSERT INTO "RecommendationPoint" ("id", "recommendationId", "ordinal", "text") VALUES (?, ?, 1, ?)`).run(`${ids.rec}p1`, ids.rec, "清理河道垃圾");
      db.prepare(
        `INSERT INTO "Service" ("id", "caseId", "documentKind", "documentNumber", "recommendationId", "agencyId", "recipient", "method", "place", "servedOn", "signedBy", "serverName", "createdById", "createdAt")
         VALUES (?, ?, 'recommendation', ?, ?, ?, ?, 'direct', '局办公室', ?, '赵局长', '钱通知', ?, ?)`
      ).run(`e2ensvc${tag}`, ids.case, seed.number, ids.rec, ids.agency, seed.agencyName, servedOn, ids.prosecutor, now);
    }).immediate();
  } finally {
    db.close();
  }
  return seed;
}

/**
 * The reminders job as the scheduler runs it (produceReminders), after storing the case's
 * deadlines (refreshCaseDeadlines, as a service recorded in the app would have), in a child
 * process on the e2e server's database.
 */
export function runReminders(caseId: string): { created: number } {
  const out = execFileSync(path.resolve("node_modules/.bin/tsx"), ["tests/e2e/notifications-job.ts", caseId], {
    env: { ...process.env, DATA_DIR, NODE_ENV: "production" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as { created: number };
}

/** A user's notifications as stored (id, kind, params, readAt), newest first. */
export function notificationsOf(userId: string): { id: string; kind: string; params: string; readAt: string | null }[] {
  const db = open();
  try {
    return db.prepare(`SELECT "id", "kind", "params", "readAt" FROM "Notification" WHERE "userId" = ? ORDER BY "createdAt" DESC`).all(userId) as never;
  } finally {
    db.close();
  }
}

/** The agency reply deadline stored for a recommendation (its due date), or null. */
export function replyDueOn(recommendationId: string): string | null {
  const db = open();
  try {
    const row = db.prepare(`SELECT "dueOn" FROM "Deadline" WHERE "key" = ?`).get(`agency_reply:${recommendationId}`) as { dueOn: string } | undefined;
    return row?.dueOn ?? null;
  } finally {
    db.close();
  }
}

/** The procuratorate's stored reminder settings row of the demo procuratorate (桂). */
export function storedSettings(): { smtpHost: string | null; smtpPort: number | null; smtpPassword: string | null; fromAddress: string | null; reminderDays: string } | null {
  const db = open();
  try {
    return (
      (db
        .prepare(
          `SELECT s."smtpHost", s."smtpPort", s."smtpPassword", s."fromAddress", s."reminderDays" FROM "ReminderSettings" s
           JOIN "User" u ON u."procuratorateId" = s."procuratorateId" WHERE u."username" = 'admin'`
        )
        .get() as never) ?? null
    );
  } finally {
    db.close();
  }
}
