import { replyProgress } from "~/domain/case/presentation";
import { ACTIVE_STATES } from "~/domain/case/states";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import type { ReplyStatus } from "~/domain/recommendation/reply";

// Read side of 系列案 (规则 Art 69; 指引 Art 4(5)): several cases, each against its own agency,
// handled together and often heard in one hearing. Every function takes the procuratorate first.

/** All series with their cases counted per state and their hearings counted, in two queries. */
export async function listSeries(procuratorateId: string) {
  const [series, counts] = await Promise.all([
    prisma.caseSeries.findMany({
      where: { procuratorateId },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        summary: true,
        createdAt: true,
        updatedAt: true,
        _count: { select: { hearings: { where: { procuratorateId } } } },
      },
    }),
    prisma.case.groupBy({
      by: ["seriesId", "state"],
      where: { procuratorateId, seriesId: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const perSeries = new Map<string, Record<string, number>>();
  for (const row of counts) {
    if (!row.seriesId) continue;
    const states = perSeries.get(row.seriesId) ?? {};
    states[row.state] = (states[row.state] ?? 0) + row._count._all;
    perSeries.set(row.seriesId, states);
  }
  return series.map((s) => {
    const byState = perSeries.get(s.id) ?? {};
    const total = Object.values(byState).reduce((a, b) => a + b, 0);
    const active = Object.entries(byState)
      .filter(([state]) => (ACTIVE_STATES as readonly string[]).includes(state))
      .reduce((a, [, n]) => a + n, 0);
    return {
      id: s.id,
      name: s.name,
      summary: s.summary,
      updatedAt: s.updatedAt,
      hearings: s._count.hearings,
      cases: total,
      active,
      byState,
    };
  });
}

/**
 * One series: its cases (state, agency, the latest recommendation's number and where its reply
 * stands) and its hearings, in one query.
 */
export async function getSeries(procuratorateId: string, seriesId: string) {
  const series = await prisma.caseSeries.findFirst({
    where: { id: seriesId, procuratorateId },
    select: {
      id: true,
      name: true,
      summary: true,
      createdAt: true,
      updatedAt: true,
      cases: {
        where: { procuratorateId },
        orderBy: [{ number: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          number: true,
          title: true,
          state: true,
          urgent: true,
          filedOn: true,
          respondentUnknown: true,
          respondentAgency: { select: { id: true, name: true } },
          leadProsecutor: { select: { displayName: true } },
          recommendations: {
            orderBy: [{ createdAt: "desc" }, { id: "asc" }],
            take: 1,
            select: {
              number: true,
              status: true,
              issuedOn: true,
              replyPeriod: true,
              services: { orderBy: { servedOn: "desc" }, take: 1, select: { servedOn: true } },
              replies: { where: { status: { not: "draft" satisfies ReplyStatus } }, select: { status: true, submittedAt: true } },
            },
          },
        },
      },
      hearings: {
        where: { procuratorateId },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          title: true,
          startsAt: true,
          endsAt: true,
          venue: true,
          status: true,
          isPublic: true,
          _count: { select: { cases: true, panelists: true } },
        },
      },
    },
  });
  if (!series) notFound();

  const cases = series.cases.map(({ recommendations, ...c }) => {
    const rec = recommendations[0] ?? null;
    const servedOn = rec?.services[0]?.servedOn ?? null;
    const lastReply = rec?.replies.reduce<Date | null>(
      (latest, r) => (r.submittedAt && (!latest || r.submittedAt > latest) ? r.submittedAt : latest),
      null,
    );
    return {
      ...c,
      recommendation: rec
        ? { number: rec.number, status: rec.status, issuedOn: rec.issuedOn, replyPeriod: rec.replyPeriod, servedOn }
        : null,
      reply: replyProgress(rec ? { status: rec.status, servedOn, replyStatuses: rec.replies.map((r) => r.status) } : null),
      lastReplyAt: lastReply ?? null,
    };
  });
  const byState: Record<string, number> = {};
  for (const c of cases) byState[c.state] = (byState[c.state] ?? 0) + 1;
  return { ...series, cases, byState };
}

export type SeriesDetail = Awaited<ReturnType<typeof getSeries>>;
