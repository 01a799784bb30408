import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { CaseStateBadge, ClueStatusBadge } from "~/components/case/case-state-badge";
import { pageTitle } from "~/components/case/meta";
import { EmptyState, FilterActions, PageHeader } from "~/components/ui";
import { KeysetPager } from "~/components/ui/keyset-pager";
import { can } from "~/domain/auth/policy";
import { CLUE_SOURCES, CLUE_STATUSES, clueListFilterSchema, parseListFilter } from "~/domain/case/schemas";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import { CLUE_CURSOR_ARITY, listClues } from "~/models/clue.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { cursorFromUrl } from "~/utils/keyset";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cases.clues.title");

/** Linked cases listed per row; the rest are on the clue's page. */
const LINKED_SHOWN = 3;

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "clue:read");
  const procuratorateId = staffScope(scope);
  const url = new URL(request.url);
  const filter = parseListFilter(clueListFilterSchema, url);
  const list = await listClues(procuratorateId, filter, cursorFromUrl(url, CLUE_CURSOR_ARITY));
  return { filter, list, mayRegister: can(actor, "clue:write") };
}

export default function ClueList() {
  const { filter, list, mayRegister } = useLoaderData<typeof loader>();
  const t = useT();
  const location = useLocation();
  const filtered = Boolean(filter.status || filter.source);
  const all = Object.values(list.statusCounts).reduce((a, b) => a + b, 0);

  return (
    <div className="case-page">
      <PageHeader
        title={t("cases.clues.title")}
        subtitle={t("cases.clues.subtitle")}
        actions={
          mayRegister ? (
            <Link className="button" to="/clues/new">
              {t("clues.new.action")}
            </Link>
          ) : null
        }
      />

      <nav className="tabs" aria-label={t("cases.clues.byStatus")}>
        <Link to="/clues" className={!filter.status ? "active" : ""} aria-current={!filter.status ? "page" : undefined}>
          {t("common.all")} <span className="tab-count">{all}</span>
        </Link>
        {CLUE_STATUSES.map((s) => (
          <Link
            key={s}
            to={`?status=${s}`}
            className={filter.status === s ? "active" : ""}
            aria-current={filter.status === s ? "page" : undefined}
          >
            {t.label("clueStatus", s)} <span className="tab-count">{list.statusCounts[s] ?? 0}</span>
          </Link>
        ))}
      </nav>

      <section className="card">
        <Form method="get" className="filters" key={location.search} aria-label={t("cases.filter.label")}>
          {filter.status ? <input type="hidden" name="status" value={filter.status} /> : null}
          <div className="field">
            <label htmlFor="source">{t("cases.clues.source")}</label>
            <select id="source" name="source" defaultValue={filter.source ?? ""}>
              <option value="">{t("common.all")}</option>
              {CLUE_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t.label("clueSource", s)}
                </option>
              ))}
            </select>
          </div>
          <FilterActions resetTo="/clues" filtered={filtered} />
        </Form>

        {list.items.length === 0 ? (
          <EmptyState title={filtered ? t("cases.clues.noMatch") : t("cases.clues.empty")}>
            <p>{filtered ? <Link to="/clues">{t("cases.list.showAll")}</Link> : t("cases.clues.emptyHint")}</p>
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th scope="col">{t("cases.clues.number")}</th>
                  <th scope="col">{t("cases.clues.receivedOn")}</th>
                  <th scope="col">{t("cases.clues.summary")}</th>
                  <th scope="col">{t("cases.clues.source")}</th>
                  <th scope="col">{t("cases.clues.assignee")}</th>
                  <th scope="col">{t("common.status")}</th>
                  <th scope="col">{t("cases.clues.cases")}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((c) => (
                  <tr key={c.id}>
                    <td data-label={t("cases.clues.number")} className="mono nowrap">
                      <Link to={`/clues/${c.id}`}>{c.number}</Link>
                    </td>
                    <td data-label={t("cases.clues.receivedOn")} className="nowrap">
                      {formatDate(c.receivedOn, t.locale)}
                    </td>
                    <td data-label={t("cases.clues.summary")} className="clue-summary">
                      <span>
                        <Link to={`/clues/${c.id}`}>{c.summary}</Link>
                        <span className="muted small case-table__sub">{t.label("caseField", c.field)}</span>
                      </span>
                    </td>
                    <td data-label={t("cases.clues.source")} className="nowrap">
                      {t.label("clueSource", c.source)}
                    </td>
                    <td data-label={t("cases.clues.assignee")} className="nowrap">
                      {c.assignee?.displayName ?? <span className="muted">{t("cases.clues.unassigned")}</span>}
                    </td>
                    <td data-label={t("common.status")}>
                      <ClueStatusBadge status={c.status} />
                    </td>
                    <td data-label={t("cases.clues.cases")}>
                      {c.cases.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <span className="linked-cases">
                          {c.cases.slice(0, LINKED_SHOWN).map((k) => (
                            <span key={k.id} className="nowrap">
                              <Link to={`/cases/${k.id}`}>{k.number ?? t("cases.noNumber")}</Link> <CaseStateBadge state={k.state} />
                            </span>
                          ))}
                          {c.cases.length > LINKED_SHOWN ? (
                            <Link to={`/clues/${c.id}`} className="small">
                              {t("cases.clues.moreCases", { count: c.cases.length - LINKED_SHOWN })}
                            </Link>
                          ) : null}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <KeysetPager total={list.total} capped={list.capped} next={list.next} prev={list.prev} />
      </section>
    </div>
  );
}
