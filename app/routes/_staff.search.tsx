import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { CaseStateBadge } from "~/components/case/case-state-badge";
import { pageTitle } from "~/components/case/meta";
import { EmptyState, PageHeader, Pagination } from "~/components/ui";
import { SEARCH_MAX } from "~/domain/case/schemas";
import { hasTerms, parseSearchTerms, SEARCH_HIT_CAP, SINGLE_CHAR_SCAN } from "~/domain/search/query";
import type { SearchScope } from "~/domain/search/schemas";
import { SEARCH_PREVIEW, SEARCH_SCOPES, searchPageSchema } from "~/domain/search/schemas";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import { searchCaseHits, searchClueHits, searchEvidenceHits } from "~/models/search.server";
import { requirePermission, staffScope } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "search.metaTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "case:read");
  const procuratorateId = staffScope(scope);
  const query = searchPageSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const terms = parseSearchTerms(query.q);
  if (!hasTerms(terms)) return { query, results: null };
  // The "all" tab shows the first few hits of each kind; a kind's tab pages through its hits.
  const size = query.kind === "all" ? SEARCH_PREVIEW : undefined;
  const page = query.kind === "all" ? 1 : query.page;
  const wants = (kind: SearchScope) => query.kind === "all" || query.kind === kind;
  const [cases, clues, evidence] = await Promise.all([
    wants("case") ? searchCaseHits(procuratorateId, terms, page, size) : null,
    wants("clue") ? searchClueHits(procuratorateId, terms, page, size) : null,
    wants("evidence") ? searchEvidenceHits(procuratorateId, terms, page, size) : null,
  ]);
  return { query, results: { cases, clues, evidence } };
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type Results = NonNullable<Loaded["results"]>;
type Section = NonNullable<Results["cases"] | Results["clues"] | Results["evidence"]>;

