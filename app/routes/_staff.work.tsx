import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { DeadlineTable } from "~/components/deadline/deadline-table";
import { Badge, EmptyState, PageHeader, Stat } from "~/components/ui";
import { formatBoundedCount } from "~/domain/deadlines/board";
import { WORK_COUNT_CAP } from "~/domain/work/limits";
import { formatDate, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { myWork } from "~/models/work.server";
import { requirePermission, staffScope } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "work.metaTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "work:read");
  const procuratorateId = staffScope(scope);
  return myWork(procuratorateId, actor.userId);
}

type ApprovalRow = ReturnType<typeof useLoaderData<typeof loader>>["awaiting"][number];

function ApprovalList({ rows, returned }: { rows: ApprovalRow[]; returned?: boolean }) {
  const t = useT();
  return (
    <ul className="work-approvals">
      {rows.map((a) => (
        <li key={a.id}>
          <Link to={`/approvals/${a.id}`}>{a.subject}</Link>{" "}
          <Badge tone={returned ? "danger" : "warn"}>{t.label("approvalKind", a.kind)}</Badge>
          {a.case ? (
            <span className="muted small">
              {" "}
              <Link to={`/cases/${a.case.id}`}>{a.case.number ?? a.case.title}</Link>
            </span>
          ) : null}
          <div className="muted small">
            {returned && a.decidedAt
              ? t("work.returnedOn", { date: formatDateTime(a.decidedAt, t.locale), reason: a.comment ?? "" })
              : t("work.requestedOn", { date: formatDateTime(a.requestedAt, t.locale) })}
          </div>
        </li>
      ))}
    </ul>
  );
}

const OVERDUE_LINK = "/deadlines?scope=mine&status=overdue";
const DUE_SOON_LINK = "/deadlines?scope=mine&status=due_soon";

/** The rest of a list that /work shows only the start of. */
function MoreLink({ shown, total, to }: { shown: number; total: number; to: string }) {
  const t = useT();
  if (total <= shown) return null;
  return (
    <p className="small">
      <Link to={to}>{t("work.more", { count: formatBoundedCount(total, WORK_COUNT_CAP) })}</Link>
    </p>
  );
}

export default function MyWork() {
  const { today, overdue, dueSoon, awaiting, returned, counts } = useLoaderData<typeof loader>();
  const t = useT();
  const nothing = !overdue.length && !dueSoon.length && !awaiting.length && !returned.length;
  return (
    <>
      <PageHeader title={t("work.title")} subtitle={t("work.subtitle", { date: formatDate(today, t.locale) })} />
      <div className="grid grid-4">
        <Stat value={formatBoundedCount(counts.overdue, WORK_COUNT_CAP)} label={t("work.stat.overdue")} to={OVERDUE_LINK} />
        <Stat value={formatBoundedCount(counts.dueSoon, WORK_COUNT_CAP)} label={t("work.stat.dueSoon")} to={DUE_SOON_LINK} />
        <Stat value={formatBoundedCount(counts.awaiting, WORK_COUNT_CAP)} label={t("work.stat.awaiting")} to="/approvals" />
        <Stat value={formatBoundedCount(counts.cases, WORK_COUNT_CAP)} label={t("work.stat.cases")} to="/cases?state=active" />
      </div>
      {nothing ? (
        <section className="card">
          <EmptyState title={t("work.empty")}>
            <p>
              {t("work.emptyHint")} <Link to="/cases">{t("nav.cases")}</Link>
            </p>
          </EmptyState>
        </section>
      ) : null}
      {returned.length ? (
        <section className="card" aria-labelledby="work-returned">
          <h2 id="work-returned">{t("work.returned")}</h2>
          <ApprovalList rows={returned} returned />
        </section>
      ) : null}
      {overdue.length ? (
        <section className="card" aria-labelledby="work-overdue">
          <h2 id="work-overdue">{t("work.overdue")}</h2>
          <DeadlineTable items={overdue} />
          <MoreLink shown={overdue.length} total={counts.overdue} to={OVERDUE_LINK} />
        </section>
      ) : null}
      {dueSoon.length ? (
        <section className="card" aria-labelledby="work-due-soon">
          <h2 id="work-due-soon">{t("work.dueSoon")}</h2>
          <DeadlineTable items={dueSoon} />
          <MoreLink shown={dueSoon.length} total={counts.dueSoon} to={DUE_SOON_LINK} />
        </section>
      ) : null}
      {awaiting.length ? (
        <section className="card" aria-labelledby="work-awaiting">
          <h2 id="work-awaiting">{t("work.awaiting")}</h2>
          <ApprovalList rows={awaiting} />
          <MoreLink shown={awaiting.length} total={counts.awaiting} to="/approvals" />
        </section>
      ) : null}
    </>
  );
}
