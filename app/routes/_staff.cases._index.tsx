import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { AgencyName } from "~/components/case/agency-name";
import { CaseStateBadge, UrgentBadge } from "~/components/case/case-state-badge";
import { pageTitle } from "~/components/case/meta";
import { EmptyState, FilterActions, PageHeader, Pagination, Stat } from "~/components/ui";
import { KeysetPager } from "~/components/ui/keyset-pager";
import { RemainingBadge } from "~/components/deadline/deadline-view";
import {
  CASE_SORTS,
  caseListFilterSchema,
  DEFAULT_DUE_WITHIN,
  NO_SERIES,
  parseListFilter,
  SEARCH_MAX,
} from "~/domain/case/schemas";
import { daysRemaining, deadlineStatus } from "~/domain/deadlines/compute";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { CASE_FIELDS, CASE_STATES } from "~/domain/case/states";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import { SEARCH_HIT_CAP, SEARCH_SCAN_CAP, SINGLE_CHAR_SCAN } from "~/domain/search/query";
import { CASE_CURSOR_ARITY, caseFilterOptions, caseStats, listCases, seriesOptions } from "~/models/case.server";
import { cursorFromUrl } from "~/utils/keyset";
import { requirePermission, staffScope } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cases.list.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "case:read");
  const procuratorateId = staffScope(scope);
  const url = new URL(request.url);
  const filter = parseListFilter(caseListFilterSchema, url);
  const today = dateInShanghai();
  const [list, stats, series, options] = await Promise.all([
    listCases(procuratorateId, filter, cursorFromUrl(url, CASE_CURSOR_ARITY), today),
    caseStats(procuratorateId),
    seriesOptions(procuratorateId),
    caseFilterOptions(procuratorateId),
  ]);
  return { filter, list, stats, series, options, today };
}

