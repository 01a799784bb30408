import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { DeadlineTable } from "~/components/deadline/deadline-table";
import { Badge, EmptyState, PageHeader, Stat } from "~/components/ui";
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

export default function MyWork() {
  const { today, overdue, dueSoon, awaiting, returned, caseCount } = useLoaderData<typeof loader>();
  const t = useT();
  const nothing = !overdue.length && !dueSoon.length && !awaiting.length && !returned.length;
  return (
    <>
      <PageHeader title={t("work.title")} subtitle={t("work.subtitle", { date: formatDate(today, t.locale) })} />
      <div className="grid grid-4">
        <Stat value={overdue.length} label={t("work.stat.overdue")} to="/cases?due=overdue&sort=due" />
        <Stat value={dueSoon.length} label={t("work.stat.dueSoon")} to="/deadlines?status=due_soon" />
        <Stat value={awaiting.length} label={t("work.stat.awaiting")} to="/approvals" />
        <Stat value={caseCount} label={t("work.stat.cases")} to="/cases?state=active" />
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
        </section>
      ) : null}
      {dueSoon.length ? (
        <section className="card" aria-labelledby="work-due-soon">
          <h2 id="work-due-soon">{t("work.dueSoon")}</h2>
          <DeadlineTable items={dueSoon} />
        </section>
      ) : null}
      {awaiting.length ? (
        <section className="card" aria-labelledby="work-awaiting">
          <h2 id="work-awaiting">{t("work.awaiting")}</h2>
          <ApprovalList rows={awaiting} />
        </section>
      ) : null}
    </>
  );
}
