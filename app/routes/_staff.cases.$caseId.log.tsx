import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DecisionBadge } from "~/components/approval/decision-badge";
import { Card } from "~/components/ui";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { getCaseLog } from "~/models/case-page.server";
import { requireCaseRoute } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The log tab: the case's approval requests and its timeline (state changes and audited events).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procuratorateId, caseId } = await requireCaseRoute(request, params, "case:read");
  return await getCaseLog(procuratorateId, caseId);
}

export default function CaseLogTab() {
  const { approvals, timeline } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="stack">
      <div id="approvals" className="case-section">
        <Card title={t("cases.section.approvals")}>
          {approvals.length === 0 ? (
            <p className="muted">{t("cases.approvals.none")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table-responsive">
                <thead>
                  <tr>
                    <th scope="col">{t("cases.approvals.kind")}</th>
                    <th scope="col">{t("cases.approvals.subject")}</th>
                    <th scope="col">{t("cases.approvals.requested")}</th>
                    <th scope="col">{t("cases.approvals.decision")}</th>
                    <th scope="col">{t("cases.approvals.decided")}</th>
                  </tr>
                </thead>
                <tbody>
                  {approvals.map((a) => (
                    <tr key={a.id}>
                      <td data-label={t("cases.approvals.kind")} className="nowrap">
                        {t.label("approvalKind", a.kind)}
                      </td>
                      <td data-label={t("cases.approvals.subject")}>
                        <span>
                          <Link to={`/approvals/${a.id}`}>{a.subject}</Link>
                          {a.comment ? <span className="muted small case-table__sub">{a.comment}</span> : null}
                        </span>
                      </td>
                      <td data-label={t("cases.approvals.requested")}>
                        <span>
                          {a.requestedBy.displayName}
                          <span className="muted small case-table__sub">{formatDateTime(a.requestedAt, t.locale)}</span>
                        </span>
                      </td>
                      <td data-label={t("cases.approvals.decision")}>
                        <DecisionBadge decision={a.decision} />
                      </td>
                      <td data-label={t("cases.approvals.decided")}>
                        {a.decidedBy ? (
                          <span>
                            {a.decidedBy.displayName}
                            <span className="muted small case-table__sub">
                              {a.decidedAt ? formatDateTime(a.decidedAt, t.locale) : ""}
                            </span>
                          </span>
                        ) : (
                          "—"
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>

      <div id="timeline" className="case-section">
        <Card title={t("cases.section.timeline")}>
          {timeline.length === 0 ? (
            <p className="muted">{t("cases.timeline.none")}</p>
          ) : (
            <ol className="timeline">
              {timeline.map((e) => (
                <li key={e.key}>
                  <div className="when">
                    {formatDateTime(e.at, t.locale)}
                    {e.actor ? ` · ${e.actor}` : ""}
                  </div>
                  {e.kind === "transition" ? (
                    <div>
                      {t("cases.timeline.transition", {
                        from: t.label("caseState", e.from),
                        to: t.label("caseState", e.to),
                      })}
                      {e.reason ? <div className="muted small">{e.reason}</div> : null}
                    </div>
                  ) : (
                    <div>{auditLabel(t, e.action, e.entityType)}</div>
                  )}
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </div>
  );
}

function auditLabel(t: ReturnType<typeof useT>, action: string, entityType: string): string {
  const label = t.label("cases.audit", action);
  // An action without a label reads as "<entity> · <action>", still meaningful to a clerk.
  return label === action ? `${entityType} · ${action}` : label;
}