export default function SearchPage() {
  const { query, results } = useLoaderData<typeof loader>();
  const t = useT();
  const tabHref = (kind: SearchScope) => `?${new URLSearchParams({ q: query.q, kind }).toString()}`;
  const total = results
    ? (results.cases?.counts.total ?? 0) + (results.clues?.counts.total ?? 0) + (results.evidence?.counts.total ?? 0)
    : 0;
  const singleCharOnly = [results?.cases, results?.clues, results?.evidence].some((s) => s?.counts.singleCharOnly);

  return (
    <div className="case-page">
      <PageHeader title={t("search.title")} subtitle={t("search.subtitle")} />
      <section className="card">
        <Form method="get" className="filters" role="search" key={query.q + query.kind} aria-label={t("search.title")}>
          <div className="field field--grow">
            <label htmlFor="q">{t("search.q")}</label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={query.q}
              maxLength={SEARCH_MAX}
              placeholder={t("search.qPlaceholder")}
            />
          </div>
          <input type="hidden" name="kind" value={query.kind} />
          <div className="field">
            <button type="submit" className="button">
              {t("search.submit")}
            </button>
          </div>
        </Form>
        {results ? (
          <nav className="tabs" aria-label={t("search.title")}>
            {SEARCH_SCOPES.map((kind) => (
              <Link
                key={kind}
                to={tabHref(kind)}
                aria-current={kind === query.kind ? "page" : undefined}
                className={kind === query.kind ? "active" : undefined}
              >
                {t(`search.kind.${kind}`)}
              </Link>
            ))}
          </nav>
        ) : null}
        {singleCharOnly ? <p className="notice">{t("search.singleChar", { cap: SINGLE_CHAR_SCAN })}</p> : null}
      </section>

      {!results ? (
        <EmptyState title={t("search.empty")}>
          <p>{t("search.emptyHint")}</p>
        </EmptyState>
      ) : total === 0 ? (
        <EmptyState title={t("search.noHits", { q: query.q })}>
          <p>{t("search.noHitsHint")}</p>
        </EmptyState>
      ) : (
        <>
          {results.cases && results.cases.counts.total > 0 ? (
            <HitSection kind="case" section={results.cases} query={query} tabHref={tabHref}>
              <table className="table table-responsive">
                <thead>
                  <tr>
                    <th scope="col">{t("cases.col.number")}</th>
                    <th scope="col">{t("cases.col.title")}</th>
                    <th scope="col">{t("cases.col.agency")}</th>
                    <th scope="col">{t("cases.col.state")}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.cases.items.map((c) => (
                    <tr key={c.id}>
                      <td data-label={t("cases.col.number")} className="mono nowrap">
                        {c.number ?? <span className="muted">{t("cases.noNumber")}</span>}
                      </td>
                      <td data-label={t("cases.col.title")}>
                        <Link to={`/cases/${c.id}`}>{c.title}</Link>
                      </td>
                      <td data-label={t("cases.col.agency")}>{c.agencyName ?? <span className="muted">—</span>}</td>
                      <td data-label={t("cases.col.state")}>
                        <CaseStateBadge state={c.state} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </HitSection>
          ) : null}
          {results.clues && results.clues.counts.total > 0 ? (
            <HitSection kind="clue" section={results.clues} query={query} tabHref={tabHref}>
              <table className="table table-responsive">
                <thead>
                  <tr>
                    <th scope="col">{t("search.col.clue")}</th>
                    <th scope="col">{t("search.col.received")}</th>
                    <th scope="col">{t("search.col.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.clues.items.map((k) => (
                    <tr key={k.id}>
                      <td data-label={t("search.col.clue")}>
                        <span className="mono">{k.number}</span> <Link to={`/clues/${k.id}`}>{k.summary}</Link>
                      </td>
                      <td data-label={t("search.col.received")} className="nowrap">
                        {formatDate(k.receivedOn, t.locale)}
                      </td>
                      <td data-label={t("search.col.status")}>{t.label("clueStatus", k.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </HitSection>
          ) : null}
          {results.evidence && results.evidence.counts.total > 0 ? (
            <HitSection kind="evidence" section={results.evidence} query={query} tabHref={tabHref}>
              <table className="table table-responsive">
                <thead>
                  <tr>
                    <th scope="col">{t("search.col.evidence")}</th>
                    <th scope="col">{t("search.col.kind")}</th>
                    <th scope="col">{t("search.col.case")}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.evidence.items.map((e) => (
                    <tr key={e.id}>
                      <td data-label={t("search.col.evidence")}>
                        <span>
                          <Link to={`/cases/${e.caseId}/evidence#evidence-${e.id}`}>
                            {e.ordinal}. {e.title}
                          </Link>
                          {e.description ? <span className="muted small case-table__sub">{e.description}</span> : null}
                        </span>
                      </td>
                      <td data-label={t("search.col.kind")}>{t.label("evidenceKind", e.kind)}</td>
                      <td data-label={t("search.col.case")}>
                        <Link to={`/cases/${e.caseId}`}>
                          <span className="mono">{e.caseNumber ?? t("cases.noNumber")}</span> {e.caseTitle}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </HitSection>
          ) : null}
        </>
      )}
    </div>
  );
}

function HitSection({
  kind,
  section,
  query,
  tabHref,
  children,
}: {
  kind: Exclude<SearchScope, "all">;
  section: Section;
  query: Loaded["query"];
  tabHref: (kind: SearchScope) => string;
  children: ReactNode;
}) {
  const t = useT();
  const count = section.counts.capped ? t("search.countMore", { count: SEARCH_HIT_CAP }) : String(section.counts.total);
  return (
    <section className="card" aria-labelledby={`hits-${kind}`}>
      <h2 id={`hits-${kind}`}>{t(`search.section.${kind}`, { count })}</h2>
      {section.counts.capped && query.kind !== "all" ? (
        <p className="notice">{t("search.capped", { cap: SEARCH_HIT_CAP })}</p>
      ) : null}
      <div className="table-wrap">{children}</div>
      {query.kind === "all" ? (
        section.counts.total > section.items.length ? (
          <p>
            <Link to={tabHref(kind)}>{t("search.showAll", { kind: t(`search.kind.${kind}`) })}</Link>
          </p>
        ) : null
      ) : (
        <Pagination page={section.page} pages={section.pages} total={section.counts.total} />
      )}
    </section>
  );
}
