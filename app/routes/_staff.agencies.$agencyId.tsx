import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CaseStateBadge } from "~/components/case/case-state-badge";
import { pageTitle } from "~/components/case/meta";
import { RecommendationStatusBadge, ReplyStatusBadge } from "~/components/recommendation/badges";
import { RatesTable } from "~/components/recommendation/rates-table";
import { Card, PageHeader } from "~/components/ui";
import { formatDate, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { getAgencyPage } from "~/models/rates.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "agencyAssess.agency.title", undefined, data?.agency.name ?? null);

// An agency's page for the procuratorate's staff (issue 11 §6): its cases, the recommendations
// served on it with their replies, and its honest rates by year. Another procuratorate's agency is 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "agency:read");
  const procuratorateId = staffScope(scope);
  if (!params.agencyId) notFound();
  return await getAgencyPage(procuratorateId, params.agencyId);
}

export default function AgencyPage() {
  const { agency, cases, recommendations, rates } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="stack">
      <PageHeader title={agency.name} subtitle={t("agencyAssess.agency.title")} />
      <Card title={t("agencyAssess.rates.title")}>
        <RatesTable rates={rates} />
      </Card>
      <Card title={t("agencyAssess.agency.cases")}>
        {cases.length === 0 ? (
          <p className="muted">{t("agencyAssess.agency.noCases")}</p>
        ) : (
          <ul className="plain-list">
            {cases.map((c) => (
              <li key={c.id}>
                <Link to={`/cases/${c.id}`}>
                  {c.number ? <span className="mono">{c.number}</span> : null} {c.title}
                </Link>{" "}
                <CaseStateBadge state={c.state} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("agencyAssess.agency.recommendations")}>
        {recommendations.length === 0 ? (
          <p className="muted">{t("agencyAssess.agency.noRecommendations")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th scope="col">{t("agencyAssess.agency.number")}</th>
                  <th scope="col">{t("common.status")}</th>
                  <th scope="col">{t("agencyAssess.agency.dueOn")}</th>
                  <th scope="col">{t("agencyAssess.agency.reply")}</th>
                </tr>
              </thead>
              <tbody>
                {recommendations.map((r) => {
                  const reply = r.replies[0];
                  return (
                    <tr key={r.id}>
                      <td data-label={t("agencyAssess.agency.number")}>
                        <Link to={`/cases/${r.caseId}/assessment`} className="mono">
                          {r.number ?? t("cases.recommendations.noNumber")}
                        </Link>
                      </td>
                      <td data-label={t("common.status")}>
                        <RecommendationStatusBadge status={r.status} />
                      </td>
                      <td data-label={t("agencyAssess.agency.dueOn")}>{r.deadlines[0] ? formatDate(r.deadlines[0].dueOn, t.locale) : "—"}</td>
                      <td data-label={t("agencyAssess.agency.reply")}>
                        {reply ? (
                          <span>
                            <ReplyStatusBadge status={reply.status} />{" "}
                            <span className="muted small">
                              {reply.receiptNumber ?? ""} {reply.submittedAt ? formatDateTime(reply.submittedAt, t.locale) : ""}
                              {reply.late ? ` · ${t("agencyAssess.late")}` : ""}
                            </span>
                          </span>
                        ) : (
                          <span className="muted">{t("agencyAssess.agency.noReply")}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