export default function CaseList() {
  const { filter, list, stats, series, options, today } = useLoaderData<typeof loader>();
  const t = useT();
  const location = useLocation();
  const filtered = Boolean(
    filter.state || filter.field || filter.series || filter.q || filter.agency || filter.lead || filter.due
  );

  return (
    <div className="case-page">
      <PageHeader title={t("cases.list.title")} subtitle={t("cases.list.subtitle")} />

      <div className="grid grid-4 case-stats">
        <Stat
          value={stats.active}
          label={stats.urgentActive ? t("cases.stats.activeUrgent", { urgent: stats.urgentActive }) : t("cases.stats.active")}
          to="?state=active"
        />
        <Stat value={stats.rectification} label={t("cases.stats.rectification")} to="?state=rectification" />
        <Stat value={stats.filedThisYear} label={t("cases.stats.filedThisYear", { year: stats.year })} />
        <Stat value={stats.closedThisYear} label={t("cases.stats.closedThisYear", { year: stats.year })} />
      </div>

      <section className="card">
        {/* key: a stat link or the reset link changes the query, so the form re-reads its defaults */}
        <Form method="get" className="filters" role="search" key={location.search} aria-label={t("cases.filter.label")}>
          <div className="field field--grow">
            <label htmlFor="q">{t("cases.filter.q")}</label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={filter.q ?? ""}
              maxLength={SEARCH_MAX}
              placeholder={t("cases.filter.qPlaceholder")}
            />
          </div>
          <div className="field">
            <label htmlFor="state">{t("cases.col.state")}</label>
            <select id="state" name="state" defaultValue={filter.state ?? ""}>
              <option value="">{t("common.all")}</option>
              <option value="active">{t("cases.filter.active")}</option>
              {CASE_STATES.map((s) => (
                <option key={s} value={s}>
                  {t.label("caseState", s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="field">{t("cases.col.field")}</label>
            <select id="field" name="field" defaultValue={filter.field ?? ""}>
              <option value="">{t("common.all")}</option>
              {CASE_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t.label("caseField", f)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="series">{t("cases.col.series")}</label>
            <select id="series" name="series" defaultValue={filter.series ?? ""}>
              <option value="">{t("common.all")}</option>
              <option value={NO_SERIES}>{t("cases.filter.noSeries")}</option>
              {series.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="agency">{t("cases.col.agency")}</label>
            <select id="agency" name="agency" defaultValue={filter.agency ?? ""}>
              <option value="">{t("common.all")}</option>
              {options.agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="lead">{t("cases.col.lead")}</label>
            <select id="lead" name="lead" defaultValue={filter.lead ?? ""}>
              <option value="">{t("common.all")}</option>
              {options.prosecutors.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="due">{t("cases.filter.due")}</label>
            <select id="due" name="due" defaultValue={filter.due ?? ""}>
              <option value="">{t("common.all")}</option>
              <option value="overdue">{t("cases.filter.dueOverdue")}</option>
              <option value="soon">{t("cases.filter.dueSoon")}</option>
            </select>
          </div>
          <div className="field field--narrow">
            <label htmlFor="within">{t("cases.filter.within")}</label>
            <input
              id="within"
              name="within"
              type="number"
              min={0}
              max={365}
              defaultValue={filter.within ?? DEFAULT_DUE_WITHIN}
            />
          </div>
          <div className="field">
            <label htmlFor="sort">{t("cases.filter.sort")}</label>
            <select id="sort" name="sort" defaultValue={filter.sort ?? ""}>
              <option value="">{t("cases.sort.default")}</option>
              {CASE_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`cases.sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <FilterActions resetTo="/cases" filtered={filtered} />
        </Form>

        {list.mode === "search" && list.singleCharOnly ? (
          <p className="notice">{t("search.singleChar", { cap: SINGLE_CHAR_SCAN })}</p>
        ) : null}
        {list.mode === "search" && list.scanLimited ? (
          <p className="notice">{t("search.scanLimited", { cap: SEARCH_SCAN_CAP })}</p>
        ) : null}
        {list.mode === "search" && list.capped ? (
          <p className="notice">{t("search.capped", { cap: SEARCH_HIT_CAP })}</p>
        ) : null}
        {list.items.length === 0 ? (
          filtered ? (
            <EmptyState title={t("cases.list.noMatch")}>
              <p>
                {t("cases.list.noMatchHint")} <Link to="/cases">{t("cases.list.showAll")}</Link>
              </p>
            </EmptyState>
          ) : (
            <EmptyState title={t("cases.list.empty")}>
              <p>
                {t("cases.list.emptyHint")} <Link to="/clues">{t("nav.clues")}</Link>
              </p>
            </EmptyState>
          )
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive case-table">
              <thead>
                <tr>
                  <th scope="col">{t("cases.col.number")}</th>
                  <th scope="col">{t("cases.col.title")}</th>
                  <th scope="col">{t("cases.col.agency")}</th>
                  <th scope="col">{t("cases.col.state")}</th>
                  <th scope="col">{t("cases.col.lead")}</th>
                  <th scope="col">{t("cases.col.filedOn")}</th>
                  <th scope="col">{t("cases.col.nextDue")}</th>
                  <th scope="col">{t("cases.col.updatedAt")}</th>
                  <th scope="col">{t("cases.col.series")}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((c) => (
                  <tr key={c.id}>
                    <td data-label={t("cases.col.number")} className="mono nowrap">
                      {c.number ?? <span className="muted">{t("cases.noNumber")}</span>}
                    </td>
                    <td data-label={t("cases.col.title")} className="case-table__title">
                      <span>
                        <Link to={`/cases/${c.id}`}>{c.title}</Link>
                        {c.urgent ? (
                          <>
                            {" "}
                            <UrgentBadge />
                          </>
                        ) : null}
                        <span className="muted small case-table__sub">{t.label("caseField", c.field)}</span>
                      </span>
                    </td>
                    <td data-label={t("cases.col.agency")}>
                      <AgencyName agency={c.respondentAgency} unknown={c.respondentUnknown} />
                    </td>
                    <td data-label={t("cases.col.state")}>
                      <CaseStateBadge state={c.state} />
                    </td>
                    <td data-label={t("cases.col.lead")} className="nowrap">
                      {c.leadProsecutor.displayName}
                    </td>
                    <td data-label={t("cases.col.filedOn")} className="nowrap">
                      {c.filedOn ? formatDate(c.filedOn, t.locale) : <span className="muted">—</span>}
                    </td>
                    <td data-label={t("cases.col.nextDue")} className="nowrap">
                      {c.nextDueOn ? (
                        <>
                          {formatDate(c.nextDueOn, t.locale)}{" "}
                          <RemainingBadge
                            days={daysRemaining(c.nextDueOn, today)}
                            status={deadlineStatus(c.nextDueOn, today)}
                          />
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td data-label={t("cases.col.updatedAt")} className="nowrap">
                      {formatDate(c.updatedAt, t.locale)}
                    </td>
                    <td data-label={t("cases.col.series")} className="case-table__series">
                      {c.series ? (
                        <Link to={`/series/${c.series.id}`}>{c.series.name}</Link>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list.mode === "search" ? (
          <Pagination page={list.page} pages={list.pages} total={list.total} />
        ) : (
          <KeysetPager total={list.total} capped={list.capped} next={list.next} prev={list.prev} />
        )}
      </section>
    </div>
  );
}
