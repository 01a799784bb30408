import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, Card } from "~/components/ui";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { getCaseDocuments } from "~/models/case-page.server";
import { requireCaseRoute } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The documents tab: the documents generated for the case (立案决定书, 检察建议书 …), newest first.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procuratorateId, caseId } = await requireCaseRoute(request, params, "case:read");
  return { documents: await getCaseDocuments(procuratorateId, caseId) };
}

export default function CaseDocumentsTab() {
  const { documents } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div id="documents" className="case-section">
      <Card title={t("casepage.tab.documents")}>
        {documents.length === 0 ? (
          <p className="muted">{t("casepage.documents.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th scope="col">{t("casepage.documents.title")}</th>
                  <th scope="col">{t("casepage.documents.kind")}</th>
                  <th scope="col">{t("casepage.documents.number")}</th>
                  <th scope="col">{t("casepage.documents.created")}</th>
                  <th scope="col" className="num">
                    {t("casepage.documents.services")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {documents.map((doc) => (
                  <tr key={doc.id}>
                    <td data-label={t("casepage.documents.title")}>
                      <span>
                        {doc.title}
                        {doc.agencyVisible ? (
                          <>
                            {" "}
                            <Badge tone="info">{t("casepage.documents.agencyVisible")}</Badge>
                          </>
                        ) : null}
                      </span>
                    </td>
                    <td data-label={t("casepage.documents.kind")}>{t.label("documentKind", doc.kind)}</td>
                    <td data-label={t("casepage.documents.number")} className="mono">
                      {doc.number ?? t("casepage.documents.noNumber")}
                    </td>
                    <td data-label={t("casepage.documents.created")}>
                      <span>
                        {doc.createdBy.displayName}
                        <span className="muted small case-table__sub">{formatDateTime(doc.createdAt, t.locale)}</span>
                      </span>
                    </td>
                    <td data-label={t("casepage.documents.services")} className="num">
                      {doc._count.services}
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
