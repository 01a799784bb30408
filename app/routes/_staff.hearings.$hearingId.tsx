import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { HearingFormBadge, HearingStatusBadge } from "~/components/hearing/hearing-badges";
import { PageHeader } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import { isHearingEditable } from "~/domain/hearing/states";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { getHearingHeader } from "~/models/hearing.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The staff hearing page: the header and the tab bar. Each tab is a nested route with its own
// loader and its own permission check (a check here would protect nothing: loaders run in parallel).

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "hearings.title", undefined, data?.hearing.title ?? null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  return { hearing: await getHearingHeader(procuratorateId, params.hearingId), mayEdit: can(actor, "hearing:manage") };
}

function TabCount({ n }: { n: number }) {
  return n > 0 ? <span className="muted small"> {n}</span> : null;
}

export default function HearingLayout() {
  const { hearing: h, mayEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const base = `/hearings/${h.id}`;
  const tabs: [string, string, number | null][] = [
    [base, t("hearings.tab.overview"), null],
    [`${base}/panel`, t("hearings.tab.panel"), h.counts.panelists],
    [`${base}/participants`, t("hearings.tab.participants"), h.counts.participants],
    [`${base}/notices`, t("hearingSetup.tab.notices"), null],
    ...(h.isPublic || h.counts.observerRequests > 0
      ? [[`${base}/observers`, t("hearings.tab.observers"), h.counts.pendingObserverRequests] as [string, string, number]]
      : []),
    [`${base}/evidence`, t("hearings.tab.evidence"), h.counts.disclosed],
    [`${base}/opinions`, t("hearings.tab.opinions"), null],
    [`${base}/day`, t("hearings.tab.day"), null],
    [`${base}/record`, t("hearings.tab.record"), null],
    [`${base}/documents`, t("documents.tab"), null],
  ];
  return (
    <>
      <PageHeader
        crumbs={[{ to: "/hearings", label: t("hearings.title") }]}
        title={h.title}
        actions={
          mayEdit && isHearingEditable(h.status) ? (
            <Link to={`${base}/edit`} className="button button--secondary">
              {t("hearingSetup.edit.link")}
            </Link>
          ) : null
        }
        subtitle={
          <span className="hearing-header-meta">
            <HearingStatusBadge status={h.status} /> <HearingFormBadge isPublic={h.isPublic} />{" "}
            {formatDateTime(h.startsAt, t.locale)} · {h.venue}
          </span>
        }
      />
      <nav className="tabs hearing-sections" aria-label={t("hearings.tab.nav")}>
        {tabs.map(([to, label, n]) => (
          <NavLink key={to} to={to} end prefetch="intent">
            {label}
            {n !== null ? <TabCount n={n} /> : null}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
