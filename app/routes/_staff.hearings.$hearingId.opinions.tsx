import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StanceBadge } from "~/components/hearing/hearing-badges";
import { Badge, Card } from "~/components/ui";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { getHearingOpinions } from "~/models/hearing.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// Deliberation and opinions tab: sealed until the hearing concludes, then per case each seated
// panelist's signed opinion and the majority (听证规定 Art 16), and the record's summaries.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  return getHearingOpinions(procuratorateId, params.hearingId);
}

export default function HearingOpinions() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  if (!data.opinionsOpen) {
    return (
      <Card title={t("hearings.opinions")}>
        <p className="muted">{t("hearings.opinions.sealed", { n: data.submittedOpinions })}</p>
      </Card>
    );
  }
  return (
    <Card title={t("hearings.opinions")}>
      {data.deliberationSummary ? (
        <>
          <h3>{t("hearings.deliberationSummary")}</h3>
          <p className="pre-line">{data.deliberationSummary}</p>
        </>
      ) : null}
      {data.cases.map((hc) => {
        const entry = data.opinionsByCase.find((o) => o.caseId === hc.case.id);
        if (!entry) return null;
        const { tally, opinions } = entry;
        return (
          <details key={hc.case.id} className="opinion-case" open={data.cases.length === 1}>
            <summary>
              <span className="opinion-case__title">
                {hc.ordinal}. {hc.case.number ?? hc.case.title}
                {hc.case.number ? <span className="muted small"> {hc.case.title}</span> : null}
              </span>
              <span className="opinion-case__tally">
                {opinions.length === 0 ? (
                  <span className="muted">{t("hearings.opinions.none")}</span>
                ) : (
                  <>
                    {t("hearings.opinions.tally", {
                      agree: tally.agree,
                      disagree: tally.disagree,
                      conditional: tally.conditional,
                      total: tally.total,
                    })}{" "}
                    {tally.majority ? (
                      <Badge tone="info">
                        {t(tally.absolute ? "hearings.opinions.majority" : "hearings.opinions.majorityRelative", {
                          stance: t.label("opinionStance", tally.majority),
                        })}
                      </Badge>
                    ) : (
                      <Badge tone="warn">{t("hearings.opinions.noMajority")}</Badge>
                    )}
                  </>
                )}
              </span>
            </summary>
            {opinions.length === 0 ? null : (
              <>
                <p className="small">
                  <Link to={`/cases/${hc.case.id}`}>{t("hearings.opinions.openCase")}</Link>
                </p>
                <div className="table-wrap">
                  <table className="table table-responsive">
                    <thead>
                      <tr>
                        <th scope="col">{t("hearings.col.panelist")}</th>
                        <th scope="col">{t("hearings.col.stance")}</th>
                        <th scope="col">{t("hearings.col.reasons")}</th>
                        <th scope="col">{t("hearings.col.signed")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {opinions.map((o) => (
                        <tr key={o.panelistId}>
                          <td data-label={t("hearings.col.panelist")}>
                            <div>
                              {o.panelist.name}
                              <div className="muted small">{t.label("panelistCategory", o.panelist.category)}</div>
                            </div>
                          </td>
                          <td data-label={t("hearings.col.stance")}>
                            <StanceBadge stance={o.stance} />
                          </td>
                          <td data-label={t("hearings.col.reasons")}>
                            <div>
                              <div className="pre-line">{o.reasons}</div>
                              {o.conditions ? (
                                <div className="small">{t("hearings.opinions.conditions", { text: o.conditions })}</div>
                              ) : null}
                            </div>
                          </td>
                          <td data-label={t("hearings.col.signed")}>
                            <div>
                              {o.signedName}
                              <div className="muted small nowrap">{formatDateTime(o.submittedAt, t.locale)}</div>
                            </div>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </details>
        );
      })}
      <p className="muted small">{t("hearings.opinions.departureNote")}</p>
      {data.hostSummary ? (
        <>
          <h3>{t("hearings.hostSummary")}</h3>
          <p className="pre-line">{data.hostSummary}</p>
        </>
      ) : null}
    </Card>
  );
}
