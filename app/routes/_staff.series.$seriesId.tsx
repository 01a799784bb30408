import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { AgencyName } from "~/components/case/agency-name";
import { CaseStateBadge, UrgentBadge } from "~/components/case/case-state-badge";
import { pageTitle } from "~/components/case/meta";
import { SeriesStateCounts } from "~/components/case/series-state-counts";
import { HearingFormBadge, HearingStatusBadge } from "~/components/hearing/hearing-badges";
import { ReplyProgressBadge } from "~/components/recommendation/badges";
import { Card, PageHeader, Stat } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import { formatDate, formatDateTimeRange } from "~/i18n";
import { useT } from "~/i18n/react";
import { getSeries } from "~/models/series.server";
import { seriesRates } from "~/models/rates.server";
import { RatesTable } from "~/components/recommendation/rates-table";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "cases.series.title", undefined, data?.series.name ?? null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "series:read");
  const procuratorateId = staffScope(scope);
  if (!params.seriesId) notFound();
  const series = await getSeries(procuratorateId, params.seriesId);
  return { series, rates: await seriesRates(procuratorateId, series.id), mayHold: can(actor, "hearing:manage") };
}

export default function SeriesPage() {
  const { series, rates, mayHold } = useLoaderData<typeof loader>();
  const t = useT();
  const served = series.cases.filter((c) => c.recommendation?.servedOn).length;
  const replied = series.cases.filter((c) => c.reply === "replied" || c.reply === "assessed" || c.reply === "closed").length;

  return (
    <div className="case-page">
      <PageHeader
        crumbs={[{ to: "/series", label: t("nav.series") }]}
        title={series.name}
        subtitle={<SeriesStateCounts byState={series.byState} />}
        actions={
          mayHold ? (
            <Link to={`/hearings/new?seriesId=${series.id}`} className="button">
              {t("hearingSetup.new.fromSeries")}
            </Link>
          ) : null
        }
      />

      {series.summary ? (
        <Card title={t("cases.series.summary")}>
          <p className="prewrap">{series.summary}</p>
        </Card>
      ) : null}

      <div className="grid grid-4 case-stats">
        <Stat value={series.cases.length} label={t("cases.series.cases")} to={`/cases?series=${series.id}`} />
        <Stat value={served} label={t("cases.series.served")} />
        <Stat value={replied} label={t("cases.series.replied")} />
        <Stat value={series.hearings.length} label={t("cases.series.hearings")} />
      </div>

      <Card title={t("cases.series.casesTitle")}>
        {series.cases.length === 0 ? (
          <p className="muted">{t("cases.series.noCases")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th scope="col">{t("cases.col.number")}</th>
                  <th scope="col">{t("cases.col.agency")}</th>
                  <th scope="col">{t("cases.col.state")}</th>
                  <th scope="col">{t("cases.series.recommendation")}</th>
                  <th scope="col">{t("cases.series.reply")}</th>
                  <th scope="col">{t("cases.col.lead")}</th>
                </tr>
              </thead>
              <tbody>
                {series.cases.map((c) => (
                  <tr key={c.id}>
                    <td data-label={t("cases.col.number")}>
                      <span>
                        <Link to={`/cases/${c.id}`} className="mono">
                          {c.number ?? t("cases.noNumber")}
                        </Link>
                        {c.urgent ? (
                          <>
                            {" "}
                            <UrgentBadge />
                          </>
                        ) : null}
                        <span className="muted small case-table__sub">{c.title}</span>
                      </span>
                    </td>
                    <td data-label={t("cases.col.agency")}>
                      <AgencyName agency={c.respondentAgency} unknown={c.respondentUnknown} />
                    </td>
                    <td data-label={t("cases.col.state")}>
                      <CaseStateBadge state={c.state} />
                    </td>
                    <td data-label={t("cases.series.recommendation")}>
                      {c.recommendation ? (
                        <span>
                          <span className="mono">{c.recommendation.number ?? t("cases.recommendations.noNumber")}</span>
                          <span className="muted small case-table__sub">
                            {c.recommendation.servedOn
                              ? t("cases.series.servedOn", { date: formatDate(c.recommendation.servedOn, t.locale) })
                              : t.label("recommendationStatus", c.recommendation.status)}
                          </span>
                        </span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td data-label={t("cases.series.reply")}>
                      <span>
                        <ReplyProgressBadge progress={c.reply} />
                        {c.lastReplyAt ? (
                          <span className="muted small case-table__sub">{formatDate(c.lastReplyAt, t.locale)}</span>
                        ) : null}
                      </span>
                    </td>
                    <td data-label={t("cases.col.lead")} className="nowrap">
                      {c.leadProsecutor.displayName}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title={t("agencyAssess.rates.title")}>
        <RatesTable rates={rates} />
      </Card>

      <Card title={t("cases.series.hearingsTitle")}>
        {series.hearings.length === 0 ? (
          <p className="muted">{t("cases.series.noHearings")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th scope="col">{t("cases.hearings.title")}</th>
                  <th scope="col">{t("cases.hearings.when")}</th>
                  <th scope="col">{t("cases.hearings.venue")}</th>
                  <th scope="col">{t("common.status")}</th>
                  <th scope="col" className="num">
                    {t("cases.series.hearingCases")}
                  </th>
                  <th scope="col" className="num">
                    {t("cases.series.panelists")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {series.hearings.map((h) => (
                  <tr key={h.id}>
                    <td data-label={t("cases.hearings.title")}>
                      <span>
                        <Link to={`/hearings/${h.id}`}>{h.title}</Link>{" "}
                        <HearingFormBadge isPublic={h.isPublic} />
                      </span>
                    </td>
                    <td data-label={t("cases.hearings.when")} className="nowrap">
                      {formatDateTimeRange(h.startsAt, h.endsAt, t)}
                    </td>
                    <td data-label={t("cases.hearings.venue")}>{h.venue}</td>
                    <td data-label={t("common.status")}>
                      <HearingStatusBadge status={h.status} />
                    </td>
                    <td data-label={t("cases.series.hearingCases")} className="num">
                      {h._count.cases}
                    </td>
                    <td data-label={t("cases.series.panelists")} className="num">
                      {h._count.panelists}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      {/* The series' document batch (_staff.series.$seriesId._index.tsx). */}
      <Outlet />
    </div>
  );
}
