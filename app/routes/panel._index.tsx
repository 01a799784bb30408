import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/components/case/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { DeclarationBadge, HearingStatusBadge } from "~/components/portal";
import { Card, EmptyState, PageHeader } from "~/components/ui";
import { createT, formatDateTimeRange, localeFromRequest } from "~/i18n";
import { useT } from "~/i18n/react";
import { listPanelistHearings } from "~/models/panel-portal.server";
import { panelistScope, requirePermission } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "nav.panel.hearings");

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "panel:use");
  const hearings = await listPanelistHearings(panelistScope(scope));
  return { ...hearings, title: createT(localeFromRequest(request))("portal.panel.meta") };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

export default function PanelHome() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("portal.panel.title")}
        subtitle={t("portal.panel.subtitle")}
        actions={
          <Link className="button button--secondary" to="/panel/calendar">
            {t("nav.panel.calendar")}
          </Link>
        }
      />
      <Card title={t("portal.panel.upcoming")}>
        {upcoming.length ? (
          <HearingTable rows={upcoming} variant="upcoming" />
        ) : (
          <EmptyState title={t("portal.panel.upcomingEmpty")}>
            <p className="muted small">{t("portal.panel.upcomingEmptyHint")}</p>
          </EmptyState>
        )}
      </Card>
      <Card title={t("portal.panel.past")}>
        {past.length ? <HearingTable rows={past} variant="past" /> : <EmptyState title={t("portal.panel.pastEmpty")} />}
      </Card>
    </>
  );
}

function HearingTable({ rows, variant }: { rows: Row[]; variant: "upcoming" | "past" }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table table-responsive">
        <thead>
          <tr>
            <th>{t("portal.panel.col.hearing")}</th>
            <th>{t("portal.panel.col.time")}</th>
            <th>{t("portal.panel.col.venue")}</th>
            <th>{t("portal.panel.col.status")}</th>
            <th className="num">{t("portal.panel.col.cases")}</th>
            <th>{variant === "upcoming" ? t("portal.panel.col.declaration") : t("portal.panel.col.opinions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr key={h.id}>
              <td data-label={t("portal.panel.col.hearing")}>
                <Link to={`/panel/hearings/${h.id}`}>{h.title}</Link>
              </td>
              <td data-label={t("portal.panel.col.time")} className="nowrap">
                {formatDateTimeRange(h.startsAt, h.endsAt, t)}
              </td>
              <td data-label={t("portal.panel.col.venue")}>{h.venue}</td>
              <td data-label={t("portal.panel.col.status")}>
                <HearingStatusBadge status={h.status} />
              </td>
              <td data-label={t("portal.panel.col.cases")} className="num">
                {t("portal.panel.caseCount", { count: h.caseCount })}
              </td>
              <td
                data-label={variant === "upcoming" ? t("portal.panel.col.declaration") : t("portal.panel.col.opinions")}
              >
                {variant === "upcoming" || h.declaration === "recused" ? (
                  <DeclarationBadge state={h.declaration} />
                ) : (
                  t("portal.panel.opinionsOf", { done: h.opinionCount, total: h.caseCount })
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
