import { pageParamSchema } from "~/utils/pagination";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DecisionBadge } from "~/components/approval/decision-badge";
import { APPROVAL_HISTORY_MAX, APPROVAL_QUEUE_MAX } from "~/domain/approval/list";
import { can } from "~/domain/auth/policy";
import { formatBoundedCount } from "~/domain/deadlines/board";
import { pageTitle } from "~/components/case/meta";
import { Badge, Card, EmptyState, PageHeader, Pagination } from "~/components/ui";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { listApprovals } from "~/models/approval.server";
import { requirePermission, staffScope } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "approvals.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "approval:read");
  const procuratorateId = staffScope(scope);
  const page = pageParamSchema.parse(new URL(request.url).searchParams.get("page"));
  const list = await listApprovals(procuratorateId, { userId: actor.userId, role: actor.role }, { page });
  return { ...list, isApprover: can(actor, "approval:queue") };
}

type Row = Awaited<ReturnType<typeof loader>>["pending"][number];

function ApprovalTable({ rows, decided }: { rows: Row[]; decided: boolean }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table table-responsive">
        <thead>
          <tr>
            <th scope="col">{t("approvals.col.kind")}</th>
            <th scope="col">{t("approvals.col.subject")}</th>
            <th scope="col">{t("approvals.col.case")}</th>
            <th scope="col">{t("approvals.col.requestedBy")}</th>
            <th scope="col">{t("approvals.col.requestedAt")}</th>
            <th scope="col">{t("approvals.col.decision")}</th>
            {decided ? (
              <>
                <th scope="col">{t("approvals.col.decidedBy")}</th>
                <th scope="col">{t("approvals.col.comment")}</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              <td data-label={t("approvals.col.kind")} className="nowrap">
                {t.label("approvalKind", a.kind)}
              </td>
              <td data-label={t("approvals.col.subject")}>
                <Link to={`/approvals/${a.id}`}>{a.subject}</Link>
              </td>
              <td data-label={t("approvals.col.case")}>
                {a.case ? (
                  // The subject already names the case; the number links to it, the title is its tooltip.
                  <Link to={`/cases/${a.case.id}`} title={a.case.title} className="nowrap">
                    {a.case.number ?? t("approvals.caseUnnumbered")}
                  </Link>
                ) : (
                  <span className="muted">{t("approvals.noCase")}</span>
                )}
              </td>
              <td data-label={t("approvals.col.requestedBy")} className="nowrap">
                {a.requestedBy.displayName}
              </td>
              <td data-label={t("approvals.col.requestedAt")} className="nowrap">
                {formatDateTime(a.requestedAt, t.locale)}
              </td>
              <td data-label={t("approvals.col.decision")}>
                <DecisionBadge decision={a.decision} />
              </td>
              {decided ? (
                <>
                  <td data-label={t("approvals.col.decidedBy")} className="nowrap">
                    <div>
                      {a.decidedBy?.displayName ?? "—"}
                      {a.decidedAt ? (
                        <div className="muted small nowrap">{formatDateTime(a.decidedAt, t.locale)}</div>
                      ) : null}
                    </div>
                  </td>
                  <td data-label={t("approvals.col.comment")} className="pre-line">
                    {a.comment ?? "—"}
                  </td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Approvals() {
  const { pending, pendingTotal, decided, decidedTotal, page, pages, isApprover } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("approvals.title")}
        subtitle={isApprover ? t("approvals.subtitleApprover") : t("approvals.subtitleProsecutor")}
      />
      <Card
        title={
          <>
            {t("approvals.pending")}{" "}
            <Badge tone={pending.length ? "warn" : "neutral"}>{formatBoundedCount(pendingTotal, APPROVAL_QUEUE_MAX)}</Badge>
          </>
        }
      >
        {pending.length ? (
          <>
            <ApprovalTable rows={pending} decided={false} />
            {pendingTotal > pending.length ? (
              <p className="muted small">{t("approvals.queueCapped", { cap: APPROVAL_QUEUE_MAX })}</p>
            ) : null}
          </>
        ) : (
          <EmptyState title={t("approvals.pendingEmpty")}>
            <p>{isApprover ? t("approvals.pendingEmptyHintApprover") : t("approvals.pendingEmptyHintProsecutor")}</p>
          </EmptyState>
        )}
      </Card>
      <Card title={t("approvals.decided")}>
        {decided.length ? (
          <>
            <ApprovalTable rows={decided} decided />
            <Pagination page={page} pages={pages} total={Math.min(decidedTotal, APPROVAL_HISTORY_MAX)} />
            {decidedTotal > APPROVAL_HISTORY_MAX ? (
              <p className="muted small">{t("approvals.historyCapped", { cap: APPROVAL_HISTORY_MAX })}</p>
            ) : null}
          </>
        ) : (
          <EmptyState title={t("approvals.decidedEmpty")} />
        )}
      </Card>
    </>
  );
}
