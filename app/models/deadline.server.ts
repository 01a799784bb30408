import { randomUUID } from "node:crypto";
import type {
  CalendarWarning,
  DeadlineStatus,
  DeadlineStep,
  DeadlineSuspensionInput,
} from "~/domain/deadlines/compute";
import {
  computeDeadline,
  daysRemaining,
  deadlineStatus,
  DUE_SOON_DAYS,
  SETTLE_STEP_KEYS,
  settleDueDate,
} from "~/domain/deadlines/compute";
import { agencyReplyDeadline } from "~/domain/deadlines/agency-reply";
import type { DeadlineResult } from "~/domain/deadlines/compute";
import type { CaseState } from "~/domain/case/states";
import type { DocumentKind } from "~/domain/documents/kinds";
import { createCalendar, packageHasYear, statutoryHolidayDays } from "~/domain/deadlines/calendar";
import type { IsoDate } from "~/domain/deadlines/dates";
import { addDays, dateInShanghai, yearOf } from "~/domain/deadlines/dates";
import type { DeadlineFilter, LiveDeadlineKind } from "~/domain/deadlines/live";
import { liveDeadlineKindSchema } from "~/domain/deadlines/live";
import type { DeadlineRule, DeadlineRuleId } from "~/domain/deadlines/rules";
import { DEADLINE_RULES, deadlineRuleIdSchema, ruleById } from "~/domain/deadlines/rules";
import type { Prisma, Tx } from "~/utils/db.server";
import { prisma, sql, sqlJoin } from "~/utils/db.server";
import type { ApprovalDecision } from "~/domain/approval/schemas";
import type { HearingStatus } from "~/domain/hearing/states";
import type { RecommendationStatus } from "~/domain/recommendation/states";
import { REPLIED_STATUSES } from "~/domain/recommendation/reply";

// The live deadlines of a procuratorate. They are derived from case data and STORED (Deadline,
// DeadlineCase): `refreshDeadlines` recomputes the deadlines of the cases (or hearing) whose inputs
// a write changed, in that write's transaction; reads only compare the stored due dates with
// today. Every query filters by the procuratorate.

export type DeadlineCaseRef = { id: string; number: string | null; title: string };

export type LiveDeadline = {
  /** Stable row key: kind and the record that starts the clock. */
  key: string;
  kind: LiveDeadlineKind;
  ruleId: DeadlineRuleId;
  party: DeadlineRule["party"];
  cases: DeadlineCaseRef[];
  hearing: { id: string; title: string } | null;
  recommendation: { id: string; number: string | null } | null;
  agency: string | null;
  triggerOn: IsoDate;
  dueOn: IsoDate;
  periodEndOn: IsoDate;
  daysRemaining: number;
  status: DeadlineStatus;
  basis: string;
  basisKey: string;
  steps: DeadlineStep[];
  extended: boolean;
  calendarWarning: CalendarWarning | null;
  /** Set while the case is suspended: the clock is stopped (规则 Art 78). */
  paused: { since: IsoDate; daysLeft: number } | null;
};

export type DeadlineListOptions = {
  /** "Today" as a calendar date in Asia/Shanghai; tests pass a fixed one. */
  today?: IsoDate;
  filter?: DeadlineFilter;
  /** Only the deadlines of one case (for a case page). */
  caseId?: string;
  /** Only the deadlines of cases this user leads or works on ("my work"). */
  userId?: string;
};

const CLOSED_STATES: CaseState[] = ["closed", "not_filed"];

const caseRef = { id: true, number: true, title: true } as const;

/** The holiday calendar of a procuratorate: packaged data plus its own and the global rows. */
export async function calendarFor(procuratorateId: string, db: Tx = prisma) {
  const rows = await db.holidayOverride.findMany({
    where: { OR: [{ procuratorateId }, { procuratorateId: null }] },
    select: { date: true, kind: true, name: true, procuratorateId: true },
  });
  return createCalendar(rows);
}

type Candidate = Omit<
  LiveDeadline,
  | "dueOn"
  | "periodEndOn"
  | "daysRemaining"
  | "status"
  | "basis"
  | "basisKey"
  | "steps"
  | "extended"
  | "calendarWarning"
  | "party"
  | "paused"
> & {
  rule: DeadlineRule;
  caseIdForExtensions: string | null;
  /** A due date computed by its own domain rule (the agency's reply), used as it is. */
  computed?: DeadlineResult;
};

