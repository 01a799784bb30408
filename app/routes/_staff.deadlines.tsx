import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { DeadlineTable } from "~/components/deadline/deadline-table";
import { EmptyState, FilterActions, PageHeader, Stat } from "~/components/ui";
import { LIVE_DEADLINE_KINDS, parseDeadlineFilter } from "~/domain/deadlines/live";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import { listDeadlines } from "~/models/deadline.server";
import { requirePermission, staffScope } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "deadlines.metaTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "deadline:read");
  const procuratorateId = staffScope(scope);
  const filter = parseDeadlineFilter(new URL(request.url).searchParams);
  const list = await listDeadlines(procuratorateId, { filter });
  return { filter, ...list };
}

export default function Deadlines() {
  const { filter, today, items, missingYears, incompleteYears, counts } = useLoaderData<typeof loader>();
  const t = useT();
  const location = useLocation();
  const filtered = Boolean(filter.kind) || filter.status !== "all";
  const withKind = (status: string) => {
    const p = new URLSearchParams();
    if (filter.kind) p.set("kind", filter.kind);
    if (status !== "all") p.set("status", status);
    const q = p.toString();
    return q ? `?${q}` : "/deadlines";
  };

  return (
    <>
      <PageHeader title={t("deadlines.title")} subtitle={t("deadlines.subtitle")} />

      {missingYears.length ? (
        <div className="notice notice--warn" role="status">
          {t("deadlines.calendar.missingYears", { years: missingYears.join(t.locale === "en" ? ", " : "、") })}
        </div>
      ) : null}
      {incompleteYears.map((y) => (
        <div key={y.year} className="notice notice--warn" role="status">
          {t("deadlines.calendar.incompleteYear", y)}
        </div>
      ))}

      <div className="grid grid-3 deadline-stats">
        <Stat value={counts.total} label={t("deadlines.summary.total")} to={withKind("all")} />
        <Stat value={counts.overdue} label={t("deadlines.summary.overdue")} to={withKind("overdue")} />
        <Stat value={counts.dueSoon} label={t("deadlines.summary.dueSoon")} to={withKind("due_soon")} />
      </div>

      <section className="card">
        <Form method="get" className="filters" key={location.search} aria-label={t("common.filter")}>
          <div className="field">
            <label htmlFor="kind">{t("deadlines.filter.kind")}</label>
            <select id="kind" name="kind" defaultValue={filter.kind ?? ""}>
              <option value="">{t("deadlines.filter.allKinds")}</option>
              {LIVE_DEADLINE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.label("deadlines.kind", k)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="status">{t("deadlines.filter.status")}</label>
            <select id="status" name="status" defaultValue={filter.status}>
              <option value="all">{t("deadlines.filter.statusAll")}</option>
              <option value="overdue">{t("deadlines.filter.statusOverdue")}</option>
              <option value="due_soon">{t("deadlines.filter.statusDueSoon")}</option>
            </select>
          </div>
          <FilterActions resetTo="/deadlines" filtered={filtered} label={t("deadlines.filter.apply")} />
        </Form>
        <p className="muted small">{t("deadlines.today", { date: formatDate(today, t.locale) })}</p>

        {items.length === 0 ? (
          <EmptyState title={t("deadlines.empty")}>
            <p>{t("deadlines.emptyHint")}</p>
          </EmptyState>
        ) : (
          <DeadlineTable items={items} />
        )}
      </section>
    </>
  );
}
