import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Badge, Card } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import { evidenceItemPath } from "~/domain/evidence/urls";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import { listCaseEvidence } from "~/models/evidence.server";
import { requireCaseRoute } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The evidence tab: the case's evidence items with their collectors and file and custody counts;
// each links to its page (files, custody timeline). Prosecutors register items while the case is open.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "case:read");
  const { editable, items } = await listCaseEvidence(procuratorateId, caseId);
  return { caseId, evidence: items, mayCreate: editable && can(actor, "case:write") };
}

export default function CaseEvidenceTab() {
  const { caseId, evidence, mayCreate } = useLoaderData<typeof loader>();
  // A search hit links to #evidence-<id>: mark that row (CSS :target misses client navigations).
  const { hash } = useLocation();
  const t = useT();
  return (
    <div id="evidence" className="case-section">
      <Card
        title={t("cases.section.evidence")}
        actions={
          mayCreate ? (
            <Link to={`/cases/${caseId}/evidence/new`} className="button">
              {t("evidenceItems.new.link")}
            </Link>
          ) : null
        }
      >
        {evidence.length === 0 ? (
          <p className="muted">{t("cases.evidence.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("cases.evidence.ordinal")}
                  </th>
                  <th scope="col">{t("cases.evidence.title")}</th>
                  <th scope="col">{t("cases.evidence.kind")}</th>
                  <th scope="col">{t("evidenceItems.list.source")}</th>
                  <th scope="col">{t("cases.evidence.collectedOn")}</th>
                  <th scope="col">{t("cases.evidence.collectedBy")}</th>
                  <th scope="col" className="num">
                    {t("cases.evidence.files")}
                  </th>
                  <th scope="col" className="num">
                    {t("cases.evidence.custody")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {evidence.map((e) => (
                  <tr
                    key={e.id}
                    id={`evidence-${e.id}`}
                    className={hash === `#evidence-${e.id}` ? "row-highlight" : undefined}
                    aria-current={hash === `#evidence-${e.id}` ? "true" : undefined}
                  >
                    <td data-label={t("cases.evidence.ordinal")} className="num">
                      {e.ordinal}
                    </td>
                    <td data-label={t("cases.evidence.title")}>
                      <span>
                        <Link to={evidenceItemPath(caseId, e.id)}>{e.title}</Link>
                        {e.isOriginal ? (
                          <>
                            {" "}
                            <Badge tone="info">{t("cases.evidence.original")}</Badge>
                          </>
                        ) : null}
                        {e.containsPersonal ? (
                          <>
                            {" "}
                            <Badge tone="warn">{t("cases.evidence.personal")}</Badge>
                          </>
                        ) : null}
                      </span>
                    </td>
                    <td data-label={t("cases.evidence.kind")} className="nowrap">
                      {t.label("evidenceKind", e.kind)}
                    </td>
                    <td data-label={t("evidenceItems.list.source")} className="nowrap">
                      {t.label("evidenceSource", e.source)}
                    </td>
                    <td data-label={t("cases.evidence.collectedOn")} className="nowrap">
                      {e.collectedOn ? formatDate(e.collectedOn, t.locale) : "—"}
                    </td>
                    <td data-label={t("cases.evidence.collectedBy")}>
                      {[...e.collectors.map((c) => c.user.displayName), ...(e.otherCollectors ? [e.otherCollectors] : [])].join("、") || "—"}
                    </td>
                    <td data-label={t("cases.evidence.files")} className="num">
                      {e._count.files}
                    </td>
                    <td data-label={t("cases.evidence.custody")} className="num">
                      {e._count.custody}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
