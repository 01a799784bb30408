import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { SeriesStateCounts } from "~/components/case/series-state-counts";
import { EmptyState, PageHeader } from "~/components/ui";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import { listSeries } from "~/models/series.server";
import { requirePermission, staffScope } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cases.series.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "series:read");
  const series = await listSeries(staffScope(scope));
  return { series };
}

export default function SeriesList() {
  const { series } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="case-page">
      <PageHeader title={t("cases.series.title")} subtitle={t("cases.series.subtitle")} />
      {series.length === 0 ? (
        <section className="card">
          <EmptyState title={t("cases.series.empty")}>
            <p>{t("cases.series.emptyHint")}</p>
          </EmptyState>
        </section>
      ) : (
        <div className="table-wrap">
          <table className="table table-responsive">
            <thead>
              <tr>
                <th scope="col">{t("cases.series.name")}</th>
                <th scope="col" className="num">
                  {t("cases.series.cases")}
                </th>
                <th scope="col">{t("cases.series.byState")}</th>
                <th scope="col" className="num">
                  {t("cases.series.hearings")}
                </th>
                <th scope="col">{t("common.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {series.map((s) => (
                <tr key={s.id}>
                  <td data-label={t("cases.series.name")}>
                    <span>
                      <Link to={`/series/${s.id}`}>{s.name}</Link>
                      {s.summary ? <span className="muted small case-table__sub clamp-2">{s.summary}</span> : null}
                    </span>
                  </td>
                  <td data-label={t("cases.series.cases")} className="num">
                    <span>
                      {s.cases}
                      {s.cases ? (
                        <span className="muted small case-table__sub nowrap">{t("cases.series.activeN", { count: s.active })}</span>
                      ) : null}
                    </span>
                  </td>
                  <td data-label={t("cases.series.byState")}>
                    <SeriesStateCounts byState={s.byState} />
                  </td>
                  <td data-label={t("cases.series.hearings")} className="num">
                    {s.hearings}
                  </td>
                  <td data-label={t("common.updated")} className="nowrap">
                    {formatDate(s.updatedAt, t.locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
