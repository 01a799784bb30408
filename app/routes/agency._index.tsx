import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/components/case/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { AgencyDocumentsTable, AgencyHearingsTable, ServedRecommendationsTable } from "~/components/portal/agency-tables";
import { Card, EmptyState, PageHeader, Stat } from "~/components/ui";
import { KeysetPager } from "~/components/ui/keyset-pager";
import { createT, localeFromRequest } from "~/i18n";
import { useT } from "~/i18n/react";
import { AGENCY_HOME_DOCUMENTS, AGENCY_HOME_HEARINGS } from "~/domain/agency-portal/paging";
import { formatBoundedCount } from "~/domain/deadlines/board";
import {
  agencyCounts,
  agencyDocumentsPage,
  agencyHearingsPage,
  agencyName,
  recommendationCursor,
  servedRecommendationsPage,
} from "~/models/agency-portal.server";
import { agencyScope, requirePermission } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "nav.agency.home");

// The agency portal's home: the recommendations served on my agency a keyset page at a time, most
// urgent first, bounded counts, and the latest documents and hearings with links to their lists.
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "agency:use");
  const mine = agencyScope(scope);
  const cursor = recommendationCursor(new URL(request.url));
  const [name, recommendations, counts, documents, hearings] = await Promise.all([
    agencyName(mine),
    servedRecommendationsPage(mine, cursor),
    agencyCounts(mine),
    agencyDocumentsPage(mine, null, AGENCY_HOME_DOCUMENTS),
    agencyHearingsPage(mine, null, AGENCY_HOME_HEARINGS),
  ]);
  return {
    title: createT(localeFromRequest(request))("portal.agency.meta"),
    agency: name,
    recommendations,
    counts,
    documents: { items: documents.items, more: documents.next !== null },
    hearings: { items: hearings.items, more: hearings.next !== null },
  };
}

export default function AgencyHome() {
  const { agency, recommendations, counts, documents, hearings } = useLoaderData<typeof loader>();
  const t = useT();
  const count = formatBoundedCount;
  return (
    <>
      <PageHeader
        title={t("portal.agency.title")}
        subtitle={agency ? t("portal.agency.subtitle", { agency }) : t("portal.agency.subtitleNoName")}
      />
      <div className="grid grid-4 portal-stats">
        <Stat value={count(counts.awaiting, counts.cap)} label={t("portal.agency.stat.awaiting")} />
        <Stat value={count(counts.dueSoon, counts.cap)} label={t("portal.agency.stat.dueSoon")} />
        <Stat value={count(counts.overdue, counts.cap)} label={t("portal.agency.stat.overdue")} />
        <Stat value={count(counts.replied, counts.cap)} label={t("agencyHome.stat.replied")} />
      </div>

      <Card title={t("portal.agency.recommendations")}>
        {recommendations.items.length ? (
          <>
            <p className="muted small">{t("agencyHome.recommendationsOrder")}</p>
            <ServedRecommendationsTable rows={recommendations.items} />
            <KeysetPager
              total={Math.min(counts.served, counts.cap)}
              capped={counts.served > counts.cap}
              next={recommendations.next}
              prev={recommendations.prev}
            />
          </>
        ) : (
          <EmptyState title={t("portal.agency.recommendationsEmpty")}>
            <p className="muted small">{t("portal.agency.recommendationsEmptyHint")}</p>
          </EmptyState>
        )}
      </Card>

      <Card title={t("portal.agency.documents")}>
        {documents.items.length ? (
          <>
            {documents.more ? (
              <p className="muted small">{t("agencyHome.latestDocuments", { count: AGENCY_HOME_DOCUMENTS })}</p>
            ) : null}
            <AgencyDocumentsTable rows={documents.items} />
            {documents.more ? (
              <p>
                <Link to="/agency/documents">{t("agencyHome.allDocuments")}</Link>
              </p>
            ) : null}
          </>
        ) : (
          <EmptyState title={t("portal.agency.documentsEmpty")}>
            <p className="muted small">{t("portal.agency.documentsEmptyHint")}</p>
          </EmptyState>
        )}
      </Card>

      <Card title={t("portal.agency.hearings")}>
        {hearings.items.length ? (
          <>
            {hearings.more ? (
              <p className="muted small">{t("agencyHome.latestHearings", { count: AGENCY_HOME_HEARINGS })}</p>
            ) : null}
            <AgencyHearingsTable rows={hearings.items} />
            {hearings.more ? (
              <p>
                <Link to="/agency/hearings">{t("agencyHome.allHearings")}</Link>
              </p>
            ) : null}
          </>
        ) : (
          <EmptyState title={t("portal.agency.hearingsEmpty")} />
        )}
      </Card>
    </>
  );
}
