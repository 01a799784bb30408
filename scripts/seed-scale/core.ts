import Database from "better-sqlite3";
import { chainHash, auditPayload, GENESIS_HASH } from "~/models/audit.server";
import { withDerivedTriggersSuspended } from "~/models/search-index.server";
import type { CaseState } from "~/domain/case/states";
import { agencyReplyDeadline } from "~/domain/deadlines/agency-reply";
import type { Calendar } from "~/domain/deadlines/calendar";
import { createCalendar } from "~/domain/deadlines/calendar";
import type { DeadlineExtensionInput, DeadlineResult, DeadlineSuspensionInput } from "~/domain/deadlines/compute";
import { computeDeadline } from "~/domain/deadlines/compute";
import type { IsoDate } from "~/domain/deadlines/dates";
import { dateInShanghai } from "~/domain/deadlines/dates";
import type { LiveDeadlineKind } from "~/domain/deadlines/live";
import type { DeadlineRule } from "~/domain/deadlines/rules";
import { DEADLINE_RULES, ruleById } from "~/domain/deadlines/rules";
import { formatDocumentNumber, formatRegisterNumber, REGISTER_COUNTER_KEY } from "~/domain/numbering/format";
import type { CountyDef, DeptKey } from "./places";
import { agencyName, COUNTIES, DEPARTMENTS, townAgencyName, VILLAGES } from "./places";
import type { Random } from "./random";
import { createIds, createRandom, mobile, personName } from "./random";
import type { Subject } from "./subjects";
import { ANSWER_TEXT, ASSESSMENT_FINDINGS, CLUE_SOURCE_TEXT, EVIDENCE_TEMPLATES, FOLLOW_UP_FINDINGS, REPLY_SUMMARIES, SUBJECTS } from "./subjects";

// Bulk "province" data for load tests and benchmarks (issue 7): cases over every state and field,
// evidence, clues, recommendations with services and replies, hearings, approvals, and the STORED
// deadlines (Deadline, DeadlineCase, Case.nextDueOn) computed with the same domain functions that
// app/models/deadline.server.ts uses, so `npm run deadlines:refresh` changes nothing afterwards.
// Written with better-sqlite3 prepared statements in one transaction (Prisma costs ~0.6 ms a call).
// The whole import is recorded as ONE audit event appended to the hash chain.
// SEED_SCALE_PROFILE=1 also prints the time spent inserting into each table.

export type SeedScaleOptions = {
  cases: number;
  /** Evidence items in all (default 5 × cases). */
  evidence?: number;
  /** PRNG seed: the same seed gives the same data. */
  seed?: number;
  /** "Today" in Asia/Shanghai: due dates are spread around it (default: the real today). */
  today?: IsoDate;
  /**
   * Let the search and counter triggers run for every row as it is written (slow: FTS5 flushes its
   * pending terms at the end of every statement) instead of suspending them for the load and
   * rebuilding the index and the counters once (withDerivedTriggersSuspended).
   */
  rowTriggers?: boolean;
  /** Share of the cases in the demo procuratorate (default 0.9). */
  demoShare?: number;
  log?: (message: string) => void;
};

export type SeedScaleResult = { counts: Record<string, number>; seconds: number; phases: Record<string, number> };

/** A database that already holds more cases than this is taken to hold scale data. */
export const SCALE_MARKER_CASES = 1000;

const CASE_STATE_WEIGHTS: Record<CaseState, number> = {
  evaluation: 5,
  not_filed: 4,
  filed: 3,
  investigating: 10,
  recommending: 5,
  rectification: 11,
  follow_up: 8,
  suspended: 1.5,
  pre_suit_review: 1.5,
  litigation: 2,
  closed: 49,
};

/** Relative evidence volume per state (older, further-advanced cases hold more). */
const EVIDENCE_WEIGHT: Record<CaseState, number> = {
  evaluation: 0.4,
  not_filed: 0.5,
  filed: 0.6,
  investigating: 1,
  recommending: 1.2,
  rectification: 1.2,
  follow_up: 1.4,
  suspended: 1.2,
  pre_suit_review: 1.6,
  litigation: 1.8,
  closed: 1.1,
};

const CLOSED_STATES: readonly string[] = ["closed", "not_filed"];

type Org = {
  id: string;
  county: CountyDef;
  shortName: string;
  isDemo: boolean;
  /** Agency id by name. */
  agencies: Map<string, string>;
  prosecutors: string[];
  assistants: string[];
  clerks: string[];
  approvers: string[];
  panelists: { id: string; name: string }[];
  series: { id: string; name: string; subject: Subject; town: string }[];
  calendar: Calendar;
  caseSeq: Map<number, number>;
  clueSeq: Map<number, number>;
  recSeq: Map<number, number>;
  hasRecCode: boolean;
};

type Transition = { from: CaseState; to: CaseState; on: IsoDate; approvalKind?: string; reason?: string };

type Plan = {
  id: string;
  org: Org;
  state: CaseState;
  subject: Subject;
  agencyId: string;
  agencyName: string;
  loc: string;
  symptom: string;
  title: string;
  lead: string;
  assistant: string;
  urgent: boolean;
  seriesId: string | null;
  createdOn: IsoDate;
  filedOn: IsoDate | null;
  closedOn: IsoDate | null;
  suspendedOn: IsoDate | null;
  number: string | null;
  transitions: Transition[];
  filingServiceOn: IsoDate | null;
  rec: RecPlan | null;
  pending: { kind: string; on: IsoDate } | null;
  extensionOn: IsoDate | null;
  clue: boolean;
  evidenceCount: number;
  lastOn: IsoDate;
};

type RecPlan = {
  id: string;
  status: "draft" | "pending_approval" | "approved" | "served" | "replied" | "closed";
  createdOn: IsoDate;
  submittedOn: IsoDate | null;
  approvedOn: IsoDate | null;
  servedOn: IsoDate | null;
  replyOn: IsoDate | null;
  replyStatus: "draft" | "submitted" | "assessed" | null;
  followUpOn: IsoDate | null;
  conclusion: "rectified" | "partly_rectified" | "not_rectified" | null;
  number: string | null;
  rejectedOn: IsoDate | null;
};

