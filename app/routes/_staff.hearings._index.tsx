import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { HearingFormBadge, HearingStatusBadge } from "~/components/hearing/hearing-badges";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui";
import { formatDateTimeRange } from "~/i18n";
import { can } from "~/domain/auth/policy";
import { useT } from "~/i18n/react";
import { listHearings } from "~/models/hearing.server";
import { requirePermission, staffScope } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "hearings.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:read");
  return { ...(await listHearings(staffScope(scope))), mayCreate: can(actor, "hearing:manage") };
}

type Row = Awaited<ReturnType<typeof loader>>["upcoming"][number];

function HearingTable({ rows }: { rows: Row[] }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table table-responsive">
        <thead>
          <tr>
            <th scope="col">{t("hearings.col.title")}</th>
            <th scope="col">{t("hearings.col.when")}</th>
            <th scope="col">{t("hearings.col.venue")}</th>
            <th scope="col">{t("hearings.col.form")}</th>
            <th scope="col">{t("hearings.col.status")}</th>
            <th scope="col" className="num">
              {t("hearings.col.cases")}
            </th>
            <th scope="col" className="num">
              {t("hearings.col.panelists")}
            </th>
            <th scope="col" className="num">
              {t("hearings.col.participants")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr key={h.id}>
              <td data-label={t("hearings.col.title")}>
                <div>
                  <Link to={`/hearings/${h.id}`}>{h.title}</Link>
                  {h.series ? (
                    <div className="muted small">{t("hearings.seriesTag", { name: h.series.name })}</div>
                  ) : null}
                </div>
              </td>
              <td data-label={t("hearings.col.when")} className="nowrap">
                {formatDateTimeRange(h.startsAt, h.endsAt, t)}
              </td>
              <td data-label={t("hearings.col.venue")}>{h.venue}</td>
              <td data-label={t("hearings.col.form")}>
                <HearingFormBadge isPublic={h.isPublic} />
              </td>
              <td data-label={t("hearings.col.status")}>
                <HearingStatusBadge status={h.status} />
              </td>
              <td data-label={t("hearings.col.cases")} className="num">
                {h.caseCount}
              </td>
              <td data-label={t("hearings.col.panelists")} className="num">
                <span>
                  {h.panelistCount}
                  {h.recusedCount ? (
                    <span className="muted small"> ({t("hearings.recusedN", { n: h.recusedCount })})</span>
                  ) : null}
                </span>
              </td>
              <td data-label={t("hearings.col.participants")} className="num">
                {h.participantCount}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Hearings() {
  const { upcoming, past, mayCreate } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("hearings.title")}
        subtitle={t("hearings.subtitle")}
        actions={
          mayCreate ? (
            <Link to="/hearings/new" className="button">
              {t("hearingSetup.new.title")}
            </Link>
          ) : null
        }
      />
      <Card
        title={
          <>
            {t("hearings.upcoming")} <Badge>{upcoming.length}</Badge>
          </>
        }
      >
        {upcoming.length ? (
          <HearingTable rows={upcoming} />
        ) : (
          <EmptyState title={t("hearings.emptyUpcoming")}>
            <p>{t("hearings.emptyUpcomingHint")}</p>
          </EmptyState>
        )}
      </Card>
      <Card
        title={
          <>
            {t("hearings.past")} <Badge>{past.length}</Badge>
          </>
        }
      >
        {past.length ? <HearingTable rows={past} /> : <EmptyState title={t("hearings.emptyPast")} />}
      </Card>
    </>
  );
}
