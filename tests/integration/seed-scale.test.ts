import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { ENUM_COLUMNS } from "#tests/support/enum-columns";
import { DEMO_SEED_DAY } from "#tests/setup/seed-day";
import { parseApprovalPayload } from "~/domain/approval/payloads";
import { approvalKindSchema } from "~/domain/approval/schemas";
import { CASE_FIELDS, CASE_STATES } from "~/domain/case/states";
import { EVIDENCE_KINDS } from "~/domain/evidence/kinds";
import { verifyAuditChain } from "~/models/audit.server";
import { refreshAllDeadlines } from "~/models/deadline.server";
import { prisma } from "~/utils/db.server";
import { caseListFilterSchema } from "~/domain/case/schemas";
import { parseBoardQuery } from "~/domain/deadlines/board";
import { listCases } from "~/models/case.server";
import { deadlineBoardCounts, deadlineBoardPage } from "~/models/deadline-board.server";
import { callLoader, cookieFor, request } from "#tests/factories";
import { loader as caseLayoutLoader } from "~/routes/_staff.cases.$caseId";
import { loader as overviewLoader } from "~/routes/_staff.cases.$caseId._index";
import { loader as evidenceLoader } from "~/routes/_staff.cases.$caseId.evidence";
import { loader as recommendationLoader } from "~/routes/_staff.cases.$caseId.recommendation";
import { loader as serviceLoader } from "~/routes/_staff.cases.$caseId.service";
import { loader as logLoader } from "~/routes/_staff.cases.$caseId.log";
import { loader as caseHearingsLoader } from "~/routes/_staff.cases.$caseId.hearings";
import { loader as hearingLoader } from "~/routes/_staff.hearings.$hearingId";
import { loader as approvalLoader } from "~/routes/_staff.approvals.$approvalId";
// eslint-disable-next-line no-restricted-imports -- the script lives outside app/ (no ~/ alias there)
import { seedScale } from "../../scripts/seed-scale/core";

// `npm run db:seed:scale` (scripts/seed-scale.ts): 20,000 cases and 100,000 evidence items on this
// process's copy of the demo database, checked for counts, every state and field, scope
// (procuratorateId) consistency, foreign keys, enum values, the stored deadlines (a refresh through
// the model changes nothing) and the audit chain.

const CASES = 20_000;
const EVIDENCE = 100_000;
const dbFile = globalThis.__procuraTestDb!;
let demoId: string;
let before: { cases: number; evidence: number; triggers: unknown[] };

function raw() {
  return new Database(dbFile, { readonly: true });
}

function count(db: Database.Database, sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).get(...params) as { n: number }).n;
}

beforeAll(async () => {
  const db = raw();
  before = {
    cases: count(db, `SELECT COUNT(*) AS n FROM "Case"`),
    evidence: count(db, `SELECT COUNT(*) AS n FROM "Evidence"`),
    triggers: db.prepare(`SELECT "name", "tbl_name", "sql" FROM sqlite_master WHERE type = 'trigger' ORDER BY "name"`).all(),
  };
  demoId = (db.prepare(`SELECT "procuratorateId" AS id FROM "User" WHERE "username" = 'prosecutor'`).get() as { id: string }).id;
  db.close();
  // The command itself, in a child process (asynchronously, so this worker keeps answering vitest).
  const out = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const args = ["scripts/seed-scale.ts", "--cases", String(CASES), "--evidence", String(EVIDENCE), "--seed", "7", "--today", DEMO_SEED_DAY];
    const child = spawn(path.resolve("node_modules/.bin/tsx"), args, { env: { ...process.env, DATABASE_URL: `file:${dbFile}` } });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("close", (code) => resolve({ code, output }));
  });
  expect(out.code, out.output).toBe(0);
}, 300_000);

