import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/components/case/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { DaysBadge, HearingStatusBadge, ReplyStatusBadge, TwoLine } from "~/components/portal";
import { Card, EmptyState, PageHeader, Stat } from "~/components/ui";
import { AGENCY_DUE_SOON_DAYS, agencyReplyClock, dateInShanghai } from "~/domain/deadlines";
import { createT, formatDate, formatDateTimeRange, localeFromRequest } from "~/i18n";
import { useT } from "~/i18n/react";
import {
  agencyName,
  listAgencyDocuments,
  listAgencyHearings,
  listServedRecommendations,
} from "~/models/agency-portal.server";
import { calendarFor } from "~/models/deadline.server";
import { agencyScope, requirePermission } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "nav.agency.home");

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "agency:use");
  const mine = agencyScope(scope);
  const [name, recommendations, documents, hearings, calendar] = await Promise.all([
    agencyName(mine),
    listServedRecommendations(mine),
    listAgencyDocuments(mine),
    listAgencyHearings(mine),
    calendarFor(mine.procuratorateId),
  ]);
  const today = dateInShanghai(new Date());
  // The reply period runs from the service date (两高解释 Art 21; 民诉法 Art 87: the 送达回证 date).
  const withDeadlines = recommendations.flatMap(({ replyStatuses, ...r }) => {
    const clock = agencyReplyClock(
      { replyPeriod: r.replyPeriod, servedOn: [r.servedOn], replyStatuses },
      calendar,
      today,
      AGENCY_DUE_SOON_DAYS
    );
    if (!clock) return [];
    return [{ ...r, dueOn: clock.dueOn, days: clock.days, deadlineStatus: clock.status, replied: clock.replied }];
  });
  const open = withDeadlines.filter((r) => !r.replied);
  return {
    title: createT(localeFromRequest(request))("portal.agency.meta"),
    agency: name,
    recommendations: withDeadlines,
    stats: {
      awaiting: open.length,
      dueSoon: open.filter((r) => r.deadlineStatus === "due_soon").length,
      overdue: open.filter((r) => r.deadlineStatus === "overdue").length,
    },
    documents,
    hearings,
  };
}

export default function AgencyHome() {
  const { agency, recommendations, stats, documents, hearings } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("portal.agency.title")}
        subtitle={agency ? t("portal.agency.subtitle", { agency }) : t("portal.agency.subtitleNoName")}
      />
      <div className="grid grid-3 portal-stats">
        <Stat value={stats.awaiting} label={t("portal.agency.stat.awaiting")} />
        <Stat value={stats.dueSoon} label={t("portal.agency.stat.dueSoon")} />
        <Stat value={stats.overdue} label={t("portal.agency.stat.overdue")} />
      </div>

      <Card title={t("portal.agency.recommendations")}>
        {recommendations.length ? (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th>{t("portal.agency.col.number")}</th>
                  <th>{t("portal.agency.col.case")}</th>
                  <th>{t("portal.agency.col.served")}</th>
                  <th>{t("portal.agency.col.due")}</th>
                  <th>{t("portal.agency.col.remaining")}</th>
                  <th>{t("portal.agency.col.reply")}</th>
                </tr>
              </thead>
              <tbody>
                {recommendations.map((r) => (
                  <tr key={r.id}>
                    <td data-label={t("portal.agency.col.number")} className="nowrap">
                      <Link to={`/agency/recommendations/${r.id}`}>{r.number ?? t("portal.agency.unnumbered")}</Link>
                    </td>
                    <td data-label={t("portal.agency.col.case")}>{r.caseTitle}</td>
                    <td data-label={t("portal.agency.col.served")}>
                      <TwoLine main={formatDate(r.servedOn, t.locale)} sub={t.label("serviceMethod", r.method)} />
                    </td>
                    <td data-label={t("portal.agency.col.due")}>
                      <TwoLine main={formatDate(r.dueOn, t.locale)} sub={t.label("replyPeriod", r.replyPeriod)} />
                    </td>
                    <td data-label={t("portal.agency.col.remaining")}>
                      <DaysBadge days={r.days} status={r.deadlineStatus} replied={r.replied} />
                    </td>
                    <td data-label={t("portal.agency.col.reply")}>
                      {!r.reply ? (
                        <span className="muted">{t("portal.agency.noReply")}</span>
                      ) : r.reply.submittedAt ? (
                        t("portal.agency.replySubmitted", { date: formatDate(r.reply.submittedAt, t.locale) })
                      ) : (
                        <ReplyStatusBadge status={r.reply.status} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState title={t("portal.agency.recommendationsEmpty")}>
            <p className="muted small">{t("portal.agency.recommendationsEmptyHint")}</p>
          </EmptyState>
        )}
      </Card>

      <Card title={t("portal.agency.documents")}>
        {documents.length ? (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th>{t("portal.agency.col.document")}</th>
                  <th>{t("portal.agency.col.case")}</th>
                  <th>{t("portal.agency.col.served")}</th>
                </tr>
              </thead>
              <tbody>
                {documents.map((d) => (
                  <tr key={d.key}>
                    <td data-label={t("portal.agency.col.document")}>
                      <TwoLine
                        main={t.label("documentKind", d.kind)}
                        sub={[d.number, d.title].filter(Boolean).join(" · ") || null}
                      />
                    </td>
                    <td data-label={t("portal.agency.col.case")}>{d.caseTitle ?? "—"}</td>
                    <td data-label={t("portal.agency.col.served")}>
                      {d.servedOn ? (
                        <TwoLine main={formatDate(d.servedOn, t.locale)} sub={t.label("serviceMethod", d.method)} />
                      ) : d.issuedAt ? (
                        t("portal.agency.releasedOn", { date: formatDate(d.issuedAt, t.locale) })
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState title={t("portal.agency.documentsEmpty")}>
            <p className="muted small">{t("portal.agency.documentsEmptyHint")}</p>
          </EmptyState>
        )}
      </Card>

      <Card title={t("portal.agency.hearings")}>
        {hearings.length ? (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th>{t("portal.agency.col.hearing")}</th>
                  <th>{t("portal.agency.col.time")}</th>
                  <th>{t("portal.agency.col.venue")}</th>
                  <th>{t("portal.agency.col.representatives")}</th>
                  <th>{t("portal.agency.col.status")}</th>
                </tr>
              </thead>
              <tbody>
                {hearings.map((h) => (
                  <tr key={h.id}>
                    <td data-label={t("portal.agency.col.hearing")}>{h.title}</td>
                    <td data-label={t("portal.agency.col.time")} className="nowrap">
                      {formatDateTimeRange(h.startsAt, h.endsAt, t)}
                    </td>
                    <td data-label={t("portal.agency.col.venue")}>{h.venue}</td>
                    <td data-label={t("portal.agency.col.representatives")}>
                      {h.representatives
                        .map((p) => {
                          const who = p.post ? `${p.name}（${p.post}）` : p.name;
                          return p.attended === false ? t("portal.agency.representativeAbsent", { name: who }) : who;
                        })
                        .join("、")}
                    </td>
                    <td data-label={t("portal.agency.col.status")}>
                      <HearingStatusBadge status={h.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState title={t("portal.agency.hearingsEmpty")} />
        )}
      </Card>
    </>
  );
}
