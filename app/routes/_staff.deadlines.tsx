import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { DeadlineTable } from "~/components/deadline/deadline-table";
import { EmptyState, FilterActions, PageHeader, Stat } from "~/components/ui";
import type { BoardFilter, BoardStatus } from "~/domain/deadlines/board";
import {
  BOARD_PAGE_SIZE,
  boardSearch,
  formatBoundedCount,
  parseBoardQuery,
  WITHIN_DEFAULT_DAYS,
  WITHIN_MAX_DAYS,
} from "~/domain/deadlines/board";
import { LIVE_DEADLINE_KINDS } from "~/domain/deadlines/live";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import { deadlineBoard } from "~/models/deadline-board.server";
import { requirePermission, staffScope } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "deadlines.metaTitle");

// The deadline board: a page of 50 stored deadlines at a time (keyset on due date and id), the
// filters and the cursor in the URL, bounded counts. A link we cannot read answers 400 with the
// first page and says so.
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "deadline:read");
  const procuratorateId = staffScope(scope);
  const query = parseBoardQuery(new URL(request.url).searchParams);
  const board = await deadlineBoard(procuratorateId, {
    filter: query.filter,
    cursor: query.ok ? query.cursor : null,
    userId: actor.userId,
  });
  const payload = { filter: query.filter, error: query.ok ? null : query.error, ...board };
  return query.ok ? payload : data(payload, { status: 400 });
}

const STATUS_LABELS = {
  all: "deadlines.filter.statusAll",
  overdue: "deadlines.filter.statusOverdue",
  due_soon: "deadlines.filter.statusDueSoon",
  within: "board.filter.statusWithin",
  running: "board.filter.statusRunning",
  paused: "board.filter.statusPaused",
} as const satisfies Record<BoardStatus, string>;

export default function Deadlines() {
  const { filter, error, today, items, next, prev, missingYears, incompleteYears, counts } = useLoaderData<typeof loader>();
  const t = useT();
  const location = useLocation();
  const filtered = Boolean(filter.kind) || filter.status !== "all" || filter.scope !== "all";
  const view = (status: BoardStatus, days = filter.days) =>
    `/deadlines${boardSearch({ ...filter, status, days } satisfies BoardFilter)}`;
  const count = (n: number) => formatBoundedCount(n, counts.cap);
  const capped = [counts.total, counts.overdue, counts.dueSoon, counts.within, counts.paused].some((n) => n > counts.cap);
  const withinDays = filter.status === "within" ? filter.days : WITHIN_DEFAULT_DAYS;

  return (
    <>
      <PageHeader title={t("deadlines.title")} subtitle={t("deadlines.subtitle")} />

      {error ? (
        <div className="notice notice--warn" role="alert">
          {t(error === "badCursor" ? "board.badCursor" : "board.badFilter")}
        </div>
      ) : null}
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

      <div className="grid grid-4 deadline-stats">
        <Stat value={count(counts.total)} label={t("deadlines.summary.total")} to={view("all")} />
        <Stat value={count(counts.overdue)} label={t("deadlines.summary.overdue")} to={view("overdue")} />
        <Stat value={count(counts.dueSoon)} label={t("deadlines.summary.dueSoon")} to={view("due_soon")} />
        <Stat
          value={count(counts.within)}
          label={t("board.summary.within", { days: withinDays })}
          to={view("within", withinDays)}
        />
        <Stat value={count(counts.paused)} label={t("board.summary.paused")} to={view("paused")} />
      </div>

      <section className="card">
        <Form method="get" className="filters" key={location.search} aria-label={t("common.filter")}>
          <div className="field">
            <label htmlFor="scope">{t("board.filter.scope")}</label>
            <select id="scope" name="scope" defaultValue={filter.scope}>
              <option value="all">{t("board.filter.scopeAll")}</option>
              <option value="mine">{t("board.filter.scopeMine")}</option>
            </select>
          </div>
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
              {(Object.keys(STATUS_LABELS) as BoardStatus[]).map((s) => (
                <option key={s} value={s}>
                  {t(STATUS_LABELS[s])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="days">{t("board.filter.days")}</label>
            <input id="days" name="days" type="number" min={1} max={WITHIN_MAX_DAYS} defaultValue={filter.days} />
          </div>
          <FilterActions resetTo="/deadlines" filtered={filtered} label={t("deadlines.filter.apply")} />
        </Form>
        <p className="muted small">
          {t("deadlines.today", { date: formatDate(today, t.locale) })} {t("board.page.size", { size: BOARD_PAGE_SIZE })}
          {capped ? ` ${t("board.countCapped", { cap: counts.cap })}` : null}
        </p>

        {items.length === 0 ? (
          <EmptyState title={t("deadlines.empty")}>
            <p>{t("deadlines.emptyHint")}</p>
          </EmptyState>
        ) : (
          <DeadlineTable items={items} />
        )}
        <BoardPager filter={filter} prev={prev} next={next} atStart={!prev} />
      </section>
    </>
  );
}

function BoardPager({ filter, prev, next, atStart }: { filter: BoardFilter; prev: string | null; next: string | null; atStart: boolean }) {
  const t = useT();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const onFirst = atStart && !params.has("after") && !params.has("before");
  if (onFirst && !next) return null;
  return (
    <nav className="pagination" aria-label={t("board.page.label")}>
      <span className="actions">
        {onFirst ? null : (
          <Link className="button button--secondary" to={`/deadlines${boardSearch(filter)}`}>
            {t("board.page.first")}
          </Link>
        )}
        {prev ? (
          <Link className="button button--secondary" to={`/deadlines${boardSearch(filter, { before: prev })}`} rel="prev">
            {t("board.page.prev")}
          </Link>
        ) : null}
        {next ? (
          <Link className="button button--secondary" to={`/deadlines${boardSearch(filter, { after: next })}`} rel="next">
            {t("board.page.next")}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