/** Which deadlines to recompute: some cases (and the hearings that hear them), one hearing, or all. */
export type DeadlineScope = { caseIds?: string[]; hearingId?: string };

/**
 * What one computation reads: some cases (with, unless withHearings is false, the notices of the
 * planned hearings that hear them), or some hearings' notices only. Every list is a bounded batch
 * (CASE_BATCH): Prisma loads relations with `IN (parent ids)`, which breaks past SQLite's 32,766
 * parameters, so nothing computes over a whole procuratorate at once.
 */
type ComputeScope = { caseIds: string[]; withHearings?: boolean } | { hearingIds: string[] };

type Computed = Omit<LiveDeadline, "daysRemaining" | "status">;

/**
 * Derives the live deadlines of a procuratorate (or of the cases/hearing in scope) from its data:
 * - 立案决定书 service, 7 days from filing, until a filing_decision Service exists (规则 Art 70);
 * - 检察建议书 service, 3 days from approval, while approved but unserved (规则 Art 76);
 * - the agency's reply, 2 months or 15 days from service, until a reply is submitted (两高解释 Art 21);
 * - the notice of a planned hearing, 3 days before it (听证规定 Art 10);
 * - 审查起诉, 1 month from the end of the rectification period (the reply due date of the latest
 *   served recommendation; entering pre_suit_review when there is none), plus approved extensions
 *   (规则 Art 47: 自检察建议整改期满之日起计算).
 * A case's suspensions (中止) stop its clocks (规则 Art 78).
 */
