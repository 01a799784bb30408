import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Badge, Card } from "~/components/ui";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import { getCaseEvidence } from "~/models/case-page.server";
import { requireCaseRoute } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The evidence tab: the case's evidence items with their file and custody counts.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procuratorateId, caseId } = await requireCaseRoute(request, params, "case:read");
  return { evidence: await getCaseEvidence(procuratorateId, caseId) };
}

export default function CaseEvidenceTab() {
  const { evidence } = useLoaderData<typeof loader>();
  // A search hit links to #evidence-<id>: mark that row (CSS :target misses client navigations).
  const { hash } = useLocation();
  const t = useT();
  return (
    <div id="evidence" className="case-section">
      <Card title={t("cases.section.evidence")}>
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
                        {e.title}
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
                    <td data-label={t("cases.evidence.collectedOn")} className="nowrap">
                      {e.collectedOn ? formatDate(e.collectedOn, t.locale) : "—"}
                    </td>
                    <td data-label={t("cases.evidence.collectedBy")}>{e.otherCollectors ?? "—"}</td>
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
