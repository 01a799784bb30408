import { agencyReplyDeadline } from "~/domain/deadlines/agency-reply";
import type {
  CalendarWarning,
  DeadlineExtensionInput,
  DeadlineResult,
  DeadlineStatus,
  DeadlineStep,
} from "~/domain/deadlines/compute";
import { computeDeadline, daysRemaining, deadlineStatus } from "~/domain/deadlines/compute";
import { createCalendar, statutoryHolidayDays } from "~/domain/deadlines/calendar";
import type { IsoDate } from "~/domain/deadlines/dates";
import { dateInShanghai } from "~/domain/deadlines/dates";
import type { DeadlineFilter, LiveDeadlineKind } from "~/domain/deadlines/live";
import type { DeadlineRule, DeadlineRuleId } from "~/domain/deadlines/rules";
import { DEADLINE_RULES, ruleById } from "~/domain/deadlines/rules";
import type { ApprovalDecision } from "~/domain/approval/schemas";
import type { CaseState } from "~/domain/case/states";
import type { DocumentKind } from "~/domain/documents/kinds";
import type { HearingStatus } from "~/domain/hearing/states";
import { REPLIED_STATUSES } from "~/domain/recommendation/reply";
import type { RecommendationStatus } from "~/domain/recommendation/states";
import { prisma } from "~/utils/db.server";

// The live deadlines of a procuratorate, derived from its case data on every read (nothing is
// stored but the approved extensions). Every query filters by the procuratorate.

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
};

export type DeadlineListOptions = {
  /** "Today" as a calendar date in Asia/Shanghai; tests pass a fixed one. */
  today?: IsoDate;
  filter?: DeadlineFilter;
  /** Only the deadlines of one case (for a case page). */
  caseId?: string;
};

const CLOSED_STATES: CaseState[] = ["closed", "not_filed"];

const caseRef = { id: true, number: true, title: true } as const;

/** The holiday calendar of a procuratorate: packaged data plus its own and the global rows. */
export async function calendarFor(procuratorateId: string) {
  const rows = await prisma.holidayOverride.findMany({
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
> & {
  rule: DeadlineRule;
  caseIdForExtensions: string | null;
  /** A due date computed by its own domain rule (the agency's reply), used as it is. */
  computed?: DeadlineResult;
};

/**
 * Collects the live deadlines of a procuratorate:
 * - 立案决定书 service, 7 days from filing, until a filing_decision Service exists (规则 Art 70);
 * - 检察建议书 service, 3 days from approval, while approved but unserved (规则 Art 76);
 * - the agency's reply, 2 months or 15 days from service, until a reply is submitted (两高解释 Art 21);
 * - the notice of a planned hearing, 3 days before it (听证规定 Art 10);
 * - 审查起诉, 1 month from entering pre_suit_review, plus approved extensions (规则 Art 47).
 */
export async function listDeadlines(procuratorateId: string, options: DeadlineListOptions = {}) {
  const today = options.today ?? dateInShanghai();
  const caseFilter = options.caseId ? { id: options.caseId } : {};
  const wanted = options.filter?.kind;
  const want = (kind: LiveDeadlineKind) => !wanted || wanted === kind;

  const [calendar, extensions] = await Promise.all([
    calendarFor(procuratorateId),
    prisma.deadlineExtension.findMany({
      where: { case: { procuratorateId, ...caseFilter }, approval: { decision: "approved" satisfies ApprovalDecision, procuratorateId } },
      orderBy: { createdAt: "asc" },
      select: { caseId: true, deadline: true, extraDays: true, extraMonths: true, reason: true },
    }),
  ]);

  const candidates: Candidate[] = [];

  if (want("filing_decision_service")) {
    const filed = await prisma.case.findMany({
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
    const approved = await prisma.recommendation.findMany({
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
    const served = await prisma.recommendation.findMany({
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
      const computed = service ? agencyReplyDeadline({ replyPeriod: r.replyPeriod, servedOn: [service.servedOn] }, calendar) : null;
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
    // Hearings not yet notified whose day is today or later (a date in Asia/Shanghai).
    const from = new Date(`${today}T00:00:00+08:00`);
    const hearings = await prisma.hearing.findMany({
      where: {
        procuratorateId,
        status: "planned" satisfies HearingStatus,
        startsAt: { gte: from },
        ...(options.caseId ? { cases: { some: { caseId: options.caseId } } } : {}),
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
    const reviewing = await prisma.case.findMany({
      where: { procuratorateId, ...caseFilter, state: "pre_suit_review" },
      select: {
        ...caseRef,
        respondentAgency: { select: { name: true } },
        transitions: { where: { toState: "pre_suit_review" }, orderBy: { at: "desc" }, take: 1, select: { at: true } },
        updatedAt: true,
      },
    });
    for (const c of reviewing) {
      const entered = c.transitions[0]?.at ?? c.updatedAt;
      candidates.push({
        key: `pre_suit_review:${c.id}`,
        kind: "pre_suit_review",
        ruleId: "pre_suit_review",
        rule: DEADLINE_RULES.pre_suit_review,
        cases: [{ id: c.id, number: c.number, title: c.title }],
        hearing: null,
        recommendation: null,
        agency: c.respondentAgency?.name ?? null,
        triggerOn: dateInShanghai(entered),
        caseIdForExtensions: c.id,
      });
    }
  }

  const all: LiveDeadline[] = candidates.map(({ rule, caseIdForExtensions, computed, ...c }) => {
    const ext: DeadlineExtensionInput[] =
      caseIdForExtensions && !computed
        ? extensions.filter((e) => e.caseId === caseIdForExtensions && e.deadline === rule.id)
        : [];
    // The agency's reply period is not extendable (两高解释 Art 21): its own rule computed it.
    const r = computed ?? computeDeadline(rule, c.triggerOn, calendar, ext);
    const left = daysRemaining(r.dueOn, today);
    return {
      ...c,
      party: rule.party,
      dueOn: r.dueOn,
      periodEndOn: r.periodEndOn,
      daysRemaining: left,
      status: deadlineStatus(r.dueOn, today),
      basis: r.basis,
      basisKey: r.basisKey,
      steps: r.steps,
      extended: ext.length > 0,
      calendarWarning: r.calendarWarning ?? null,
    };
  });

  const status = options.filter?.status ?? "all";
  const items = all
    .filter((d) => status === "all" || d.status === status)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.key < b.key ? -1 : 1));

  // Years a shown deadline touches, and this year and the next (deadlines will soon run into it).
  const thisYear = Number(today.slice(0, 4));
  const missingYears = [
    ...new Set([
      ...all.flatMap((d) => d.calendarWarning?.years ?? []),
      ...calendar.missingYears(thisYear, thisYear + 1),
    ]),
  ].sort((a, b) => a - b);
  const incompleteYears = calendar
    .incompleteYears(thisYear, thisYear + 1)
    .map((year) => ({ year, entered: calendar.overrideHolidayCount(year), statutory: statutoryHolidayDays(year) }));
  return {
    today,
    items,
    missingYears,
    incompleteYears,
    counts: {
      total: all.length,
      overdue: all.filter((d) => d.status === "overdue").length,
      dueSoon: all.filter((d) => d.status === "due_soon").length,
    },
  };
}
