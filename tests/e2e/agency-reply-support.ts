import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { DATA_DIR } from "#tests/e2e/evidence-support";

// Rows for the agency reply spec written straight into the e2e server's database, in one IMMEDIATE
// transaction (a deferred one that reads first fails at once when the server writes meanwhile).

const DB = path.join(DATA_DIR, "procura.db");

/** A fresh agency with no liaison, a case of the demo prosecutor against it, and an approved recommendation with three points. */
export function seedApprovedRecommendation(): { caseId: string; recommendationId: string; agencyName: string; number: string } {
  const db = new Database(DB);
  db.pragma("busy_timeout = 10000");
  const tag = randomUUID().slice(0, 8);
  const now = new Date().toISOString().replace("Z", "+00:00");
  const ids = { agency: `e2eag${tag}`, case: `e2ecase${tag}`, rec: `e2erec${tag}` };
  const agencyName = `桂阳县测试局${tag}`;
  const number = `桂检行公建〔2026〕E${tag}号`;
  try {
    db.transaction(() => {
      const user = db.prepare(`SELECT "id", "procuratorateId" FROM "User" WHERE "username" = 'prosecutor'`).get() as { id: string; procuratorateId: string };
      db.prepare(`INSERT INTO "Agency" ("id", "procuratorateId", "name", "active", "createdAt", "updatedAt") VALUES (?, ?, ?, 1, ?, ?)`).run(ids.agency, user.procuratorateId, agencyName, now, now);
      db.prepare(
        `INSERT INTO "Case" ("id", "procuratorateId", "title", "field", "state", "urgent", "respondentUnknown", "leadProsecutorId", "respondentAgencyId", "number", "version", "createdAt", "updatedAt")
         VALUES (?, ?, ?, 'ecology', 'rectification', 0, 0, ?, ?, ?, 0, ?, ?)`
      ).run(ids.case, user.procuratorateId, `送达回复测试案 ${tag}`, user.id, ids.agency, `E2E-${tag}`, now, now);
      db.prepare(`INSERT INTO "CaseMember" ("caseId", "userId", "role") VALUES (?, ?, 'lead')`).run(ids.case, user.id);
      db.prepare(
        `INSERT INTO "Recommendation" ("id", "caseId", "procuratorateId", "number", "status", "facts", "reasons", "legalBasis", "replyPeriod", "objectionDays", "createdById", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, 'approved', '事实', '理由', '依据', 'two_months', 10, ?, ?, ?)`
      ).run(ids.rec, ids.case, user.procuratorateId, number, user.id, now, now);
      for (const [i, text] of ["清理河道垃圾", "设置警示标志", "建立巡查制度"].entries()) {
        db.prepare(`INSERT INTO "RecommendationPoint" ("id", "recommendationId", "ordinal", "text") VALUES (?, ?, ?, ?)`).run(`${ids.rec}p${i + 1}`, ids.rec, i + 1, text);
      }
    }).immediate();
  } finally {
    db.close();
  }
  return { caseId: ids.case, recommendationId: ids.rec, agencyName, number };
}

/**
 * A filed case of the demo prosecutor against the demo liaison's agency (username "agency"), with
 * its filing transition (so its 立案决定书 can be issued) and an approved recommendation with one
 * point (so its 检察建议书 can be issued and served). Fresh names, so other specs' changes to the
 * demo data do not matter.
 */
export function seedFiledCaseOfDemoAgency(): { caseId: string; caseTitle: string; recommendationId: string; number: string } {
  const db = new Database(DB);
  db.pragma("busy_timeout = 10000");
  const tag = randomUUID().slice(0, 8);
  const now = new Date().toISOString().replace("Z", "+00:00");
  const ids = { case: `e2esd${tag}`, rec: `e2esdr${tag}` };
  const caseTitle = `送达文书测试案 ${tag}`;
  const number = `桂检行公建〔2026〕S${tag}号`;
  try {
    db.transaction(() => {
      const user = db.prepare(`SELECT "id", "procuratorateId" FROM "User" WHERE "username" = 'prosecutor'`).get() as { id: string; procuratorateId: string };
      const liaison = db.prepare(`SELECT "agencyId" FROM "User" WHERE "username" = 'agency'`).get() as { agencyId: string };
      db.prepare(
        `INSERT INTO "Case" ("id", "procuratorateId", "title", "field", "state", "urgent", "respondentUnknown", "leadProsecutorId", "respondentAgencyId", "number", "filedOn", "version", "createdAt", "updatedAt")
         VALUES (?, ?, ?, 'ecology', 'rectification', 0, 0, ?, ?, ?, '2026-11-02', 0, ?, ?)`
      ).run(ids.case, user.procuratorateId, caseTitle, user.id, liaison.agencyId, `E2E-SD-${tag}`, now, now);
      db.prepare(`INSERT INTO "CaseMember" ("caseId", "userId", "role") VALUES (?, ?, 'lead')`).run(ids.case, user.id);
      db.prepare(`INSERT INTO "CaseTransition" ("id", "caseId", "fromState", "toState", "actorId", "reason", "at") VALUES (?, ?, 'clue', 'filed', ?, '经审查决定立案', ?)`).run(
        `e2esdt${tag}`,
        ids.case,
        user.id,
        now
      );
      db.prepare(
        `INSERT INTO "Recommendation" ("id", "caseId", "procuratorateId", "number", "status", "facts", "reasons", "legalBasis", "replyPeriod", "objectionDays", "createdById", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, 'approved', '事实', '理由', '依据', 'two_months', 10, ?, ?, ?)`
      ).run(ids.rec, ids.case, user.procuratorateId, number, user.id, now, now);
      db.prepare(`INSERT INTO "RecommendationPoint" ("id", "recommendationId", "ordinal", "text") VALUES (?, ?, 1, '清理河道垃圾')`).run(`${ids.rec}p1`, ids.rec);
    }).immediate();
  } finally {
    db.close();
  }
  return { caseId: ids.case, caseTitle, recommendationId: ids.rec, number };
}