/** "2026-11-28T01:05:00.000+00:00": how the Prisma adapter stores a DateTime (UTC). */
function at(day: IsoDate, minutes = 90): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${day}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00.000+00:00`;
}

// Day arithmetic on "YYYY-MM-DD" through a table (the domain's addDays validates every date, which
// costs more than the rows it dates at this volume). Same results for the dates used here.
const DAY_MS = 86_400_000;
const dayIndex = new Map<IsoDate, number>();
const dayNames: IsoDate[] = [];
function epochDay(date: IsoDate): number {
  let n = dayIndex.get(date);
  if (n === undefined) {
    n = Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);
    dayIndex.set(date, n);
    dayNames[n] = date;
  }
  return n;
}
function dayName(n: number): IsoDate {
  let s = dayNames[n];
  if (s === undefined) {
    s = new Date(n * DAY_MS).toISOString().slice(0, 10);
    dayNames[n] = s;
    dayIndex.set(s, n);
  }
  return s;
}
function addDays(date: IsoDate, n: number): IsoDate {
  return dayName(epochDay(date) + n);
}
function daysBetween(a: IsoDate, b: IsoDate): number {
  return epochDay(b) - epochDay(a);
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

function minDate(a: IsoDate, b: IsoDate) {
  return a < b ? a : b;
}
function maxDate(a: IsoDate, b: IsoDate) {
  return a > b ? a : b;
}

export function seedScale(dbFile: string, options: SeedScaleOptions): SeedScaleResult {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let mark = started;
  let cpuMark = process.cpuUsage();
  const log = options.log ?? (() => {});
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    const cpu = process.cpuUsage(cpuMark);
    cpuMark = process.cpuUsage();
    mark = now;
    log(`  ${name}: ${(phases[name] / 1000).toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`);
  };
  const totalCases = options.cases;
  const totalEvidence = options.evidence ?? totalCases * 5;
  const seed = options.seed ?? 1;
  const today = options.today ?? dateInShanghai();
  const demoShare = options.demoShare ?? 0.9;
  const r = createRandom(seed);
  const day = (offset: number) => addDays(today, offset);
  const yesterday = day(-1);

  const db = new Database(dbFile);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  db.pragma("temp_store = MEMORY");
  // Every row below references rows written before it in the same run (or the demo's); the
  // integration test runs PRAGMA foreign_key_check on the result.
  db.pragma("foreign_keys = OFF");

  const demoUser = db.prepare(`SELECT "id", "procuratorateId", "passwordHash" FROM "User" WHERE "username" = 'prosecutor'`).get() as
    | { id: string; procuratorateId: string; passwordHash: string | null }
    | undefined;
  if (!demoUser) {
    db.close();
    throw new Error("the demo organisation is missing (no user 'prosecutor'): load the demo scenario first (npm run db:seed)");
  }
  const batch = (db.prepare(`SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "action" = 'data.bulk_import'`).get() as { n: number }).n;
  const ids = createIds(`z${seed.toString(36)}${batch.toString(36)}`);
  const nowIso = new Date().toISOString().replace("Z", "+00:00");
  const counts: Record<string, number> = {};
  const tableMs: Record<string, number> = {};
  const profile = Boolean(process.env.SEED_SCALE_PROFILE);
  const count = (table: string, n = 1) => {
    counts[table] = (counts[table] ?? 0) + n;
  };

  // ───────── prepared statements ─────────
  const insert = (table: string, columns: string[]) => {
    const stmt = db.prepare(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
    );
    if (profile) {
      return (...values: unknown[]) => {
        const t0 = performance.now();
        stmt.run(...values);
        tableMs[table] = (tableMs[table] ?? 0) + performance.now() - t0;
        count(table);
      };
    }
    return (...values: unknown[]) => {
      stmt.run(...values);
      count(table);
    };
  };
  const insProcuratorate = insert("Procuratorate", ["id", "name", "shortName", "region", "address", "phone", "parentId", "createdAt", "updatedAt"]);
  const insAgency = insert("Agency", ["id", "procuratorateId", "name", "shortName", "kind", "head", "address", "phone", "superiorAgencyId", "active", "createdAt", "updatedAt"]);
  const insUser = insert("User", ["id", "procuratorateId", "username", "displayName", "role", "post", "department", "phone", "passwordHash", "active", "createdAt", "updatedAt"]);
  const insPanelist = insert("Panelist", ["id", "procuratorateId", "name", "gender", "birthOn", "category", "workUnit", "title", "phone", "barred", "active", "joinedOn", "createdAt", "updatedAt"]);
  const insCode = insert("DocumentNumberCode", ["procuratorateId", "kind", "code"]);
  const insSeries = insert("CaseSeries", ["id", "procuratorateId", "name", "summary", "createdAt", "updatedAt"]);
  const insClue = insert("Clue", ["id", "procuratorateId", "number", "source", "receivedOn", "summary", "field", "location", "informantName", "informantPhone", "status", "evaluation", "transferredTo", "transferredOn", "registeredById", "assigneeId", "createdAt", "updatedAt"]);
  const insCase = insert("Case", ["id", "procuratorateId", "seriesId", "clueId", "number", "title", "field", "state", "urgent", "summary", "respondentAgencyId", "respondentUnknown", "leadProsecutorId", "filedOn", "closedOn", "suspendedOn", "version", "createdAt", "updatedAt", "nextDueOn"]);
  const insMember = insert("CaseMember", ["caseId", "userId", "role"]);
  const insApproval = insert("Approval", ["id", "procuratorateId", "caseId", "kind", "subject", "payload", "requestedById", "requestedAt", "decision", "decidedById", "decidedAt", "comment", "hearingId", "caseVersion", "usedAt"]);
  const insTransition = insert("CaseTransition", ["id", "caseId", "fromState", "toState", "actorId", "approvalId", "reason", "at"]);
  const insEvidence = insert("Evidence", ["id", "caseId", "ordinal", "title", "kind", "description", "collectedOn", "collectedPlace", "otherCollectors", "source", "sourceNote", "isOriginal", "containsPersonal", "createdById", "createdAt", "updatedAt"]);
  const insCollector = insert("EvidenceCollector", ["evidenceId", "userId"]);
  const insRec = insert("Recommendation", ["id", "caseId", "procuratorateId", "number", "status", "facts", "reasons", "legalBasis", "replyPeriod", "objectionDays", "submittedAt", "ccList", "issuedOn", "createdById", "createdAt", "updatedAt"]);
  const insPoint = insert("RecommendationPoint", ["id", "recommendationId", "ordinal", "text"]);
  const insService = insert("Service", ["id", "caseId", "documentKind", "documentNumber", "recommendationId", "agencyId", "recipient", "method", "place", "servedOn", "signedBy", "refusalReason", "witness", "serverName", "createdById", "createdAt"]);
  const insReply = insert("Reply", ["id", "recommendationId", "agencyId", "summary", "status", "submittedAt", "dueOn", "late", "createdAt", "updatedAt"]);
  const insAnswer = insert("ReplyAnswer", ["id", "replyId", "pointId", "status", "text"]);
  const insAssessment = insert("PointAssessment", ["id", "recommendationId", "pointId", "answerId", "outcome", "findings", "assessedById", "assessedAt"]);
  const insFollowUp = insert("FollowUp", ["id", "caseId", "recommendationId", "assessedOn", "method", "findings", "conclusion", "disposition", "createdById", "createdAt"]);
  const insExtension = insert("DeadlineExtension", ["id", "caseId", "deadline", "extraDays", "extraMonths", "reason", "approvalId", "createdAt"]);
  const insHearing = insert("Hearing", ["id", "procuratorateId", "seriesId", "title", "purpose", "isPublic", "venue", "startsAt", "endsAt", "hostId", "clerkId", "status", "announcement", "announcedAt", "contactPhone", "observerSeats", "hostSummary", "concludedAt", "createdAt", "updatedAt"]);
  const insHearingCase = insert("HearingCase", ["hearingId", "caseId", "ordinal", "issues"]);
  const insSeat = insert("HearingPanelist", ["hearingId", "panelistId", "invitedAt", "declaredAt", "declaration", "attended"]);
  const insParticipant = insert("HearingParticipant", ["id", "hearingId", "kind", "agencyId", "organisation", "name", "post", "attended"]);
  const insOpinion = insert("PanelOpinion", ["id", "hearingId", "caseId", "panelistId", "stance", "reasons", "conditions", "signedName", "submittedAt", "updatedAt"]);
  const insDeadline = insert("Deadline", ["id", "procuratorateId", "key", "kind", "ruleId", "party", "triggerOn", "dueOn", "periodEndOn", "pausedSince", "pausedDaysLeft", "steps", "basis", "extended", "missingYears", "agencyName", "hearingId", "recommendationId", "agencyId", "computedAt"]);
  const insDeadlineCase = insert("DeadlineCase", ["deadlineId", "caseId", "ordinal"]);
  const counterUpsert = db.prepare(
    `INSERT INTO "DocumentNumberCounter" ("procuratorateId", "code", "year", "last") VALUES (?, ?, ?, ?)
     ON CONFLICT ("procuratorateId", "code", "year") DO UPDATE SET "last" = MAX("last", excluded."last")`,
  );

  // Secondary indexes of the bulk tables are dropped for the load and built again at the end, in
  // the same transaction (one sort per index instead of 2 million random inserts). Their SQL is
  // read from the schema, so they come back exactly as the migrations made them; a unique index
  // that the data would violate fails to build and rolls the whole import back.
  const BULK_TABLES = [
    "Case", "Clue", "CaseMember", "CaseTransition", "Approval", "Evidence", "Recommendation", "RecommendationPoint", "Service",
    "Reply", "ReplyAnswer", "PointAssessment", "FollowUp", "Deadline", "DeadlineCase",
  ];
  const indexes = db
    .prepare(`SELECT "name", "sql" FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map(() => "?").join(", ")})`)
    .all(...BULK_TABLES) as { name: string; sql: string }[];

  // FTS5 flushes its in-memory terms to a new segment every `hashsize` bytes (default 1 MiB): a
  // 16 MiB buffer for the rebuild cuts its trigram inserts by about a third and leaves fewer
  // segments to merge. Set inside the import's transaction, the default again after it.
  const ftsTables = options.rowTriggers
    ? []
    : (db.prepare(`SELECT "name" FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'`).all() as { name: string }[]).map((t) => t.name);
  const hashsize = (bytes: number) => {
    for (const t of ftsTables) db.exec(`INSERT INTO "${t}" ("${t}", rank) VALUES ('hashsize', ${bytes})`);
  };
  const load = () => {
    for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
    hashsize(16 * FTS5_DEFAULT_HASHSIZE);
    // ───────── organisation ─────────
    const procByName = new Map(
      (db.prepare(`SELECT "id", "name" FROM "Procuratorate"`).all() as { id: string; name: string }[]).map((p) => [p.name, p.id]),
    );
    const parentId = procByName.get("郴州市人民检察院") ?? null;
    const holidayRows = db.prepare(`SELECT "date", "kind", "name", "procuratorateId" FROM "HolidayOverride"`).all() as {
      date: string;
      kind: string;
      name: string;
      procuratorateId: string | null;
    }[];
    const usernames = new Set((db.prepare(`SELECT "username" FROM "User"`).all() as { username: string }[]).map((u) => u.username));
    const orgs: Org[] = [];
    for (const county of COUNTIES) {
      const isDemo = county.procuratorate === "桂阳县人民检察院";
      let id = isDemo ? demoUser.procuratorateId : procByName.get(county.procuratorate);
      if (!id) {
        id = ids();
        insProcuratorate(id, county.procuratorate, county.shortName, county.region, county.address, "0735-12309", parentId, at(day(-2000)), nowIso);
      }
      const existing = db.prepare(`SELECT "id", "name" FROM "Agency" WHERE "procuratorateId" = ?`).all(id) as { id: string; name: string }[];
      const agencies = new Map(existing.map((a) => [a.name, a.id]));
      const addAgency = (name: string, shortName: string, kind: string, superior: string | null, area: string) => {
        if (agencies.has(name)) return agencies.get(name)!;
        const aid = ids();
        const phone = `0735-${r.int(2, 8)}${String(r.int(0, 999_999)).padStart(6, "0")}`;
        insAgency(aid, id, name, shortName, kind, personName(r), `${county.region}${area}`, phone, superior, 1, at(day(-2000)), nowIso);
        agencies.set(name, aid);
        return aid;
      };
      const gov = DEPARTMENTS[0]!;
      const govId = addAgency(agencyName(county, gov), `${county.county.slice(-3)}${gov.shortName}`, gov.kind, null, county.towns[0]!);
      for (const dept of DEPARTMENTS.slice(1)) {
        addAgency(agencyName(county, dept), `${county.county.slice(-3, -1)}${dept.shortName}`, dept.kind, govId, r.pick(county.towns.slice(0, 3)));
      }
      addAgency(agencyName(county, "eco"), `生态环境${county.branch}分局`, "branch", null, county.towns[0]!);
      addAgency(agencyName(county, "tax"), `${county.branch}税务局`, "branch", null, county.towns[0]!);
      for (const town of county.towns) addAgency(townAgencyName(county, town), town, town.endsWith("街道") ? "subdistrict" : "township", govId, town);

      // Staff: the demo keeps its own accounts and gets more prosecutors for the volume.
      const staff = db.prepare(`SELECT "id", "username", "role", "post" FROM "User" WHERE "procuratorateId" = ? AND "active" = 1`).all(id) as {
        id: string;
        username: string;
        role: string;
        post: string | null;
      }[];
      const org: Org = {
        id,
        county,
        shortName: county.shortName,
        isDemo,
        agencies,
        prosecutors: staff.filter((u) => u.role === "prosecutor" && u.post === "检察官").map((u) => u.id),
        assistants: staff.filter((u) => u.role === "prosecutor" && u.post === "检察官助理").map((u) => u.id),
        clerks: staff.filter((u) => u.role === "prosecutor" && u.post === "书记员").map((u) => u.id),
        approvers: staff.filter((u) => u.role === "approver").map((u) => u.id),
        panelists: (db.prepare(`SELECT "id", "name" FROM "Panelist" WHERE "procuratorateId" = ? AND "active" = 1 AND "barred" = 0`).all(id) as {
          id: string;
          name: string;
        }[]),
        series: [],
        calendar: createCalendar(holidayRows.filter((h) => h.procuratorateId === null || h.procuratorateId === id)),
        caseSeq: new Map(),
        clueSeq: new Map(),
        recSeq: new Map(),
        hasRecCode: false,
      };
      const department = isDemo ? "第五检察部" : "公益诉讼检察部";
      const addUser = (username: string, role: string, post: string, list: string[]) => {
        if (usernames.has(username)) return;
        usernames.add(username);
        const uid = ids();
        insUser(uid, id, username, personName(r), role, post, role === "admin" ? "案件管理部" : department, mobile(r), demoUser.passwordHash, 1, at(day(-1500)), nowIso);
        list.push(uid);
      };
      const share = isDemo ? demoShare : (1 - demoShare) / (COUNTIES.length - 1);
      const wanted = Math.max(4, Math.round((totalCases * share) / 2500));
      for (let i = 1; org.prosecutors.length < wanted; i++) addUser(`${county.userPrefix}-prosecutor${i}`, "prosecutor", "检察官", org.prosecutors);
      for (let i = 1; org.assistants.length < Math.ceil(wanted / 2); i++) addUser(`${county.userPrefix}-assistant${i}`, "prosecutor", "检察官助理", org.assistants);
      for (let i = 1; org.clerks.length < 2; i++) addUser(`${county.userPrefix}-clerk${i}`, "prosecutor", "书记员", org.clerks);
      if (!org.approvers.length) {
        addUser(`${county.userPrefix}-head`, "approver", "部门负责人", org.approvers);
        addUser(`${county.userPrefix}-chief`, "approver", "检察长", org.approvers);
        addUser(`${county.userPrefix}-admin`, "admin", "系统管理员", []);
      }
      // The panel pool (听证员库): everyone at least 23 (听证规定 Art 7).
      const categories = ["npc_deputy", "cppcc_member", "people_supervisor", "volunteer", "expert"] as const;
      while (org.panelists.length < 20) {
        const pid = ids();
        const name = personName(r);
        const category = r.pick(categories);
        insPanelist(pid, id, name, r.chance(0.5) ? "male" : "female", `${r.int(1960, 1995)}-0${r.int(1, 9)}-1${r.int(0, 9)}`, category,
          `${r.pick(county.towns)}${r.pick(["某社区居民委员会", "某农业合作社", "某律师事务所", "某中学", "某卫生院"])}`,
          { npc_deputy: "人大代表", cppcc_member: "政协委员", people_supervisor: "人民监督员", volunteer: "“益心为公”志愿者", expert: "特邀专家" }[category],
          mobile(r), 0, 1, day(-r.int(400, 1800)), at(day(-1800)), nowIso);
        org.panelists.push({ id: pid, name });
      }
      org.hasRecCode = Boolean(db.prepare(`SELECT 1 FROM "DocumentNumberCode" WHERE "procuratorateId" = ? AND "kind" = 'recommendation'`).get(id));
      if (!org.hasRecCode) {
        insCode(id, "recommendation", "行公建");
        org.hasRecCode = true;
      }
      // Numbers continue after what is on file (the demo's cases, clues and 文号).
      for (const row of db.prepare(`SELECT "number" FROM "Case" WHERE "procuratorateId" = ? AND "number" IS NOT NULL`).all(id) as { number: string }[]) {
        const m = /^(\d{4})-行公-(\d+)$/.exec(row.number);
        if (m) org.caseSeq.set(Number(m[1]), Math.max(org.caseSeq.get(Number(m[1])) ?? 0, Number(m[2])));
      }
      for (const row of db.prepare(`SELECT "number" FROM "Clue" WHERE "procuratorateId" = ?`).all(id) as { number: string }[]) {
        const m = /^(\d{4})-线索-(\d+)$/.exec(row.number);
        if (m) org.clueSeq.set(Number(m[1]), Math.max(org.clueSeq.get(Number(m[1])) ?? 0, Number(m[2])));
      }
      for (const row of db.prepare(`SELECT "code", "year", "last" FROM "DocumentNumberCounter" WHERE "procuratorateId" = ?`).all(id) as {
        code: string;
        year: number;
        last: number;
      }[]) {
        const target = row.code === "行公建" ? org.recSeq : row.code === "线索" ? org.clueSeq : row.code === REGISTER_COUNTER_KEY ? org.caseSeq : null;
        target?.set(row.year, Math.max(target.get(row.year) ?? 0, row.last));
      }
      orgs.push(org);
    }
    phase("organisation");

    // ───────── case plans ─────────
    const demoOrg = orgs.find((o) => o.isDemo)!;
    const others = orgs.filter((o) => !o.isDemo);
    const plans: Plan[] = [];
    const orgOfCase = (i: number) => (i < Math.round(totalCases * demoShare) ? demoOrg : others[i % others.length]!);
    // Series (系列案, 规则 Art 69): a problem handled together against several agencies of a county.
    for (const org of orgs) {
      const share = org.isDemo ? demoShare : (1 - demoShare) / others.length;
      const n = Math.max(1, Math.round((totalCases * share) / 1500));
      for (let i = 0; i < n; i++) {
        const subject = r.pick(SUBJECTS);
        const town = r.pick(org.county.towns);
        const year = yearOf(day(-r.int(30, 1500)));
        const name = `${year}年${org.county.county}${subject.problem}系列案`;
        const sid = ids();
        insSeries(sid, org.id, name, `${org.county.county}多个行政机关对${subject.problem}问题未依法履行监管职责，作为系列案统一办理（规则第六十九条）。`, at(`${year}-03-01`), nowIso);
        org.series.push({ id: sid, name, subject, town });
      }
    }

    for (let i = 0; i < totalCases; i++) {
      const org = orgOfCase(i);
      const state = r.weighted(CASE_STATE_WEIGHTS);
      const series = r.chance(0.03) ? r.pick(org.series) : null;
      const subject = series?.subject ?? r.pick(SUBJECTS);
      const deptKey: DeptKey = r.pick(subject.agencies);
      // A township answers for its own area: its cases are about a village or the town itself.
      const place = deptKey === "town" ? r.pick(["town", "village"] as const) : r.pick(subject.place);
      const town = series?.town ?? r.pick(org.county.towns);
      const loc =
        place === "road" ? r.pick(org.county.roads) + r.pick(["沿线", "与" + r.pick(org.county.roads) + "交叉路口", "沿街商铺", ""]) :
        place === "water" ? `${r.pick(org.county.waters)}${town.replace(/(街道|镇|瑶族乡|乡)$/, "")}段` :
        place === "site" ? r.pick(org.county.sites) :
        place === "town" ? town :
        `${town}${r.pick(VILLAGES)}`;
      const aName =
        deptKey === "town" ? townAgencyName(org.county, town) :
        deptKey === "eco" || deptKey === "tax" ? agencyName(org.county, deptKey) :
        agencyName(org.county, DEPARTMENTS.find((d) => d.key === deptKey)!);
      const agencyId = org.agencies.get(aName)!;
      const urgent = (subject.field === "safety" || subject.field === "public_health" || subject.field === "food_drug") && r.chance(0.25);
      const lead = org.isDemo && r.chance(0.03) ? demoUser.id : r.pick(org.prosecutors);
      const plan: Plan = {
        id: ids(),
        org,
        state,
        subject,
        agencyId,
        agencyName: aName,
        loc,
        symptom: r.pick(subject.symptoms),
        title: subject.title.replace("{agency}", aName).replace("{loc}", loc),
        lead,
        assistant: r.pick(org.assistants),
        urgent,
        seriesId: series?.id ?? null,
        createdOn: today,
        filedOn: null,
        closedOn: null,
        suspendedOn: null,
        number: null,
        transitions: [],
        filingServiceOn: null,
        rec: null,
        pending: null,
        extensionOn: null,
        clue: r.chance(0.75),
        evidenceCount: 0,
        lastOn: today,
      };
      planTimeline(plan, r, day, yesterday);
      plans.push(plan);
    }
    phase("plan");

    // Register numbers (YYYY-行公-NNN) in order of filing, 文号 in order of issue, per procuratorate.
    const byFiling = plans.filter((p) => p.filedOn).sort((a, b) => (a.filedOn! < b.filedOn! ? -1 : a.filedOn! > b.filedOn! ? 1 : 0));
    for (const p of byFiling) {
      const y = yearOf(p.filedOn!);
      const seq = (p.org.caseSeq.get(y) ?? 0) + 1;
      p.org.caseSeq.set(y, seq);
      p.number = formatRegisterNumber(y, seq);
    }
    const byIssue = plans.filter((p) => p.rec?.approvedOn).sort((a, b) => (a.rec!.approvedOn! < b.rec!.approvedOn! ? -1 : a.rec!.approvedOn! > b.rec!.approvedOn! ? 1 : 0));
    for (const p of byIssue) {
      const y = yearOf(p.rec!.approvedOn!);
      const seq = (p.org.recSeq.get(y) ?? 0) + 1;
      p.org.recSeq.set(y, seq);
      p.rec!.number = formatDocumentNumber({ shortName: p.org.shortName, code: "行公建", year: y, seq });
    }
    const clueNumbers = new Map<string, string>();
    const byReceipt = plans.filter((p) => p.clue).sort((a, b) => (a.createdOn < b.createdOn ? -1 : a.createdOn > b.createdOn ? 1 : 0));
    const nextClueNumber = (org: Org, on: IsoDate) => {
      const y = yearOf(on);
      const seq = (org.clueSeq.get(y) ?? 0) + 1;
      org.clueSeq.set(y, seq);
      return `${y}-线索-${String(seq).padStart(3, "0")}`;
    };
    for (const p of byReceipt) clueNumbers.set(p.id, nextClueNumber(p.org, p.createdOn));

    // Evidence per case: weights by state, rounded so that the total is exact.
    const weights = plans.map((p) => EVIDENCE_WEIGHT[p.state] * (0.5 + r.next()));
    const wsum = weights.reduce((s, w) => s + w, 0);
    let acc = 0;
    let given = 0;
    plans.forEach((p, i) => {
      acc += (weights[i]! * totalEvidence) / wsum;
      const upto = Math.round(acc);
      p.evidenceCount = upto - given;
      given = upto;
    });

    // Hearings: a few hundred, on cases under investigation or beyond (a series hearing hears a series).
    const hearingPlans = planHearings(plans, r, day, today, totalCases);
    phase("numbers");

    // ───────── rows ─────────
    const deadlineRows: { row: unknown[]; cases: string[] }[] = [];
    for (const p of plans) {
      const org = p.org;
      const approver = () => r.pick(org.approvers);
      let clueId: string | null = null;
      if (p.clue) {
        clueId = ids();
        const source = r.pick(["report", "platform", "deputy", "media", "volunteer", "other", "referral", "own_case"] as const);
        const clueStatus = p.state === "evaluation" ? "evaluating" : p.state === "not_filed" ? "not_filed" : "filed";
        const informant = source === "report" ? personName(r) : null;
        insClue(clueId, org.id, clueNumbers.get(p.id)!, source, p.createdOn, `${CLUE_SOURCE_TEXT[source]}：${p.loc}${p.symptom}。`, p.subject.field, p.loc,
          informant, informant ? mobile(r) : null, clueStatus,
          clueStatus === "evaluating" ? null : clueStatus === "not_filed" ? `经初步调查，${p.agencyName}已依法履行职责，公益损害已消除，建议不立案。` : `经初步调查，${p.symptom}属实，${p.agencyName}负有${p.subject.duty}，建议立案。`,
          null, null, p.assistant, p.lead, at(p.createdOn, 60), at(p.lastOn, 60));
      }

      // Approvals and transitions, in order; the case's version counts its moves.
      let version = 0;
      let approvalForTransition: string | null = null;
      const transitionRows: unknown[][] = [];
      let minute = 60;
      const suspensions: DeadlineSuspensionInput[] = [];
      let preSuitOn: IsoDate | null = null;
      let recApprovedOn: IsoDate | null = null;
      for (const t of p.transitions) {
        approvalForTransition = null;
        minute += 7;
        if (t.approvalKind) {
          const aid = ids();
          const requested = addDays(t.on, -r.int(1, 3));
          const payload =
            t.approvalKind === "recommendation" ? { recommendationId: p.rec!.id, reason: "事实清楚，证据充分，建议制发检察建议。" } :
            t.approvalKind === "closure" ? { ground: t.reason ?? "fully_rectified", reason: "经跟进调查，公益损害已消除，建议终结案件。" } :
            t.approvalKind === "filing" ? { reason: "经初步调查，符合立案条件。" } :
            { reason: t.approvalKind === "suspension" ? "行政机关已提起诉讼，需以相关案件审理结果为依据。" : t.approvalKind === "resumption" ? "中止审查的情形已消除。" : t.approvalKind === "suit" ? "行政机关仍不依法履行职责，国家利益和社会公共利益处于受侵害状态。" : "经初步调查，不符合立案条件。" };
          insApproval(aid, org.id, p.id, t.approvalKind, `${APPROVAL_SUBJECT[t.approvalKind]}：${p.title}`, JSON.stringify(payload), p.lead, at(requested, 120), "approved", approver(), at(t.on, minute - 1), null, null, version, at(t.on, minute));
          approvalForTransition = aid;
          if (t.approvalKind === "recommendation") recApprovedOn = t.on;
        }
        transitionRows.push([ids(), p.id, t.from, t.to, p.lead, approvalForTransition, t.approvalKind === "closure" ? `${t.reason ?? "fully_rectified"}：经跟进调查，公益损害已消除，建议终结案件。` : null, at(t.on, minute)]);
        version++;
        if (t.to === "suspended") suspensions.push({ from: t.on, to: null });
        if (t.from === "suspended") {
          const open = suspensions.findLast((s) => !s.to);
          if (open) open.to = t.on;
        }
        if (t.to === "pre_suit_review") preSuitOn = t.on;
      }
      if (p.rec?.rejectedOn) {
        insApproval(ids(), org.id, p.id, "recommendation", `${APPROVAL_SUBJECT.recommendation}：${p.title}`, JSON.stringify({ recommendationId: p.rec.id }), p.lead,
          at(addDays(p.rec.rejectedOn, -2), 120), "rejected", approver(), at(p.rec.rejectedOn, 150), "建议事项表述不够具体，请补充整改期限和标准后重新报批。", null, version, null);
      }
      if (p.pending) {
        const kind = p.pending.kind;
        const payload =
          kind === "recommendation" ? { recommendationId: p.rec!.id } :
          kind === "closure" ? { ground: "fully_rectified", reason: "行政机关已全面整改，建议终结案件。" } :
          kind === "filing" ? {} : { reason: kind === "suit" ? "行政机关仍不依法履行职责，建议提起行政公益诉讼。" : "行政机关已就同一事项提起诉讼，建议中止审查。" };
        insApproval(ids(), org.id, p.id, kind, `${APPROVAL_SUBJECT[kind]}：${p.title}`, JSON.stringify(payload), p.lead, at(p.pending.on, 180), "pending", null, null, null, null, version, null);
      }

      // The extension of 审查起诉 (规则 Art 47), approved by the chief.
      const extensions: DeadlineExtensionInput[] = [];
      if (p.extensionOn) {
        const aid = ids();
        const reason = "案情复杂，需补充调取行政机关履职证据。";
        insApproval(aid, org.id, p.id, "extension", `${APPROVAL_SUBJECT.extension}：${p.title}`, JSON.stringify({ deadline: "pre_suit_review", extraMonths: 1, reason }), p.lead,
          at(addDays(p.extensionOn, -1), 120), "approved", approver(), at(p.extensionOn, 100), null, null, version, at(p.extensionOn, 100));
        insExtension(ids(), p.id, "pre_suit_review", null, 1, reason, aid, at(p.extensionOn, 100));
        extensions.push({ extraMonths: 1, extraDays: null, reason });
      }

      // Recommendation, services, reply, follow-up.
      const caseDeadlines: { kind: LiveDeadlineKind; rule: DeadlineRule; result: DeadlineResult; extended: boolean; recommendationId: string | null; agency: string }[] = [];
      if (p.filingServiceOn) {
        insService(ids(), p.id, "filing_decision", null, null, p.agencyId, p.agencyName, "direct", `${p.agencyName}办公室`, p.filingServiceOn, personName(r), null, null, `${personName(r)}、${personName(r)}`, p.assistant, at(p.filingServiceOn, 400));
      } else if (p.filedOn && !CLOSED_STATES.includes(p.state)) {
        const rule = DEADLINE_RULES.filing_decision_service;
        caseDeadlines.push({ kind: "filing_decision_service", rule, result: computeDeadline(rule, p.filedOn, org.calendar, [], suspensions), extended: false, recommendationId: null, agency: p.agencyName });
      }
      const rec = p.rec;
      if (rec) {
        const replyPeriod = p.urgent ? "fifteen_days" : "two_months";
        insRec(rec.id, p.id, org.id, rec.number, rec.status,
          `${yearOf(rec.createdOn)}年，本院在履行职责中发现，${p.loc}${p.symptom}。本院经现场勘验、拍照固定证据并询问相关人员，查明上述问题客观存在。`,
          `${p.agencyName}负有${p.subject.duty}。${p.subject.harm}。${p.agencyName}未充分履行监管职责，致使社会公共利益处于受侵害状态。`,
          "《中华人民共和国行政诉讼法》第二十五条第四款；《人民检察院公益诉讼办案规则》第七十五条",
          replyPeriod, null, rec.submittedOn ? at(rec.submittedOn, 200) : null, `${org.county.county}人民政府；郴州市人民检察院`, rec.approvedOn, p.lead,
          at(rec.createdOn, 200), at(maxDate(rec.createdOn, rec.followUpOn ?? rec.replyOn ?? rec.servedOn ?? rec.approvedOn ?? rec.submittedOn ?? rec.createdOn), 300));
        const points = p.subject.points.map((text, k) => {
          const pid = ids();
          insPoint(pid, rec.id, k + 1, text);
          return pid;
        });
        if (rec.servedOn) {
          const method = r.weighted({ direct: 80, announcement: 12, leaving: 4, post: 4 });
          insService(ids(), p.id, "recommendation", rec.number, rec.id, p.agencyId, p.agencyName, method,
            method === "announcement" ? `${org.county.procuratorate}宣告室` : `${p.agencyName}办公室`, rec.servedOn, method === "leaving" ? null : personName(r),
            method === "leaving" ? "受送达人拒绝签收" : null, method === "leaving" ? `${personName(r)}（见证人）` : null, `${personName(r)}、${personName(r)}`, p.assistant, at(rec.servedOn, 420));
        } else if (rec.status === "approved" && !CLOSED_STATES.includes(p.state)) {
          // 规则 Art 76: served within 3 days of the chief's decision to recommend.
          const rule = DEADLINE_RULES.recommendation_service;
          caseDeadlines.push({ kind: "recommendation_service", rule, result: computeDeadline(rule, recApprovedOn ?? rec.approvedOn!, org.calendar, [], suspensions), extended: false, recommendationId: rec.id, agency: p.agencyName });
        }
        if (rec.replyStatus) {
          const replyId = ids();
          const submitted = rec.replyStatus !== "draft";
          // The due date at submission and lateness (a late reply is accepted and marked late, issue 11 §2).
          const dueOn = submitted && rec.servedOn ? agencyReplyDeadline({ replyPeriod, servedOn: [rec.servedOn], suspensions }, org.calendar)?.dueOn ?? null : null;
          insReply(replyId, rec.id, p.agencyId, r.pick(REPLY_SUMMARIES), rec.replyStatus, submitted ? at(rec.replyOn!, 450) : null,
            dueOn, dueOn !== null && rec.replyOn! > dueOn ? 1 : 0, at(addDays(rec.replyOn!, -2), 120), at(rec.followUpOn ?? rec.replyOn!, 460));
          const answerStatus = rec.conclusion === "not_rectified" ? "not_done" : rec.conclusion === "partly_rectified" ? "in_progress" : "done";
          points.forEach((pointId, k) => {
            const status = k === 0 ? answerStatus : r.chance(0.85) ? "done" : r.pick(["in_progress", "not_done", "objection"] as const);
            const answerId = ids();
            insAnswer(answerId, replyId, pointId, status, r.pick(ANSWER_TEXT[status]!));
            // 跟进调查 (规则 Art 77): each point of an assessed reply verified on the follow-up date; some
            // points replied as done turn out rectified on paper only (回复了但未实际整改).
            if (rec.replyStatus === "assessed" && rec.followUpOn) {
              const outcome = status === "done"
                ? rec.conclusion === "not_rectified" ? "paper_only" : r.chance(0.1) ? "paper_only" : "rectified"
                : status === "in_progress" || status === "objection" ? "partly_rectified" : "not_rectified";
              insAssessment(ids(), rec.id, pointId, answerId, outcome, r.pick(ASSESSMENT_FINDINGS[outcome]!), p.lead, at(rec.followUpOn, 470));
            }
          });
        }
        if (rec.servedOn && !(rec.replyStatus === "submitted" || rec.replyStatus === "assessed") && !CLOSED_STATES.includes(p.state)) {
          const result = agencyReplyDeadline({ replyPeriod, servedOn: [rec.servedOn], suspensions }, org.calendar)!;
          caseDeadlines.push({ kind: "agency_reply", rule: ruleById(result.ruleId), result, extended: false, recommendationId: rec.id, agency: p.agencyName });
        }
        if (rec.followUpOn && rec.conclusion) {
          insFollowUp(ids(), p.id, rec.id, rec.followUpOn, "实地查看、调取整改材料、询问相关人员", FOLLOW_UP_FINDINGS[rec.conclusion]!, rec.conclusion,
            rec.conclusion === "rectified" ? "close" : rec.conclusion === "not_rectified" ? "sue" : null, p.lead, at(rec.followUpOn, 480));
        }
      }
      if (p.state === "pre_suit_review" && preSuitOn) {
        const rule = DEADLINE_RULES.pre_suit_review;
        // 规则 Art 47: from the end of the rectification period (the reply due date), as the app counts it.
        const periodEnd = p.rec?.servedOn
          ? agencyReplyDeadline({ replyPeriod: p.urgent ? "fifteen_days" : "two_months", servedOn: [p.rec.servedOn], suspensions }, org.calendar)?.dueOn ?? preSuitOn
          : preSuitOn;
        caseDeadlines.push({ kind: "pre_suit_review", rule, result: computeDeadline(rule, periodEnd, org.calendar, extensions, suspensions), extended: extensions.length > 0, recommendationId: null, agency: p.agencyName });
      }

      // Stored deadlines of the case and Case.nextDueOn (running clocks only, not hearing notices). An
      // agency reply names the agency served (Deadline.agencyId), so the insert trigger of migration
      // 20261201090001 has nothing to look up (Service's indexes are dropped during the load).
      let nextDue: IsoDate | null = null;
      for (const d of caseDeadlines) {
        const did = ids();
        const key = `${d.kind}:${d.recommendationId ?? p.id}`;
        deadlineRows.push({
          row: [did, org.id, key, d.kind, d.result.ruleId, d.rule.party, d.result.triggerOn, d.result.dueOn, d.result.periodEndOn,
            d.result.paused?.since ?? null, d.result.paused?.daysLeft ?? null, JSON.stringify(d.result.steps), d.result.basis, d.extended ? 1 : 0,
            d.result.calendarWarning ? JSON.stringify(d.result.calendarWarning.years) : null, d.agency, null, d.recommendationId,
            d.kind === "agency_reply" ? p.agencyId : null, nowIso],
          cases: [p.id],
        });
        if (!d.result.paused && (!nextDue || d.result.dueOn < nextDue)) nextDue = d.result.dueOn;
      }

      insCase(p.id, org.id, p.seriesId, clueId, p.number, p.title, p.subject.field, p.state, p.urgent ? 1 : 0,
        `${p.loc}${p.symptom}，${p.subject.harm}。`, p.agencyId, 0, p.lead, p.filedOn, p.closedOn, p.suspendedOn,
        version, at(p.createdOn, 60), at(p.lastOn, 500), nextDue);
      insMember(p.id, p.lead, "lead");
      if (r.chance(0.7)) insMember(p.id, p.assistant, "assistant");
      for (const t of transitionRows) insTransition(...t);

      // Evidence, dated within the case's life, ordinal 1 … n.
      const span = Math.max(1, daysBetween(p.createdOn, p.lastOn));
      const staffNames = `${personName(r)}、${personName(r)}`;
      const vars: Record<string, string> = {
        loc: p.loc, thing: p.subject.thing, agency: p.agencyName, symptom: p.symptom, duty: p.subject.duty, harm: p.subject.harm, staff: staffNames, person: "", n: "",
      };
      for (let k = 1; k <= p.evidenceCount; k++) {
        const tpl = r.pick(EVIDENCE_COMPILED);
        const on = addDays(p.createdOn, Math.min(span, Math.floor((span * k) / (p.evidenceCount + 1))));
        vars.person = personName(r);
        vars.n = String(r.int(2, 12));
        // Documents come from the agency (handed over, a copy); the rest we collect ourselves, the
        // case's lead and an assistant together (EvidenceCollector rows, 规则 Art 36), with a named
        // witness for on-site records.
        const handedOver = tpl.kind === "documentary";
        const evidenceId = ids();
        insEvidence(evidenceId, p.id, k, fill(tpl.title, vars), tpl.kind, fill(tpl.description, vars), on,
          handedOver || tpl.kind === "witness" ? null : p.loc,
          tpl.kind === "inspection" ? `见证人：${personName(r)}` : null,
          handedOver ? "agency_handover" : "collected",
          handedOver ? p.agencyName : tpl.kind === "witness" ? "询问" : "现场收集", handedOver ? 0 : 1,
          tpl.kind === "witness" || tpl.kind === "party_statement" ? 1 : 0, p.assistant, at(on, 330), at(on, 330));
        if (!handedOver) {
          insCollector(evidenceId, p.lead);
          insCollector(evidenceId, p.assistant); // assistants (检察官助理) are never the lead (检察官)
        }
      }
    }
    phase("cases");

    // Clues with no case yet, or transferred elsewhere (规则 Arts 24–26).
    const looseClues = Math.round(totalCases * 0.04);
    for (let i = 0; i < looseClues; i++) {
      const org = orgOfCase(Math.floor(r.next() * totalCases));
      const subject = r.pick(SUBJECTS);
      const town = r.pick(org.county.towns);
      const on = day(-r.int(1, 90));
      const status = r.weighted({ registered: 45, evaluating: 35, transferred: 20 });
      const source = r.pick(["report", "platform", "deputy", "media", "volunteer"] as const);
      const loc = `${town}${r.pick(VILLAGES)}`;
      insClue(ids(), org.id, nextClueNumber(org, on), source, on, `${CLUE_SOURCE_TEXT[source]}：${loc}${r.pick(subject.symptoms)}。`, subject.field, loc,
        null, null, status, status === "transferred" ? "经审查，该线索反映的问题属于刑事犯罪线索，依法移送公安机关。" : null,
        status === "transferred" ? agencyName(org.county, DEPARTMENTS.find((d) => d.key === "police")!) : null, status === "transferred" ? addDays(on, r.int(3, 20)) : null,
        r.pick(org.assistants), status === "registered" ? null : r.pick(org.prosecutors), at(on, 100), at(on, 100));
    }

    // Hearings with their cases, panel, participants, opinions and approval.
    for (const h of hearingPlans) {
      const org = h.cases[0]!.org;
      const hid = ids();
      const lead = h.cases[0]!;
      const title = h.series ? `${h.series.name}公开听证会` : `${lead.title.replace(/案$/, "")}公开听证会`;
      const starts = at(h.on, 90);
      const concluded = h.status === "concluded";
      const past = (d: IsoDate) => minDate(d, yesterday);
      const notifiedOrLater = h.status !== "planned" && h.status !== "cancelled";
      insHearing(hid, org.id, h.series?.id ?? null, title, `${lead.subject.problem}问题是否存在、行政机关是否依法履职`, 1, `${org.county.procuratorate}听证室`, starts,
        concluded ? at(h.on, 240) : null, lead.lead, r.pick(org.clerks), h.status,
        notifiedOrLater ? `${org.county.procuratorate}定于${h.on}召开公开听证会，就${lead.subject.problem}问题听取意见，欢迎社会公众旁听。` : null,
        notifiedOrLater ? at(past(addDays(h.on, -5)), 90) : null, "0735-12309", 10, concluded ? "听证员多数意见同意本院制发检察建议。" : null,
        concluded ? at(h.on, 240) : null, at(past(addDays(h.on, -12)), 90), at(past(concluded ? h.on : addDays(h.on, -5)), 240));
      h.cases.forEach((c, k) => insHearingCase(hid, c.id, k + 1, `${c.agencyName}是否依法履行${c.subject.duty}`));
      const seats = r.sample(org.panelists, h.cases.length > 1 ? 5 : 3);
      for (const s of seats) insSeat(hid, s.id, at(past(addDays(h.on, -10)), 90), notifiedOrLater ? at(past(addDays(h.on, -6)), 90) : null, notifiedOrLater ? "本人与案件当事人无利害关系。" : null, concluded ? 1 : null);
      for (const c of h.cases) insParticipant(ids(), hid, "agency_representative", c.agencyId, c.agencyName, personName(r), r.pick(["副局长", "股长", "执法大队队长", "副镇长"]), concluded ? 1 : null);
      if (concluded) {
        for (const c of h.cases) {
          for (const s of seats) {
            const stance = r.weighted({ agree: 80, conditional: 15, disagree: 5 });
            insOpinion(ids(), hid, c.id, s.id, stance, stance === "disagree" ? "行政机关已在整改，建议先行磋商。" : `现场证据表明${c.symptom}，同意制发检察建议。`,
              stance === "conditional" ? "建议明确整改期限。" : null, s.name, at(h.on, 230), at(h.on, 230));
          }
        }
      }
      insApproval(ids(), org.id, lead.id, "hearing", `提请召开听证：${title}`, JSON.stringify({}), lead.lead, at(past(addDays(h.on, -14)), 60), "approved", r.pick(org.approvers),
        at(past(addDays(h.on, -13)), 90), null, hid, null, null);
      if (h.status === "planned") {
        // 听证规定 Art 10: participants notified at least 3 days before the hearing.
        const rule = DEADLINE_RULES.hearing_notice;
        const result = computeDeadline(rule, h.on, org.calendar);
        deadlineRows.push({
          row: [ids(), org.id, `hearing_notice:${hid}`, "hearing_notice", result.ruleId, rule.party, result.triggerOn, result.dueOn, result.periodEndOn, null, null,
            JSON.stringify(result.steps), result.basis, 0, result.calendarWarning ? JSON.stringify(result.calendarWarning.years) : null, null, hid, null, null, nowIso],
          cases: h.cases.map((c) => c.id),
        });
      }
    }
    for (const d of deadlineRows) {
      insDeadline(...d.row);
      d.cases.forEach((caseId, k) => insDeadlineCase(d.row[0], caseId, k));
    }
    for (const org of orgs) {
      for (const [year, last] of org.caseSeq) counterUpsert.run(org.id, REGISTER_COUNTER_KEY, year, last);
      for (const [year, last] of org.clueSeq) counterUpsert.run(org.id, "线索", year, last);
      for (const [year, last] of org.recSeq) counterUpsert.run(org.id, "行公建", year, last);
    }
    phase("hearings, deadlines");

    // One audit event for the whole import, appended to the hash chain (app/models/audit.server.ts).
    const last = db.prepare(`SELECT "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1`).get() as { hash: string } | undefined;
    const event = {
      procuratorateId: null,
      actorId: null,
      action: "data.bulk_import",
      entityType: "Database",
      entityId: null,
      caseId: null,
      data: JSON.stringify({ tool: "scripts/seed-scale.ts", seed, today, counts }),
      at: new Date(),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    db.prepare(
      `INSERT INTO "AuditEvent" ("procuratorateId", "actorId", "action", "entityType", "entityId", "caseId", "data", "at", "prevHash", "hash") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(null, null, event.action, event.entityType, null, null, event.data, event.at.toISOString().replace("Z", "+00:00"), prevHash, chainHash(prevHash, auditPayload(event)));
    phase("audit");
    for (const index of indexes) db.exec(index.sql);
    phase("indexes");
  };
  if (options.rowTriggers) {
    db.transaction(load)();
    phase("commit");
  } else {
    // The search index and the case counters (migration 20261201050001) are rebuilt once, set-based,
    // instead of by their per-row triggers; one transaction (app/models/search-index.server.ts).
    withDerivedTriggersSuspended(db, load);
    hashsize(FTS5_DEFAULT_HASHSIZE);
    phase("search index and counters, commit");
  }
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.pragma("optimize");
  db.close();
  phase("checkpoint");
  if (profile) log(Object.entries(tableMs).map(([k, v]) => `${k} ${Math.round(v)}`).join(", "));
  return { counts, seconds: (performance.now() - started) / 1000, phases };
}

/** FTS5's default hashsize: pending terms are flushed to a new segment beyond 1 MiB. */
const FTS5_DEFAULT_HASHSIZE = 1024 * 1024;

/** A template split at its {placeholders}: odd entries are names. */
function compile(template: string): string[] {
  return template.split(/\{(\w+)\}/);
}
function fill(parts: string[], vars: Record<string, string>): string {
  let out = "";
  for (let i = 0; i < parts.length; i++) out += i % 2 ? (vars[parts[i]!] ?? "") : parts[i]!;
  return out;
}
const EVIDENCE_COMPILED = EVIDENCE_TEMPLATES.map((t) => ({ kind: t.kind, title: compile(t.title), description: compile(t.description) }));

const APPROVAL_SUBJECT: Record<string, string> = {
  filing: "提请立案",
  not_filing: "提请不立案",
  recommendation: "提请制发检察建议",
  closure: "提请终结审查",
  suspension: "提请中止审查",
  resumption: "提请恢复审查",
  suit: "提请提起诉讼",
  extension: "提请延长审查起诉期限",
  hearing: "提请召开听证",
};

/**
 * The case's history for its state, dated backwards from today so that live clocks fall around
 * today: transitions (with the approvals the table needs, app/domain/case/lifecycle.ts), the filing
 * decision's service, the recommendation's life, a pending request.
 */
function planTimeline(p: Plan, r: Random, day: (n: number) => IsoDate, yesterday: IsoDate) {
  const t = (from: CaseState, to: CaseState, on: IsoDate, approvalKind?: string, reason?: string) => p.transitions.push({ from, to, on, approvalKind, reason });
  const cap = (d: IsoDate) => minDate(d, yesterday);
  const state = p.state;
  const newRec = (createdOn: IsoDate): RecPlan => ({
    id: `${p.id}r`,
    status: "draft",
    createdOn,
    submittedOn: null,
    approvedOn: null,
    servedOn: null,
    replyOn: null,
    replyStatus: null,
    followUpOn: null,
    conclusion: null,
    number: null,
    rejectedOn: null,
  });
  let last: IsoDate;

  if (state === "evaluation") {
    p.createdOn = day(-r.int(1, 60));
    last = p.createdOn;
    if (r.chance(0.3)) p.pending = { kind: "filing", on: cap(addDays(p.createdOn, r.int(1, 10))) };
    p.lastOn = p.pending ? maxDate(p.pending.on, last) : last;
    return;
  }
  if (state === "not_filed") {
    p.createdOn = day(-r.int(40, 2200));
    const on = addDays(p.createdOn, r.int(10, 35));
    t("evaluation", "not_filed", on, "not_filing");
    p.lastOn = on;
    p.clue = true;
    return;
  }

  // Filed from here on: the distance back from today depends on how far the case has come.
  const back: Record<string, [number, number]> = {
    filed: [1, 20],
    investigating: [10, 220],
    recommending: [40, 300],
    rectification: [130, 330],
    follow_up: [170, 600],
    suspended: [220, 600],
    pre_suit_review: [200, 700],
    litigation: [230, 900],
    closed: [350, 2500],
  };
  const [lo, hi] = back[state]!;
  const filed = day(-r.int(lo, hi));
  p.createdOn = addDays(filed, -r.int(5, 25));
  p.filedOn = filed;
  t("evaluation", "filed", filed, "filing");
  last = filed;
  if (state === "filed") {
    // 规则 Art 70: the filing decision is served within 7 days; recent ones often not yet.
    if (r.chance(filed < day(-8) ? 0.8 : 0.4)) p.filingServiceOn = cap(addDays(filed, r.int(1, 5)));
    p.lastOn = maxDate(p.filingServiceOn ?? filed, filed);
    return;
  }
  p.filingServiceOn = cap(addDays(filed, r.int(1, 6)));
  const inv = cap(addDays(filed, r.int(1, 5)));
  t("filed", "investigating", inv);
  last = inv;
  if (state === "investigating") {
    p.lastOn = maxDate(last, p.filingServiceOn);
    return;
  }
  if (state === "closed" && r.chance(0.15)) {
    // 规则 Art 74(2): the public interest was protected during the investigation.
    const on = cap(addDays(inv, r.int(20, 90)));
    t("investigating", "closed", on, "closure", "interest_protected");
    p.closedOn = on;
    p.lastOn = on;
    return;
  }

  const rec = newRec(inv);
  p.rec = rec;
  if (state === "recommending") {
    const on = cap(addDays(inv, r.int(10, 60)));
    const recOn = maxDate(on, day(-r.int(1, 30)));
    t("investigating", "recommending", cap(recOn));
    rec.createdOn = cap(recOn);
    const roll = r.next();
    if (roll < 0.45) rec.status = "draft";
    else {
      rec.status = "pending_approval";
      rec.submittedOn = cap(addDays(rec.createdOn, r.int(1, 5)));
      p.pending = { kind: "recommendation", on: rec.submittedOn };
    }
    if (rec.status === "draft" && r.chance(0.25)) rec.rejectedOn = cap(addDays(rec.createdOn, r.int(2, 6)));
    p.lastOn = maxDate(rec.submittedOn ?? rec.rejectedOn ?? rec.createdOn, p.filingServiceOn);
    return finishRec(p);
  }

  // The recommendation is approved (and normally served): rectification and beyond.
  let approved: IsoDate;
  let served: IsoDate | null;
  if (state === "rectification") {
    if (r.chance(0.12)) {
      approved = day(-r.int(1, 6));
      served = null;
    } else {
      served = day(-r.int(1, p.urgent ? 24 : 75));
      approved = addDays(served, -r.int(0, 3));
    }
  } else {
    served = addDays(inv, r.int(30, 70));
    approved = addDays(served, -r.int(0, 3));
  }
  const recommendingOn = addDays(approved, -r.int(5, 20));
  t("investigating", "recommending", maxDate(recommendingOn, inv));
  rec.createdOn = maxDate(recommendingOn, inv);
  rec.submittedOn = maxDate(addDays(approved, -r.int(1, 3)), rec.createdOn);
  rec.approvedOn = approved;
  rec.servedOn = served;
  rec.status = served ? "served" : "approved";
  t("recommending", "rectification", approved, "recommendation");
  last = served ?? approved;
  const periodDays = p.urgent ? 15 : 61;

  if (state === "rectification") {
    if (served && served < day(-12) && r.chance(0.35)) {
      rec.replyOn = cap(addDays(served, r.int(10, Math.min(periodDays, 40))));
      rec.replyStatus = "submitted";
      rec.status = "replied";
    } else if (served && r.chance(0.1)) {
      rec.replyOn = cap(addDays(served, r.int(3, 10)));
      rec.replyStatus = "draft";
    }
    p.lastOn = maxDate(rec.replyOn ?? last, last);
    return finishRec(p);
  }

  if (state === "suspended") {
    const fromFollowUp = r.chance(0.4);
    let from: CaseState = "rectification";
    let suspendOn = cap(addDays(served!, r.int(5, 50)));
    if (fromFollowUp) {
      rec.replyOn = addDays(served!, r.int(20, 55));
      rec.replyStatus = "submitted";
      rec.status = "replied";
      const fu = addDays(rec.replyOn, r.int(5, 20));
      t("rectification", "follow_up", fu);
      from = "follow_up";
      suspendOn = cap(addDays(fu, r.int(5, 60)));
    }
    t(from, "suspended", suspendOn, "suspension");
    p.suspendedOn = suspendOn;
    p.lastOn = suspendOn;
    return finishRec(p);
  }

  // follow_up and beyond: the agency replied (mostly), the prosecutor follows up (规则 Art 77).
  const replied = state === "follow_up" ? r.chance(0.85) : true;
  let fuOn: IsoDate;
  if (replied) {
    // About one reply in ten comes after its due date, where there is room before today.
    const late = served! < day(-(periodDays + 90)) && r.chance(0.1);
    rec.replyOn = late ? addDays(served!, periodDays + r.int(3, 25)) : addDays(served!, r.int(20, periodDays - 1));
    rec.replyStatus = state === "follow_up" && r.chance(0.5) ? "submitted" : "assessed";
    rec.status = "replied";
    fuOn = cap(addDays(rec.replyOn, r.int(3, 20)));
  } else {
    fuOn = cap(addDays(served!, periodDays + r.int(1, 20)));
  }
  // A few cases were suspended and resumed on the way (规则 Art 78): the reply clock stopped meanwhile.
  if (state === "follow_up" && !replied && r.chance(0.3)) {
    const s = addDays(served!, r.int(5, 30));
    const e = addDays(s, r.int(10, 40));
    if (e < fuOn) {
      t("rectification", "suspended", s, "suspension");
      t("suspended", "rectification", e, "resumption");
    }
  }
  t("rectification", "follow_up", fuOn);
  last = fuOn;
  if (state === "follow_up") {
    if (rec.replyStatus === "assessed") {
      rec.followUpOn = cap(addDays(rec.replyOn!, r.int(1, 10)));
      rec.conclusion = r.pick(["rectified", "partly_rectified"] as const);
    }
    if (r.chance(0.15)) p.pending = { kind: "closure", on: cap(addDays(fuOn, r.int(1, 20))) };
    p.lastOn = maxDate(last, p.pending?.on ?? last);
    return finishRec(p);
  }
  rec.followUpOn = fuOn;
  if (state === "closed") {
    const viaSuit = r.chance(0.1);
    if (!viaSuit) {
      rec.conclusion = "rectified";
      rec.status = "closed";
      const on = cap(addDays(fuOn, r.int(5, 40)));
      t("follow_up", "closed", on, "closure", "fully_rectified");
      p.closedOn = on;
      p.lastOn = on;
      return finishRec(p);
    }
  }
  // Not rectified: 审查起诉 (规则 Arts 47, 81), then litigation.
  rec.conclusion = "not_rectified";
  rec.status = "closed";
  const psr = cap(state === "pre_suit_review" ? maxDate(day(-r.int(1, 45)), addDays(fuOn, 1)) : addDays(fuOn, r.int(5, 30)));
  t("follow_up", "pre_suit_review", psr);
  last = psr;
  if (state === "pre_suit_review") {
    if (r.chance(0.15) && addDays(psr, 20) <= yesterday) p.extensionOn = addDays(psr, 20);
    if (r.chance(0.2)) p.pending = { kind: "suit", on: cap(addDays(psr, r.int(1, 20))) };
    p.lastOn = maxDate(p.extensionOn ?? last, p.pending?.on ?? last);
    return finishRec(p);
  }
  const lit = cap(addDays(psr, r.int(10, 30)));
  t("pre_suit_review", "litigation", lit, "suit");
  last = lit;
  if (state === "closed") {
    const on = cap(addDays(lit, r.int(30, 120)));
    t("litigation", "closed", on);
    p.closedOn = on;
    last = on;
  }
  p.lastOn = last;
  return finishRec(p);
}

/** The case's last change is its latest event. */
function finishRec(p: Plan) {
  for (const tr of p.transitions) if (tr.on > p.lastOn) p.lastOn = tr.on;
}

type HearingPlan = { on: IsoDate; status: "planned" | "notified" | "concluded" | "cancelled"; cases: Plan[]; series: Org["series"][number] | null };

function planHearings(plans: Plan[], r: Random, day: (n: number) => IsoDate, today: IsoDate, totalCases: number): HearingPlan[] {
  const out: HearingPlan[] = [];
  const heard = new Set<string>();
  const want = Math.max(3, Math.round(totalCases * 0.004));
  const eligible = plans.filter((p) => p.filedOn && p.state !== "filed");
  const bySeries = new Map<string, Plan[]>();
  for (const p of eligible) if (p.seriesId) bySeries.set(p.seriesId, [...(bySeries.get(p.seriesId) ?? []), p]);
  // Series hearings first (a public hearing of every case of the series).
  for (const [seriesId, members] of bySeries) {
    if (out.length >= want / 5) break;
    const cases = members.slice(0, 6);
    const org = cases[0]!.org;
    const series = org.series.find((s) => s.id === seriesId) ?? null;
    out.push({ on: hearingDay(cases, r, day, today, "concluded"), status: "concluded", cases, series });
    for (const c of cases) heard.add(c.id);
  }
  let guard = 0;
  while (out.length < want && guard++ < want * 20) {
    const p = r.pick(eligible);
    if (heard.has(p.id)) continue;
    const active = p.state === "investigating" || p.state === "recommending";
    const status: HearingPlan["status"] = active ? r.weighted({ planned: 60, notified: 25, cancelled: 15 }) : "concluded";
    heard.add(p.id);
    out.push({ on: hearingDay([p], r, day, today, status), status, cases: [p], series: null });
  }
  return out;
}

function hearingDay(cases: Plan[], r: Random, day: (n: number) => IsoDate, today: IsoDate, status: HearingPlan["status"]): IsoDate {
  if (status === "planned") return day(r.int(4, 40));
  if (status === "notified") return day(r.int(1, 10));
  if (status === "cancelled") return day(r.int(2, 30));
  // A concluded hearing sits between the investigation and the recommendation.
  const p = cases[0]!;
  const inv = p.transitions.find((t) => t.to === "investigating")?.on ?? p.filedOn!;
  const recOn = p.rec?.createdOn ?? p.lastOn;
  const span = Math.max(1, daysBetween(inv, recOn));
  const on = addDays(inv, Math.min(span, r.int(1, span)));
  return on < today ? on : addDays(today, -1);
}
