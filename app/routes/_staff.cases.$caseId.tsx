import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { CaseHeader } from "~/components/case/case-header";
import { pageTitle } from "~/components/case/meta";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import type { CaseHeaderData } from "~/models/case-page.server";
import { getCaseHeader } from "~/models/case-page.server";
import { requireCaseRoute } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The case page's layout: header (title, number, state, stage strip) and one tab per concern, each
// a nested route with its own URL, loader and permission check (a check here protects nothing).

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "cases.detail.title", undefined, data?.case.number ?? data?.case.title ?? null);

// Read-only: a GET writes nothing (no view audit here; the audit log records changes).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procuratorateId, caseId } = await requireCaseRoute(request, params, "case:read");
  return { case: await getCaseHeader(procuratorateId, caseId) };
}

type Counts = CaseHeaderData["_count"];

/** The tabs: path below /cases/:id, label, and the count shown beside it. */
const TABS: readonly { path: string; label: MessageKey; count?: (c: Counts) => number }[] = [
  { path: "", label: "cases.section.overview" },
  { path: "evidence", label: "cases.section.evidence", count: (c) => c.evidence },
  { path: "consultations", label: "cases.section.consultations", count: (c) => c.consultations },
  { path: "hearings", label: "cases.section.hearings", count: (c) => c.hearingCases },
  { path: "recommendation", label: "cases.section.recommendations", count: (c) => c.recommendations },
  { path: "service", label: "casepage.tab.service", count: (c) => c.services },
  { path: "assessment", label: "agencyAssess.tab" },
  { path: "documents", label: "casepage.tab.documents", count: (c) => c.documents },
  { path: "log", label: "casepage.tab.log" },
];

export default function CaseLayout() {
  const { case: c } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="case-page">
      <CaseHeader title={c.title} number={c.number} state={c.state} urgent={c.urgent} transitions={c.transitions} />
      <nav className="tabs case-sections" aria-label={t("cases.section.nav")}>
        {TABS.map((tab) => (
          <NavLink
            key={tab.path}
            to={tab.path ? `/cases/${c.id}/${tab.path}` : `/cases/${c.id}`}
            end
            prefetch="intent"
            className={({ isActive }) => (isActive ? "active" : "")}
          >
            {t(tab.label)}
            {tab.count ? <span className="tab-count">{tab.count(c._count)}</span> : null}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