describe("scale seed", () => {
  test("writes the asked numbers of cases and evidence, about 90% in the demo procuratorate", () => {
    const db = raw();
    expect(count(db, `SELECT COUNT(*) AS n FROM "Case"`)).toBe(before.cases + CASES);
    expect(count(db, `SELECT COUNT(*) AS n FROM "Evidence"`)).toBe(before.evidence + EVIDENCE);
    const demo = count(db, `SELECT COUNT(*) AS n FROM "Case" WHERE "procuratorateId" = ?`, demoId);
    expect(demo).toBeGreaterThan(CASES * 0.88);
    expect(demo).toBeLessThan(CASES * 0.92);
    const perOther = db
      .prepare(`SELECT "procuratorateId" AS p, COUNT(*) AS n FROM "Case" WHERE "procuratorateId" <> ? GROUP BY 1`)
      .all(demoId) as { p: string; n: number }[];
    expect(perOther.filter((o) => o.n > CASES * 0.01).length).toBeGreaterThanOrEqual(3);
    expect(count(db, `SELECT COUNT(*) AS n FROM "Agency"`)).toBeGreaterThan(200);
    expect(count(db, `SELECT COUNT(*) AS n FROM "Hearing"`)).toBeGreaterThanOrEqual(CASES * 0.003);
    db.close();
  });

  test("every state, field and evidence kind is present, in plausible proportions", () => {
    const db = raw();
    const states = new Map((db.prepare(`SELECT "state" AS s, COUNT(*) AS n FROM "Case" GROUP BY 1`).all() as { s: string; n: number }[]).map((r) => [r.s, r.n]));
    for (const s of CASE_STATES) expect(states.get(s) ?? 0, s).toBeGreaterThan(CASES * 0.005);
    expect(states.get("closed")!).toBeGreaterThan(CASES * 0.3);
    const fields = (db.prepare(`SELECT DISTINCT "field" AS f FROM "Case"`).all() as { f: string }[]).map((r) => r.f);
    expect(fields.sort()).toEqual([...CASE_FIELDS].sort());
    const kinds = (db.prepare(`SELECT DISTINCT "kind" AS k FROM "Evidence"`).all() as { k: string }[]).map((r) => r.k);
    expect(kinds.sort()).toEqual([...EVIDENCE_KINDS].sort());
    // Chinese titles over the everyday subjects of the search examples.
    for (const word of ["口罩", "垃圾", "污水", "饮用水", "油烟", "噪声", "耕地", "文物"]) {
      expect(count(db, `SELECT COUNT(*) AS n FROM "Case" WHERE "title" LIKE ?`, `%${word}%`), word).toBeGreaterThan(0);
    }
    expect(count(db, `SELECT COUNT(*) AS n FROM "Evidence" WHERE "description" IS NULL OR length("title") < 6`)).toBe(0);
    db.close();
  });

  test("dates and related rows agree with each state", () => {
    const db = raw();
    const bad = (sql: string) => count(db, `SELECT COUNT(*) AS n FROM "Case" WHERE ${sql}`);
    expect(bad(`"state" IN ('evaluation', 'not_filed') AND ("filedOn" IS NOT NULL OR "number" IS NOT NULL)`)).toBe(0);
    expect(bad(`"state" NOT IN ('evaluation', 'not_filed') AND ("filedOn" IS NULL OR "number" IS NULL)`)).toBe(0);
    expect(bad(`("state" = 'closed') <> ("closedOn" IS NOT NULL)`)).toBe(0);
    expect(bad(`"state" = 'suspended' AND "suspendedOn" IS NULL`)).toBe(0);
    expect(bad(`"closedOn" < "filedOn"`)).toBe(0);
    // The version counts the transitions; the last transition ends in the case's state.
    expect(bad(`"version" <> (SELECT COUNT(*) FROM "CaseTransition" t WHERE t."caseId" = "Case"."id")`)).toBe(0);
    expect(
      bad(`"version" > 0 AND "state" <> (SELECT t."toState" FROM "CaseTransition" t WHERE t."caseId" = "Case"."id" ORDER BY t."at" DESC, t."id" DESC LIMIT 1)`),
    ).toBe(0);
    expect(bad(`"state" IN ('rectification', 'follow_up', 'litigation') AND NOT EXISTS (SELECT 1 FROM "Recommendation" r WHERE r."caseId" = "Case"."id")`)).toBe(0);
    // Our own collection has two collecting staff (规则 Art 36); agency documents are handed over.
    expect(
      count(db, `SELECT COUNT(*) AS n FROM "Evidence" e WHERE e."source" = 'collected' AND (SELECT COUNT(*) FROM "EvidenceCollector" c WHERE c."evidenceId" = e."id") < 2`),
    ).toBe(0);
    expect(count(db, `SELECT COUNT(*) AS n FROM "Evidence" WHERE "source" = 'agency_handover'`)).toBeGreaterThan(0);
    // Evidence ordinals run 1 … n within each case.
    expect(count(db, `SELECT COUNT(*) AS n FROM (SELECT "caseId" FROM "Evidence" GROUP BY 1 HAVING MAX("ordinal") <> COUNT(*) OR MIN("ordinal") <> 1)`)).toBe(0);
    // At most one pending request per case (requestApproval refuses a second one).
    expect(count(db, `SELECT COUNT(*) AS n FROM (SELECT "caseId" FROM "Approval" WHERE "decision" = 'pending' GROUP BY "caseId", "kind" HAVING COUNT(*) > 1)`)).toBe(0);
    expect(count(db, `SELECT COUNT(*) AS n FROM "Approval" WHERE "decision" = 'pending'`)).toBeGreaterThan(CASES * 0.01);
    db.close();
  });

  test("every row stays in the procuratorate of the case it belongs to", () => {
    const db = raw();
    const checks: Record<string, string> = {
      respondent: `SELECT COUNT(*) AS n FROM "Case" c JOIN "Agency" a ON a."id" = c."respondentAgencyId" WHERE a."procuratorateId" <> c."procuratorateId"`,
      lead: `SELECT COUNT(*) AS n FROM "Case" c JOIN "User" u ON u."id" = c."leadProsecutorId" WHERE u."procuratorateId" <> c."procuratorateId" OR u."role" <> 'prosecutor'`,
      clue: `SELECT COUNT(*) AS n FROM "Case" c JOIN "Clue" l ON l."id" = c."clueId" WHERE l."procuratorateId" <> c."procuratorateId"`,
      series: `SELECT COUNT(*) AS n FROM "Case" c JOIN "CaseSeries" s ON s."id" = c."seriesId" WHERE s."procuratorateId" <> c."procuratorateId"`,
      member: `SELECT COUNT(*) AS n FROM "CaseMember" m JOIN "Case" c ON c."id" = m."caseId" JOIN "User" u ON u."id" = m."userId" WHERE u."procuratorateId" <> c."procuratorateId"`,
      evidence: `SELECT COUNT(*) AS n FROM "Evidence" e JOIN "Case" c ON c."id" = e."caseId" JOIN "User" u ON u."id" = e."createdById" WHERE u."procuratorateId" <> c."procuratorateId"`,
      recommendation: `SELECT COUNT(*) AS n FROM "Recommendation" r JOIN "Case" c ON c."id" = r."caseId" WHERE r."procuratorateId" <> c."procuratorateId"`,
      service: `SELECT COUNT(*) AS n FROM "Service" s JOIN "Case" c ON c."id" = s."caseId" JOIN "Agency" a ON a."id" = s."agencyId" WHERE a."procuratorateId" <> c."procuratorateId"`,
      reply: `SELECT COUNT(*) AS n FROM "Reply" p JOIN "Recommendation" r ON r."id" = p."recommendationId" JOIN "Agency" a ON a."id" = p."agencyId" WHERE a."procuratorateId" <> r."procuratorateId"`,
      approval: `SELECT COUNT(*) AS n FROM "Approval" p JOIN "Case" c ON c."id" = p."caseId" WHERE p."procuratorateId" <> c."procuratorateId"`,
      approver: `SELECT COUNT(*) AS n FROM "Approval" p JOIN "User" u ON u."id" = p."decidedById" WHERE u."procuratorateId" <> p."procuratorateId" OR u."role" <> 'approver'`,
      hearingCase: `SELECT COUNT(*) AS n FROM "HearingCase" hc JOIN "Hearing" h ON h."id" = hc."hearingId" JOIN "Case" c ON c."id" = hc."caseId" WHERE h."procuratorateId" <> c."procuratorateId"`,
      panel: `SELECT COUNT(*) AS n FROM "HearingPanelist" s JOIN "Hearing" h ON h."id" = s."hearingId" JOIN "Panelist" p ON p."id" = s."panelistId" WHERE h."procuratorateId" <> p."procuratorateId"`,
      assessment: `SELECT COUNT(*) AS n FROM "PointAssessment" pa JOIN "Recommendation" r ON r."id" = pa."recommendationId" JOIN "User" u ON u."id" = pa."assessedById" WHERE u."procuratorateId" <> r."procuratorateId"`,
      deadline: `SELECT COUNT(*) AS n FROM "DeadlineCase" dc JOIN "Deadline" d ON d."id" = dc."deadlineId" JOIN "Case" c ON c."id" = dc."caseId" WHERE d."procuratorateId" <> c."procuratorateId"`,
    };
    const found = Object.fromEntries(Object.entries(checks).map(([k, sql]) => [k, count(db, sql)]));
    expect(found).toEqual(Object.fromEntries(Object.keys(checks).map((k) => [k, 0])));
    expect(db.pragma("foreign_key_check")).toEqual([]);
    db.close();
  });

  test("replies carry their due date and lateness; assessed replies are assessed point by point", () => {
    const db = raw();
    const submitted = `"status" IN ('submitted', 'assessed') AND "id" IN (SELECT "id" FROM "Reply" WHERE "id" LIKE 'cz%')`;
    expect(count(db, `SELECT COUNT(*) AS n FROM "Reply" WHERE ${submitted} AND "dueOn" IS NULL`)).toBe(0);
    // late is exactly "submitted after the due date" (the Shanghai day of submittedAt, seeded before 16:00 UTC).
    expect(count(db, `SELECT COUNT(*) AS n FROM "Reply" WHERE ${submitted} AND "late" <> (substr("submittedAt", 1, 10) > "dueOn")`)).toBe(0);
    expect(count(db, `SELECT COUNT(*) AS n FROM "Reply" WHERE ${submitted} AND "late" = 1`)).toBeGreaterThan(0);
    expect(
      count(db, `SELECT COUNT(*) AS n FROM "Reply" p JOIN "ReplyAnswer" a ON a."replyId" = p."id"
        WHERE p."status" = 'assessed' AND p."id" LIKE 'cz%' AND NOT EXISTS (SELECT 1 FROM "PointAssessment" pa WHERE pa."pointId" = a."pointId")`),
    ).toBe(0);
    expect(count(db, `SELECT COUNT(*) AS n FROM "PointAssessment" WHERE "outcome" = 'paper_only'`)).toBeGreaterThan(0);
    db.close();
  });

  test("enumerated columns hold only their enum's values, and approval payloads parse", () => {
    const db = raw();
    for (const { table, column, values } of ENUM_COLUMNS) {
      const found = (db.prepare(`SELECT DISTINCT "${column}" AS v FROM "${table}" WHERE "${column}" IS NOT NULL`).all() as { v: string }[]).map((r) => r.v);
      expect(found.filter((v) => !values.includes(v)), `${table}.${column}`).toEqual([]);
    }
    const approvals = db.prepare(`SELECT "kind", "payload" FROM "Approval" WHERE "id" LIKE 'cz%'`).all() as { kind: string; payload: string }[];
    expect(approvals.length).toBeGreaterThan(CASES);
    for (const a of approvals) expect(() => parseApprovalPayload(approvalKindSchema.parse(a.kind), a.payload), a.payload).not.toThrow();
    db.close();
  }, 120_000); // a DISTINCT over every enumerated column of 100,000 cases: about 5 s alone, far more on a loaded machine

  test("the search index and the case counters cover the new rows, and their triggers are back", async () => {
    const db = raw();
    // The triggers suspended for the load are back, as the migration wrote them.
    expect(db.prepare(`SELECT "name", "tbl_name", "sql" FROM sqlite_master WHERE type = 'trigger' ORDER BY "name"`).all()).toEqual(before.triggers);
    for (const [kind, table] of [["case", "Case"], ["clue", "Clue"], ["evidence", "Evidence"]]) {
      expect(count(db, `SELECT COUNT(*) AS n FROM "SearchDoc" WHERE "kind" = ?`, kind), kind).toBe(count(db, `SELECT COUNT(*) AS n FROM "${table}"`));
    }
    // Every term finds exactly the documents whose text holds it: bigrams for two characters, trigrams beyond.
    for (const [kind, view] of [["case", "SearchCaseText"], ["clue", "SearchClueText"], ["evidence", "SearchEvidenceText"]]) {
      for (const term of ["口罩", "垃圾", "污水", "油烟", "耕地", "饮用水", "文物保护", "河道非法采砂"]) {
        const fts = term.length === 2 ? `search_${kind}_bi` : `search_${kind}_tri`;
        const matched = count(db, `SELECT COUNT(*) AS n FROM "${fts}" WHERE "${fts}" MATCH ?`, `"${term}"`);
        expect(matched, `${kind} ${term}`).toBe(count(db, `SELECT COUNT(*) AS n FROM "${view}" WHERE "body" LIKE ?`, `%${term}%`));
      }
    }
    // Per-state counters agree with the cases.
    expect(db.prepare(`SELECT "procuratorateId", "state", "urgent", "n" FROM "CaseCount" WHERE "n" > 0 ORDER BY 1, 2, 3`).all()).toEqual(
      db.prepare(`SELECT "procuratorateId", "state", "urgent", COUNT(*) AS "n" FROM "Case" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`).all(),
    );
    const caseId = (db.prepare(`SELECT "id" FROM "Case" WHERE "id" LIKE 'cz%' AND "state" = 'investigating' LIMIT 1`).get() as { id: string }).id;
    db.close();
    // A row written afterwards is indexed by the recreated trigger.
    const creator = await prisma.user.findUniqueOrThrow({ where: { username: "prosecutor" }, select: { id: true } });
    await prisma.evidence.create({ data: { caseId, ordinal: 999, title: "现场照片：鳌头岭瀑布下游漂浮物", kind: "audiovisual", createdById: creator.id } });
    const after = raw();
    expect(count(after, `SELECT COUNT(*) AS n FROM "search_evidence_tri" WHERE "search_evidence_tri" MATCH ?`, `"鳌头岭瀑布"`)).toBe(1);
    after.close();
  });

  test("at 20,000 cases the deadline board pages forward and back, and its counts are bounded", async () => {
    const today = DEMO_SEED_DAY;
    const base = { filter: parseBoardQuery(new URLSearchParams("scope=all&status=all")), today } as const;
    if (!base.filter.ok) throw new Error("board filter");
    const options = { filter: base.filter.filter, today };
    const first = await deadlineBoardPage(demoId, { ...options, cursor: null });
    expect(first.items.length).toBeGreaterThan(0);
    expect(first.next).toBeTruthy();
    const cursorOf = (token: string, dir: "after" | "before") => {
      const parsed = parseBoardQuery(new URLSearchParams({ [dir]: token }));
      if (!parsed.ok || !parsed.cursor) throw new Error("cursor");
      return parsed.cursor;
    };
    const second = await deadlineBoardPage(demoId, { ...options, cursor: cursorOf(first.next!, "after") });
    const dues = [...first.items, ...second.items].map((d) => d.dueOn);
    expect([...dues].sort()).toEqual(dues);
    expect(new Set([...first.items, ...second.items].map((d) => d.id)).size).toBe(first.items.length + second.items.length);
    const back = await deadlineBoardPage(demoId, { ...options, cursor: cursorOf(second.prev!, "before") });
    expect(back.items.map((d) => d.id)).toEqual(first.items.map((d) => d.id));
    const counts = await deadlineBoardCounts(demoId, options);
    expect(counts.total).toBeLessThanOrEqual(counts.cap + 1);
    expect(counts.overdue).toBeGreaterThan(0);

    // Search over the same data: a two-character term pages within its bounded hits, each in scope.
    const hits = await listCases(demoId, caseListFilterSchema.parse({ q: "口罩" }));
    expect(hits.mode).toBe("search");
    expect(hits.items.length).toBeGreaterThan(0);
    const ids = hits.items.map((c) => c.id);
    expect(await prisma.case.count({ where: { id: { in: ids }, procuratorateId: { not: demoId } } })).toBe(0);
    const far = await listCases(demoId, caseListFilterSchema.parse({ q: "口罩", page: "10000" }));
    expect(far.mode === "search" && far.page).toBe(hits.mode === "search" ? hits.pages : -1);
  });

  test("the audit chain stays valid: the import is one event", async () => {
    expect(await prisma.auditEvent.count({ where: { action: "data.bulk_import" } })).toBe(1);
    expect(await verifyAuditChain(prisma)).toBeNull();
  });

  test("stored deadlines are what the model computes: a full refresh changes nothing", async () => {
    const snapshot = () => {
      const db = raw();
      const deadlines = db
        .prepare(
          `SELECT d."procuratorateId", d."key", d."kind", d."ruleId", d."party", d."triggerOn", d."dueOn", d."periodEndOn", d."pausedSince",
             d."pausedDaysLeft", d."steps", d."basis", d."extended", d."missingYears", d."agencyName", d."hearingId", d."recommendationId",
             (SELECT group_concat(dc."caseId" || '#' || dc."ordinal", ',') FROM (SELECT * FROM "DeadlineCase" x WHERE x."deadlineId" = d."id" ORDER BY x."ordinal") dc) AS cases
           FROM "Deadline" d ORDER BY d."procuratorateId", d."key"`,
        )
        .all();
      const nextDue = db.prepare(`SELECT "id", "nextDueOn", "updatedAt" FROM "Case" ORDER BY "id"`).all();
      db.close();
      return { deadlines, nextDue };
    };
    const seeded = snapshot();
    const kinds = new Set((seeded.deadlines as { kind: string }[]).map((d) => d.kind));
    expect([...kinds].sort()).toEqual(["agency_reply", "filing_decision_service", "hearing_notice", "pre_suit_review", "recommendation_service"]);
    const due = (seeded.deadlines as { dueOn: string; pausedSince: string | null }[]).filter((d) => !d.pausedSince);
    expect(due.some((d) => d.dueOn < DEMO_SEED_DAY)).toBe(true);
    expect(due.filter((d) => d.dueOn > DEMO_SEED_DAY).length).toBeGreaterThan(due.filter((d) => d.dueOn < DEMO_SEED_DAY).length);
    expect((seeded.deadlines as { pausedSince: string | null }[]).some((d) => d.pausedSince)).toBe(true);

    await refreshAllDeadlines(prisma);
    const refreshed = snapshot();
    expect(refreshed.deadlines.length).toBe(seeded.deadlines.length);
    expect(refreshed.deadlines).toEqual(seeded.deadlines);
    expect(refreshed.nextDue).toEqual(seeded.nextDue);
  }, 300_000);

  test("the case pages read scale data of every state; another procuratorate's case is 404", async () => {
    const db = raw();
    const oneOf = (state: string, procuratorateId: string) =>
      (db.prepare(`SELECT "id" FROM "Case" WHERE "state" = ? AND "procuratorateId" = ? AND "id" LIKE 'cz%' LIMIT 1`).get(state, procuratorateId) as { id: string }).id;
    const demoCases = CASE_STATES.map((state) => ({ state, caseId: oneOf(state, demoId) }));
    const other = db.prepare(`SELECT "procuratorateId" AS p FROM "User" WHERE "username" = 'bh-prosecutor1'`).get() as { p: string };
    const hearing = (db.prepare(`SELECT "id" FROM "Hearing" WHERE "procuratorateId" = ? AND "status" = 'concluded' AND "id" LIKE 'cz%' LIMIT 1`).get(demoId) as { id: string }).id;
    const pending = (db.prepare(`SELECT "id" FROM "Approval" WHERE "procuratorateId" = ? AND "decision" = 'pending' AND "id" LIKE 'cz%' LIMIT 1`).get(demoId) as { id: string }).id;
    const own = oneOf("rectification", other.p);
    db.close();
    const prosecutor = await cookieFor("prosecutor");
    const pages = [caseLayoutLoader, overviewLoader, evidenceLoader, recommendationLoader, serviceLoader, logLoader, caseHearingsLoader];
    for (const { state, caseId } of demoCases) {
      for (const loader of pages) {
        const res = await callLoader(loader, request(`/cases/${caseId}`, { cookie: prosecutor }), { caseId });
        expect(res.status, `${state} ${caseId}`).toBe(200);
      }
    }
    expect((await callLoader(hearingLoader, request(`/hearings/${hearing}`, { cookie: prosecutor }), { hearingId: hearing })).status).toBe(200);
    const chief = await cookieFor("chief");
    expect((await callLoader(approvalLoader, request(`/approvals/${pending}`, { cookie: chief }), { approvalId: pending })).status).toBe(200);

    // A prosecutor of another procuratorate of the province reads their own cases, not the demo's.
    const bh = await cookieFor("bh-prosecutor1");
    expect((await callLoader(overviewLoader, request(`/cases/${own}`, { cookie: bh }), { caseId: own })).status).toBe(200);
    const demoCase = demoCases.find((c) => c.state === "rectification")!.caseId;
    expect((await callLoader(overviewLoader, request(`/cases/${demoCase}`, { cookie: bh }), { caseId: demoCase })).status).toBe(404);
  }, 120_000);

  test("the same seed gives the same data", () => {
    const dir = fs.mkdtempSync(path.join(path.dirname(dbFile), "scale-"));
    try {
      const run = (name: string, seed: number) => {
        const file = path.join(dir, `${name}.db`);
        fs.copyFileSync(path.join(inject("procuraTemplateDir"), "procura.db"), file);
        seedScale(file, { cases: 300, evidence: 1200, seed, today: DEMO_SEED_DAY });
        const db = new Database(file, { readonly: true });
        const cases = db.prepare(`SELECT * FROM "Case" ORDER BY "id"`).all();
        const evidence = db.prepare(`SELECT * FROM "Evidence" ORDER BY "id"`).all();
        db.close();
        return { cases, evidence };
      };
      const a = run("a", 11);
      expect(a.cases.length).toBe(before.cases + 300);
      expect(run("b", 11)).toEqual(a);
      expect(run("c", 12).cases).not.toEqual(a.cases);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test("the command refuses a database that already holds scale data", () => {
    const r = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/seed-scale.ts", "--cases", "10"], {
      env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Refused: .* already holds \d+ cases/);
  });
});