async function computeDeadlines(db: Tx, procuratorateId: string, scope: ComputeScope): Promise<Computed[]> {
  const caseIds = "caseIds" in scope ? scope.caseIds : null;
  const hearingIds = "hearingIds" in scope ? scope.hearingIds : null;
  const caseFilter = { id: { in: caseIds ?? [] } };
  const want = (kind: LiveDeadlineKind) =>
    kind === "hearing_notice" ? Boolean(hearingIds) || ("withHearings" in scope ? scope.withHearings !== false : true) : !hearingIds;

  const [calendar, extensions, suspensionRows] = await Promise.all([
    calendarFor(procuratorateId, db),
    db.deadlineExtension.findMany({
      where: { case: { procuratorateId, ...caseFilter }, approval: { decision: "approved" satisfies ApprovalDecision, procuratorateId } },
      orderBy: { createdAt: "asc" },
      select: { caseId: true, deadline: true, extraDays: true, extraMonths: true, reason: true },
    }),
    db.caseTransition.findMany({
      where: { case: { procuratorateId, ...caseFilter }, OR: [{ toState: "suspended" }, { fromState: "suspended" }] },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { caseId: true, toState: true, at: true },
    }),
  ]);
  const suspensions = suspensionsByCase(suspensionRows);

  const candidates: Candidate[] = [];

  if (want("filing_decision_service")) {
    const filed = await db.case.findMany({
      where: {
        procuratorateId,
        ...caseFilter,
        filedOn: { not: null },
        state: { notIn: CLOSED_STATES },
        services: { none: { documentKind: "filing_decision" satisfies DocumentKind } },
      },
      select: { ...caseRef, filedOn: true, respondentAgency: { select: { name: true } } },
    });
    for (const c of filed) {
      candidates.push({
        key: `filing_decision_service:${c.id}`,
        kind: "filing_decision_service",
        ruleId: "filing_decision_service",
        rule: DEADLINE_RULES.filing_decision_service,
        cases: [{ id: c.id, number: c.number, title: c.title }],
        hearing: null,
        recommendation: null,
        agency: c.respondentAgency?.name ?? null,
        triggerOn: c.filedOn!,
        caseIdForExtensions: c.id,
      });
    }
  }

  if (want("recommendation_service")) {
    const approved = await db.recommendation.findMany({
      where: {
        status: "approved" satisfies RecommendationStatus,
        services: { none: {} },
        case: { procuratorateId, ...caseFilter, state: { notIn: CLOSED_STATES } },
      },
      select: {
        id: true,
        number: true,
        issuedOn: true,
        updatedAt: true,
        case: {
          select: {
            ...caseRef,
            respondentAgency: { select: { name: true } },
            approvals: {
              where: { kind: "recommendation", decision: "approved" satisfies ApprovalDecision, procuratorateId },
              orderBy: { decidedAt: "desc" },
              take: 1,
              select: { decidedAt: true },
            },
          },
        },
      },
    });
    for (const r of approved) {
      // The decision to recommend starts the 3 days: the chief's approval, else the issue date.
      const decidedAt = r.case.approvals[0]?.decidedAt;
      const triggerOn = decidedAt ? dateInShanghai(decidedAt) : r.issuedOn ?? dateInShanghai(r.updatedAt);
      candidates.push({
        key: `recommendation_service:${r.id}`,
        kind: "recommendation_service",
        ruleId: "recommendation_service",
        rule: DEADLINE_RULES.recommendation_service,
        cases: [{ id: r.case.id, number: r.case.number, title: r.case.title }],
        hearing: null,
        recommendation: { id: r.id, number: r.number },
        agency: r.case.respondentAgency?.name ?? null,
        triggerOn,
        caseIdForExtensions: r.case.id,
      });
    }
  }

  if (want("agency_reply")) {
    const served = await db.recommendation.findMany({
      where: {
        case: { procuratorateId, ...caseFilter, state: { notIn: CLOSED_STATES } },
        services: { some: {} },
        replies: { none: { status: { in: [...REPLIED_STATUSES] } } },
      },
      select: {
        id: true,
        number: true,
        replyPeriod: true,
        case: { select: { ...caseRef, respondentAgency: { select: { name: true } } } },
        // The service date on the 送达回证 starts the clock (民诉法 Art 87); the first one counts.
        services: {
          orderBy: { servedOn: "asc" },
          take: 1,
          select: { servedOn: true, agency: { select: { name: true } } },
        },
      },
    });
    for (const r of served) {
      const service = r.services[0];
      const computed = service
        ? agencyReplyDeadline(
            { replyPeriod: r.replyPeriod, servedOn: [service.servedOn], suspensions: suspensions.get(r.case.id) ?? [] },
            calendar
          )
        : null;
      if (!service || !computed) continue;
      const rule = ruleById(computed.ruleId);
      candidates.push({
        key: `agency_reply:${r.id}`,
        kind: "agency_reply",
        ruleId: rule.id,
        rule,
        cases: [{ id: r.case.id, number: r.case.number, title: r.case.title }],
        hearing: null,
        recommendation: { id: r.id, number: r.number },
        agency: service.agency?.name ?? r.case.respondentAgency?.name ?? null,
        triggerOn: computed.triggerOn,
        caseIdForExtensions: r.case.id,
        computed,
      });
    }
  }

  if (want("hearing_notice")) {
    // Hearings not yet notified (a past one drops out on reading: its trigger is before today).
    const hearings = await db.hearing.findMany({
      where: {
        procuratorateId,
        status: "planned" satisfies HearingStatus,
        ...(hearingIds ? { id: { in: hearingIds } } : { cases: { some: { caseId: { in: caseIds ?? [] } } } }),
      },
      select: {
        id: true,
        title: true,
        startsAt: true,
        cases: { orderBy: { ordinal: "asc" }, select: { case: { select: caseRef } } },
      },
    });
    for (const h of hearings) {
      candidates.push({
        key: `hearing_notice:${h.id}`,
        kind: "hearing_notice",
        ruleId: "hearing_notice",
        rule: DEADLINE_RULES.hearing_notice,
        cases: h.cases.map((hc) => hc.case),
        hearing: { id: h.id, title: h.title },
        recommendation: null,
        agency: null,
        triggerOn: dateInShanghai(h.startsAt),
        caseIdForExtensions: null,
      });
    }
  }

  if (want("pre_suit_review")) {
    const reviewing = await db.case.findMany({
      where: { procuratorateId, ...caseFilter, state: "pre_suit_review" },
      select: {
        ...caseRef,
        respondentAgency: { select: { name: true } },
        transitions: { where: { toState: "pre_suit_review" }, orderBy: { at: "desc" }, take: 1, select: { at: true } },
        updatedAt: true,
        recommendations: {
          where: { services: { some: {} } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 1,
          select: {
            replyPeriod: true,
            services: { orderBy: { servedOn: "asc" }, take: 1, select: { servedOn: true } },
            replies: { where: { status: { in: [...REPLIED_STATUSES] } }, orderBy: [{ submittedAt: "desc" }, { id: "desc" }], take: 1, select: { dueOn: true } },
          },
        },
      },
    });
    for (const c of reviewing) {
      const entered = c.transitions[0]?.at ?? c.updatedAt;
      // The rectification period's end: the due date kept on the reply, else the reply clock itself.
      const rec = c.recommendations[0];
      const periodEnd =
        rec?.replies[0]?.dueOn ??
        (rec?.services[0]
          ? agencyReplyDeadline({ replyPeriod: rec.replyPeriod, servedOn: [rec.services[0].servedOn], suspensions: suspensions.get(c.id) ?? [] }, calendar)?.dueOn
          : null) ??
        dateInShanghai(entered);
      candidates.push({
        key: `pre_suit_review:${c.id}`,
        kind: "pre_suit_review",
        ruleId: "pre_suit_review",
        rule: DEADLINE_RULES.pre_suit_review,
        cases: [{ id: c.id, number: c.number, title: c.title }],
        hearing: null,
        recommendation: null,
        agency: c.respondentAgency?.name ?? null,
        triggerOn: periodEnd,
        caseIdForExtensions: c.id,
      });
    }
  }

  return candidates.map(({ rule, caseIdForExtensions, computed, ...c }) => {
    const ext = caseIdForExtensions && !computed ? extensions.filter((e) => e.caseId === caseIdForExtensions && e.deadline === rule.id) : [];
    const susp = caseIdForExtensions ? (suspensions.get(caseIdForExtensions) ?? []) : [];
    // The agency's reply period is not extendable (两高解释 Art 21): its own rule computed it.
    return toComputed(c, rule, computed ?? computeDeadline(rule, c.triggerOn, calendar, ext, susp), ext.length > 0);
  });
}

function toComputed(
  c: Omit<Candidate, "rule" | "caseIdForExtensions" | "computed">,
  rule: DeadlineRule,
  r: DeadlineResult,
  extended: boolean
): Computed {
  return {
    ...c,
    party: rule.party,
    dueOn: r.dueOn,
    periodEndOn: r.periodEndOn,
    basis: r.basis,
    basisKey: r.basisKey,
    steps: r.steps,
    extended,
    calendarWarning: r.calendarWarning ?? null,
    paused: r.paused ?? null,
  };
}

/** Suspension intervals per case from its transition history: into `suspended`, then out of it. */
function suspensionsByCase(rows: { caseId: string; toState: string; at: Date }[]) {
  const out = new Map<string, DeadlineSuspensionInput[]>();
  for (const row of rows) {
    const list = out.get(row.caseId) ?? [];
    const day = dateInShanghai(row.at);
    if (row.toState === "suspended") list.push({ from: day, to: null });
    else {
      const open = list.findLast((s) => !s.to);
      if (open) open.to = day;
    }
    out.set(row.caseId, list);
  }
  return out;
}

/** Cases (or hearings) one computation reads; their relations go back as IN lists of this size. */
const CASE_BATCH = 500;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Recomputes and stores the deadlines in scope. Call it in the transaction of every write that
 * changes an input: a case transition, a service, a reply, an approved extension, a hearing's
 * time or status (scope: those cases or that hearing). Without a scope, every deadline of the
 * procuratorate is rebuilt, CASE_BATCH cases at a time (seed, upgrade); a holiday change
 * recomputes only the deadlines it can move (refreshDeadlinesForDates).
 */
export async function refreshDeadlines(tx: Tx, procuratorateId: string, scope: DeadlineScope = {}) {
  if (scope.hearingId) {
    const computed = await computeDeadlines(tx, procuratorateId, { hearingIds: [scope.hearingId] });
    await tx.deadline.deleteMany({
      where: { procuratorateId, OR: [{ hearingId: scope.hearingId }, { key: { in: computed.map((d) => d.key) } }] },
    });
    await insertDeadlines(tx, procuratorateId, computed);
    return computed.length;
  }
  if (scope.caseIds) {
    let n = 0;
    for (const ids of chunks([...new Set(scope.caseIds)], CASE_BATCH)) {
      const computed = await computeDeadlines(tx, procuratorateId, { caseIds: ids });
      await deleteCaseDeadlines(tx, procuratorateId, ids, computed, true);
      await insertDeadlines(tx, procuratorateId, computed);
      await storeNextDue(tx, procuratorateId, ids);
      n += computed.length;
    }
    return n;
  }
  // Everything: the open cases a batch at a time, then the planned hearings' notices.
  await tx.deadline.deleteMany({ where: { procuratorateId } });
  let n = 0;
  for (let after = ""; ; ) {
    const ids = (
      await tx.case.findMany({
        where: { procuratorateId, state: { notIn: CLOSED_STATES }, id: { gt: after } },
        orderBy: { id: "asc" },
        take: CASE_BATCH,
        select: { id: true },
      })
    ).map((c) => c.id);
    if (!ids.length) break;
    after = ids.at(-1)!;
    const computed = await computeDeadlines(tx, procuratorateId, { caseIds: ids, withHearings: false });
    await insertDeadlines(tx, procuratorateId, computed);
    n += computed.length;
  }
  for (let after = ""; ; ) {
    const ids = (
      await tx.hearing.findMany({
        where: { procuratorateId, status: "planned" satisfies HearingStatus, id: { gt: after } },
        orderBy: { id: "asc" },
        take: CASE_BATCH,
        select: { id: true },
      })
    ).map((h) => h.id);
    if (!ids.length) break;
    after = ids.at(-1)!;
    const computed = await computeDeadlines(tx, procuratorateId, { hearingIds: ids });
    await insertDeadlines(tx, procuratorateId, computed);
    n += computed.length;
  }
  await storeNextDue(tx, procuratorateId);
  return n;
}

/**
 * Recomputes, in the caller's transaction, only the stored deadlines that a change of the holiday
 * calendar on `dates` can move. The calendar enters a deadline in two places only (settleDueDate in
 * app/domain/deadlines/compute.ts):
 * - moving a period's last day off a rest day (民诉法 Art 85): the changed date lies between
 *   periodEndOn and dueOn, both included (the walk is at most 60 days, which bounds the index range);
 * - the warning for a year without holiday data: for a year the package lacks, every deadline
 *   whose dates touch that year.
 * Those rows are settled again from their stored period end (no case data is read) and written
 * back WRITE_BATCH at a time with one UPDATE … FROM json_each each; the cases whose rows changed
 * get their nextDueOn again. The result equals a full refresh (tests/integration/deadline-board.test.ts).
 */
export async function refreshDeadlinesForDates(tx: Tx, procuratorateId: string, dates: readonly IsoDate[]) {
  const days = [...new Set(dates)].sort();
  if (!days.length) return { checked: 0, changed: 0 };
  const lo = addDays(days[0]!, -60);
  const hi = addDays(days.at(-1)!, 60);
  const within = days.map((day) => sql`${day} BETWEEN MIN(d."periodEndOn", d."dueOn") AND MAX(d."periodEndOn", d."dueOn")`);
  const moved = sql`d."dueOn" BETWEEN ${lo} AND ${hi} AND (${sqlJoin(within, " OR ")})`;
  const warned = [...new Set(days.map(yearOf))]
    .filter((y) => !packageHasYear(y))
    .map((y) => sql`(MIN(d."triggerOn", d."dueOn") <= ${`${y}-12-31`} AND MAX(d."triggerOn", d."dueOn", d."periodEndOn") >= ${`${y}-01-01`})`);
  const rows = await tx.$queryRaw<
    { id: string; ruleId: string; triggerOn: string; periodEndOn: string; dueOn: string; steps: string; missingYears: string | null }[]
  >`
    SELECT d."id", d."ruleId", d."triggerOn", d."periodEndOn", d."dueOn", d."steps", d."missingYears"
    FROM "Deadline" d
    WHERE d."procuratorateId" = ${procuratorateId} AND (${warned.length ? sqlJoin([sql`(${moved})`, ...warned], " OR ") : moved})`;
  const calendar = await calendarFor(procuratorateId, tx);
  const changed = rows.flatMap((row) => {
    const settled = settleDueDate(ruleById(deadlineRuleIdSchema.parse(row.ruleId)), row.triggerOn, row.periodEndOn, calendar);
    const head = (JSON.parse(row.steps) as DeadlineStep[]).filter((step) => !SETTLE_STEP_KEYS.has(step.key));
    const steps = JSON.stringify([...head, ...settled.steps]);
    const missingYears = settled.calendarWarning ? JSON.stringify(settled.calendarWarning.years) : null;
    if (settled.dueOn === row.dueOn && steps === row.steps && missingYears === row.missingYears) return [];
    return [{ id: row.id, dueOn: settled.dueOn, steps, missingYears }];
  });
  const computedAt = sqliteInstant(new Date());
  for (const batch of chunks(changed, WRITE_BATCH)) {
    // One JSON object keyed by id: the rows to change are found by primary key (`+` keeps SQLite
    // from walking the procuratorate's index instead), their values read with json_extract.
    const byId = JSON.stringify(Object.fromEntries(batch.map(({ id, ...values }) => [id, values])));
    await tx.$executeRaw`
      UPDATE "Deadline" SET
        "dueOn" = json_extract(${byId}, '$."' || "id" || '".dueOn'),
        "steps" = json_extract(${byId}, '$."' || "id" || '".steps'),
        "missingYears" = json_extract(${byId}, '$."' || "id" || '".missingYears'),
        "computedAt" = ${computedAt}
      WHERE "id" IN (SELECT j.key FROM json_each(${byId}) j) AND +"procuratorateId" = ${procuratorateId}`;
    const cases = await tx.$queryRaw<{ caseId: string }[]>`
      SELECT dc."caseId" FROM json_each(${byId}) j CROSS JOIN "DeadlineCase" dc ON dc."deadlineId" = j.key
      GROUP BY dc."caseId"`;
    await storeNextDue(
      tx,
      procuratorateId,
      cases.map((c) => c.caseId)
    );
  }
  return { checked: rows.length, changed: changed.length };
}

/**
 * Deletes the stored deadlines of some cases (those about to be written again), and any row with a
 * key being written. The lists go in as one JSON parameter each: Prisma's `deleteMany` with a
 * relation filter binds every matching id and hits the driver's parameter limit at scale.
 */
async function deleteCaseDeadlines(tx: Tx, procuratorateId: string, caseIds: string[], computed: Computed[], withHearings: boolean) {
  // Two statements, each on its own index (primary key through DeadlineCase; procuratorateId+key):
  // in one, the OR made SQLite walk every deadline of the procuratorate. `+` keeps the filters
  // from choosing an index.
  const kind = withHearings ? sql`` : sql` AND +"kind" <> 'hearing_notice'`;
  await tx.$executeRaw`
    DELETE FROM "Deadline" WHERE "id" IN (
      SELECT dc."deadlineId" FROM json_each(${JSON.stringify(caseIds)}) j CROSS JOIN "DeadlineCase" dc ON dc."caseId" = j.value
    ) AND +"procuratorateId" = ${procuratorateId}${kind}`;
  await tx.$executeRaw`
    DELETE FROM "Deadline" WHERE "procuratorateId" = ${procuratorateId}
      AND "key" IN (SELECT j.value FROM json_each(${JSON.stringify(computed.map((d) => d.key))}) j)`;
}

/** Rows a statement inserts at once: one JSON parameter each, far below SQLite's limits. */
const WRITE_BATCH = 500;

/** Prisma's text form of a DateTime in SQLite, so that raw inserts read back like its own. */
function sqliteInstant(at: Date) {
  return at.toISOString().replace("Z", "+00:00");
}

/**
 * Inserts computed deadlines and their case links in batches: one INSERT … SELECT FROM json_each
 * per batch and table, instead of one Prisma create per deadline (100,000 cases: seconds, not minutes).
 */
async function insertDeadlines(tx: Tx, procuratorateId: string, computed: readonly Computed[]) {
  const computedAt = sqliteInstant(new Date());
  for (let i = 0; i < computed.length; i += WRITE_BATCH) {
    const batch = computed.slice(i, i + WRITE_BATCH).map((d) => ({ id: `dl${randomUUID().replaceAll("-", "")}`, d }));
    const rows = batch.map(({ id, d }) => ({
      id,
      key: d.key,
      kind: d.kind,
      ruleId: d.ruleId,
      party: d.party,
      triggerOn: d.triggerOn,
      dueOn: d.dueOn,
      periodEndOn: d.periodEndOn,
      pausedSince: d.paused?.since ?? null,
      pausedDaysLeft: d.paused?.daysLeft ?? null,
      steps: JSON.stringify(d.steps),
      basis: d.basis,
      extended: d.extended ? 1 : 0,
      missingYears: d.calendarWarning ? JSON.stringify(d.calendarWarning.years) : null,
      agencyName: d.agency,
      hearingId: d.hearing?.id ?? null,
      recommendationId: d.recommendation?.id ?? null,
    }));
    await tx.$executeRaw`
      INSERT INTO "Deadline" ("id", "procuratorateId", "key", "kind", "ruleId", "party", "triggerOn", "dueOn",
        "periodEndOn", "pausedSince", "pausedDaysLeft", "steps", "basis", "extended", "missingYears", "agencyName",
        "hearingId", "recommendationId", "computedAt")
      SELECT j.value ->> 'id', ${procuratorateId}, j.value ->> 'key', j.value ->> 'kind', j.value ->> 'ruleId',
        j.value ->> 'party', j.value ->> 'triggerOn', j.value ->> 'dueOn', j.value ->> 'periodEndOn',
        j.value ->> 'pausedSince', j.value ->> 'pausedDaysLeft', j.value ->> 'steps', j.value ->> 'basis',
        j.value ->> 'extended', j.value ->> 'missingYears', j.value ->> 'agencyName', j.value ->> 'hearingId',
        j.value ->> 'recommendationId', ${computedAt}
      FROM json_each(${JSON.stringify(rows)}) j`;
    const links = batch.flatMap(({ id, d }) => d.cases.map((c, ordinal) => ({ d: id, c: c.id, o: ordinal })));
    if (links.length)
      await tx.$executeRaw`
        INSERT INTO "DeadlineCase" ("deadlineId", "caseId", "ordinal")
        SELECT j.value ->> 'd', j.value ->> 'c', j.value ->> 'o' FROM json_each(${JSON.stringify(links)}) j`;
  }
}

/**
 * Case.nextDueOn: the earliest due date of the case's own running clocks (a paused one and a
 * hearing's notice do not count). Raw SQL so that Case.updatedAt (最近更新) does not move: this is
 * derived data, not a change of the case.
 */
async function storeNextDue(tx: Tx, procuratorateId: string, caseIds?: string[]) {
  const only = caseIds
    ? caseIds.length
      ? sql` AND "id" IN (SELECT j.value FROM json_each(${JSON.stringify(caseIds)}) j)`
      : null
    : sql``;
  if (!only) return;
  await tx.$executeRaw`
    UPDATE "Case" SET "nextDueOn" = (
      SELECT MIN(d."dueOn") FROM "Deadline" d JOIN "DeadlineCase" dc ON dc."deadlineId" = d."id"
      WHERE dc."caseId" = "Case"."id" AND d."pausedSince" IS NULL AND d."kind" <> 'hearing_notice'
    )
    WHERE "procuratorateId" = ${procuratorateId}${only}`;
}

/** Recomputes the stored deadlines of one case (and the hearings that hear it). */
export function refreshCaseDeadlines(tx: Tx, procuratorateId: string, caseId: string) {
  return refreshDeadlines(tx, procuratorateId, { caseIds: [caseId] });
}

/** Recomputes every stored deadline of every procuratorate (seed, upgrade, holiday data change). */
export async function refreshAllDeadlines(db: typeof prisma = prisma) {
  const procuratorates = await db.procuratorate.findMany({ select: { id: true } });
  let n = 0;
  for (const p of procuratorates) n += await db.$transaction((tx) => refreshDeadlines(tx, p.id), { timeout: 120_000 });
  return n;
}

export const storedSelect = {
  key: true,
  kind: true,
  ruleId: true,
  party: true,
  triggerOn: true,
  dueOn: true,
  periodEndOn: true,
  pausedSince: true,
  pausedDaysLeft: true,
  steps: true,
  basis: true,
  extended: true,
  missingYears: true,
  agencyName: true,
  hearing: { select: { id: true, title: true } },
  recommendation: { select: { id: true, number: true } },
  cases: { orderBy: { ordinal: "asc" }, select: { case: { select: caseRef } } },
} satisfies Prisma.DeadlineSelect;

export function toLive(row: Prisma.DeadlineGetPayload<{ select: typeof storedSelect }>, today: IsoDate): LiveDeadline {
  const ruleId = deadlineRuleIdSchema.parse(row.ruleId);
  const missing = row.missingYears ? (JSON.parse(row.missingYears) as number[]) : [];
  const paused = row.pausedSince ? { since: row.pausedSince, daysLeft: row.pausedDaysLeft ?? 0 } : null;
  const left = daysRemaining(row.dueOn, today);
  return {
    key: row.key,
    kind: liveDeadlineKindSchema.parse(row.kind),
    ruleId,
    party: row.party === "agency" ? "agency" : "procuratorate",
    cases: row.cases.map((c) => c.case),
    hearing: row.hearing,
    recommendation: row.recommendation,
    agency: row.agencyName,
    triggerOn: row.triggerOn,
    dueOn: row.dueOn,
    periodEndOn: row.periodEndOn,
    daysRemaining: paused ? paused.daysLeft : left,
    status: paused ? "paused" : deadlineStatus(row.dueOn, today),
    basis: row.basis,
    basisKey: `deadlines.basis.${ruleId}`,
    steps: JSON.parse(row.steps) as DeadlineStep[],
    extended: row.extended,
    calendarWarning: missing.length
      ? { key: "deadlines.calendar.missingYears", vars: { years: missing.join("、") }, years: missing }
      : null,
    paused,
  };
}

type CaseResolvedOptions = DeadlineListOptions & { caseDeadlineIds?: string[] };

/** A case's deadline ids, from its links (DeadlineCase by caseId): a handful of rows. */
async function resolveCase(options: DeadlineListOptions): Promise<CaseResolvedOptions> {
  if (!options.caseId || "caseDeadlineIds" in options) return options;
  const links = await prisma.deadlineCase.findMany({ where: { caseId: options.caseId }, select: { deadlineId: true } });
  return { ...options, caseDeadlineIds: links.map((l) => l.deadlineId) };
}

/** Where clause for "live today": a hearing's notice drops out once the hearing day has passed. */
function liveWhere(procuratorateId: string, today: IsoDate, options: CaseResolvedOptions): Prisma.DeadlineWhereInput {
  const soon = addDays(today, DUE_SOON_DAYS);
  const status = options.filter?.status ?? "all";
  return {
    procuratorateId,
    NOT: { kind: "hearing_notice", triggerOn: { lt: today } },
    ...(options.filter?.kind ? { kind: options.filter.kind } : {}),
    // One case's rows by primary key: "cases: { some }" would walk the procuratorate's deadlines.
    ...(options.caseDeadlineIds ? { id: { in: options.caseDeadlineIds } } : {}),
    ...(options.userId
      ? {
          cases: {
            some: {
              case: { OR: [{ leadProsecutorId: options.userId }, { members: { some: { userId: options.userId } } }] },
            },
          },
        }
      : {}),
    ...(status === "overdue" ? { pausedSince: null, dueOn: { lt: today } } : {}),
    ...(status === "due_soon" ? { pausedSince: null, dueOn: { gte: today, lte: soon } } : {}),
  };
}

/**
 * Counts of live deadlines (of the kind filtered, whatever the status filter): all, overdue and due
 * within three days (paused ones are neither).
 */
export async function countDeadlines(procuratorateId: string, listOptions: DeadlineListOptions = {}) {
  const today = listOptions.today ?? dateInShanghai();
  const options = await resolveCase(listOptions);
  const kind = options.filter?.kind;
  const where = (status: DeadlineFilter["status"]) =>
    liveWhere(procuratorateId, today, { ...options, filter: { kind, status } });
  const [total, overdue, dueSoon] = await Promise.all([
    prisma.deadline.count({ where: where("all") }),
    prisma.deadline.count({ where: where("overdue") }),
    prisma.deadline.count({ where: where("due_soon") }),
  ]);
  return { total, overdue, dueSoon };
}

/**
 * The stored live deadlines, soonest first, with the calendar notices of the years they touch.
 * Unbounded: for one case's page (caseId). The board pages (app/models/deadline-board.server.ts).
 */
export async function listDeadlines(procuratorateId: string, listOptions: DeadlineListOptions = {}) {
  const today = listOptions.today ?? dateInShanghai();
  const options = await resolveCase(listOptions);
  const [rows, counts] = await Promise.all([
    prisma.deadline.findMany({
      where: liveWhere(procuratorateId, today, options),
      orderBy: [{ dueOn: "asc" }, { key: "asc" }],
      select: storedSelect,
    }),
    countDeadlines(procuratorateId, { ...options, today }),
  ]);
  const items = rows.map((row) => toLive(row, today));
  return { today, items, counts, ...(await calendarNotices(procuratorateId, today, items)) };
}

/**
 * Holiday-data notices for a list of deadlines: years a shown deadline touches, this year and the
 * next without data (deadlines will soon run into them), and years entered only in part.
 */
export async function calendarNotices(procuratorateId: string, today: IsoDate, items: readonly LiveDeadline[]) {
  const calendar = await calendarFor(procuratorateId);
  const thisYear = Number(today.slice(0, 4));
  const missingYears = [
    ...new Set([...items.flatMap((d) => d.calendarWarning?.years ?? []), ...calendar.missingYears(thisYear, thisYear + 1)]),
  ].sort((a, b) => a - b);
  const incompleteYears = calendar
    .incompleteYears(thisYear, thisYear + 1)
    .map((year) => ({ year, entered: calendar.overrideHolidayCount(year), statutory: statutoryHolidayDays(year) }));
  return { missingYears, incompleteYears };
}
