import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { DeadlineExplanation, RemainingBadge } from "~/components/deadline/deadline-view";
import { Badge, EmptyState, FilterActions, PageHeader, Stat } from "~/components/ui";
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
          <div className="table-wrap">
            <table className="table table-responsive deadline-table">
              <thead>
                <tr>
                  <th scope="col">{t("deadlines.col.case")}</th>
                  <th scope="col">{t("deadlines.col.name")}</th>
                  <th scope="col">{t("deadlines.col.basis")}</th>
                  <th scope="col">{t("deadlines.col.trigger")}</th>
                  <th scope="col">{t("deadlines.col.due")}</th>
                  <th scope="col">{t("deadlines.col.remaining")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((d) => (
                  <tr key={d.key} className={`deadline-row deadline-row--${d.status}`}>
                    <td data-label={t("deadlines.col.case")}>
                      <div className="deadline-cases">
                        {d.cases.map((c) => (
                          <span key={c.id}>
                            <Link to={`/cases/${c.id}`}>{c.number ?? c.title}</Link>
                            {c.number ? <span className="muted small"> {c.title}</span> : null}
                          </span>
                        ))}
                      </div>
                    </td>
                    <td data-label={t("deadlines.col.name")}>
                      <div>
                        <div>{t.label("deadlines.rule", d.ruleId)}</div>
                        <div className="muted small">
                          {d.hearing ? (
                            <>
                              <Link to={`/hearings/${d.hearing.id}`}>
                                {t("deadlines.detail.hearing", { title: d.hearing.title })}
                              </Link>
                              {" · "}
                            </>
                          ) : null}
                          {[
                            d.recommendation
                              ? d.recommendation.number
                                ? t("deadlines.detail.recommendation", { number: d.recommendation.number })
                                : t("deadlines.detail.recommendationDraft")
                              : null,
                            d.agency,
                            t.label("deadlines.party", d.party),
                          ]
                            .filter(Boolean)
                            .join(" · ")}
                        </div>
                      </div>
                    </td>
                    <td data-label={t("deadlines.col.basis")} className="small">
                      {t.dynamic(d.basisKey)}
                    </td>
                    <td data-label={t("deadlines.col.trigger")}>
                      <div>
                        <div className="nowrap">{formatDate(d.triggerOn, t.locale)}</div>
                        <div className="muted small">{t.label("deadlines.trigger", d.ruleId)}</div>
                      </div>
                    </td>
                    <td data-label={t("deadlines.col.due")}>
                      <div className="deadline-due">
                        <div className="nowrap">
                          <strong>{formatDate(d.dueOn, t.locale)}</strong>
                          {d.extended ? (
                            <>
                              {" "}
                              <Badge tone="info">{t("deadlines.extended")}</Badge>
                            </>
                          ) : null}
                        </div>
                        <DeadlineExplanation steps={d.steps} />
                      </div>
                    </td>
                    <td data-label={t("deadlines.col.remaining")} className="nowrap">
                      <RemainingBadge days={d.daysRemaining} status={d.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
