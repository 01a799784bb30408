import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { AgencyDocumentsTable } from "~/components/portal/agency-tables";
import { Card, EmptyState, PageHeader } from "~/components/ui";
import { KeysetPager } from "~/components/ui/keyset-pager";
import { useT } from "~/i18n/react";
import { AGENCY_COUNT_CAP } from "~/domain/agency-portal/paging";
import { agencyDocumentsPage, countAgencyDocuments, documentCursor } from "~/models/agency-portal.server";
import { agencyScope, requirePermission } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "agencyHome.documents.title");

// Every document served on or released to my agency, a keyset page at a time.
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "agency:use");
  const mine = agencyScope(scope);
  const [page, total] = await Promise.all([
    agencyDocumentsPage(mine, documentCursor(new URL(request.url))),
    countAgencyDocuments(mine),
  ]);
  return { ...page, total: Math.min(total, AGENCY_COUNT_CAP), capped: total > AGENCY_COUNT_CAP };
}

export default function AgencyDocuments() {
  const { items, next, prev, total, capped } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("agencyHome.documents.title")} subtitle={t("agencyHome.documents.subtitle")} />
      <p>
        <Link to="/agency">{t("agencyHome.back")}</Link>
      </p>
      <Card title={t("portal.agency.documents")}>
        {items.length ? (
          <>
            <AgencyDocumentsTable rows={items} />
            <KeysetPager total={total} capped={capped} next={next} prev={prev} />
          </>
        ) : (
          <EmptyState title={t("portal.agency.documentsEmpty")}>
            <p className="muted small">{t("portal.agency.documentsEmptyHint")}</p>
          </EmptyState>
        )}
      </Card>
    </>
  );
}
