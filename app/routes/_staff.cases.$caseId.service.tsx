import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AnswerStatusBadge, FollowUpConclusionBadge, ReplyStatusBadge } from "~/components/recommendation/badges";
import { Card, Facts } from "~/components/ui";
import { formatDate, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import type { CaseServices } from "~/models/case-page.server";
import { getCaseServices } from "~/models/case-page.server";
import { requireCaseRoute } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The service and replies tab: how each document reached the agency (送达回证; the service date
// starts the reply clock, 民诉法 Art 87), the agency's replies point by point, and the follow-up
// assessments (规则 Art 77).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procuratorateId, caseId } = await requireCaseRoute(request, params, "case:read");
  return { caseId, ...(await getCaseServices(procuratorateId, caseId)) };
}

export default function CaseServiceTab() {
  const { caseId, recommendations, services, followUps } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="stack">
      <div id="recommendation-services" className="case-section">
        <Card
          title={t("casepage.service.recommendations")}
          actions={<Link to={`/cases/${caseId}/serve`}>{t("agencyReply.service.title")}</Link>}
        >
          {recommendations.length === 0 ? (
            <p className="muted">{t("cases.recommendations.none")}</p>
          ) : (
            <div className="stack">
              {recommendations.map((r) => (
                <RecommendationService key={r.id} rec={r} />
              ))}
            </div>
          )}
        </Card>
      </div>

      <div id="services" className="case-section">
        <Card title={t("cases.services.other")}>
          {services.length === 0 ? (
            <p className="muted">{t("casepage.service.noOther")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table-responsive">
                <thead>
                  <tr>
                    <th scope="col">{t("cases.services.document")}</th>
                    <th scope="col">{t("cases.services.recipient")}</th>
                    <th scope="col">{t("cases.services.method")}</th>
                    <th scope="col">{t("cases.services.servedOn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {services.map((s) => (
                    <tr key={s.id}>
                      <td data-label={t("cases.services.document")}>
                        <span>
                          {t.label("documentKind", s.documentKind)}
                          {s.documentNumber ? <span className="mono small"> {s.documentNumber}</span> : null}
                          {s.document ? (
                            <span className="small case-table__sub">
                              <a href={`/documents/${s.document.id}`}>{s.document.title}</a>
                            </span>
                          ) : null}
                        </span>
                      </td>
                      <td data-label={t("cases.services.recipient")}>{recipientOf(s.agency, s.recipient)}</td>
                      <td data-label={t("cases.services.method")}>{t.label("serviceMethod", s.method)}</td>
                      <td data-label={t("cases.services.servedOn")} className="nowrap">
                        {formatDate(s.servedOn, t.locale)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>

      <div id="follow-ups" className="case-section">
        <Card title={t("cases.section.followUps")}>
          {followUps.length === 0 ? (
            <p className="muted">{t("cases.followUps.none")}</p>
          ) : (
            <div className="stack">
              {followUps.map((f) => (
                <article key={f.id} className="subcard">
                  <h3>
                    {formatDate(f.assessedOn, t.locale)} · <FollowUpConclusionBadge conclusion={f.conclusion} />
                  </h3>
                  <Facts
                    items={[
                      [t("cases.followUps.method"), f.method],
                      [t("cases.followUps.recommendation"), f.recommendation?.number ?? null],
                      [t("cases.followUps.findings"), f.findings],
                      [t("cases.followUps.disposition"), f.disposition ? t.label("cases.disposition", f.disposition) : null],
                    ]}
                  />
                </article>
              ))}
            </div>
          )}
        </Card>
      </div>
    </div>
  );
}

/** The agency and the person who signed for it, without repeating the agency's name. */
function recipientOf(agency: { name: string } | null, recipient: string): string {
  return agency && agency.name !== recipient ? `${agency.name} · ${recipient}` : recipient;
}

function RecommendationService({ rec }: { rec: CaseServices["recommendations"][number] }) {
  const t = useT();
  const pointText = new Map(rec.points.map((p) => [p.ordinal, p.text]));
  return (
    <article className="subcard">
      <h3>
        <span className="mono">{rec.number ?? t("cases.recommendations.noNumber")}</span>
      </h3>
      <h4>{t("cases.recommendations.services")}</h4>
      {rec.services.length === 0 ? (
        <p className="muted">{t("cases.recommendations.notServed")}</p>
      ) : (
        <ul className="plain-list">
          {rec.services.map((s) => (
            <li key={s.id}>
              <strong>{formatDate(s.servedOn, t.locale)}</strong> · {t.label("serviceMethod", s.method)} ·{" "}
              {recipientOf(s.agency, s.recipient)}
              {s.signedBy ? <span className="muted small"> ({t("cases.services.signedBy", { name: s.signedBy })})</span> : null}
              {s.document ? (
                <>
                  {" · "}
                  <a href={`/documents/${s.document.id}`}>{s.document.title}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h4>{t("cases.recommendations.replies")}</h4>
      {rec.replies.length === 0 ? (
        <p className="muted">{t("cases.recommendations.noReply")}</p>
      ) : (
        rec.replies.map((reply) => (
          <div key={reply.id} className="reply">
            <p>
              <strong>{reply.agency.name}</strong> <ReplyStatusBadge status={reply.status} />{" "}
              <span className="muted small">
                {reply.submittedAt ? formatDateTime(reply.submittedAt, t.locale) : ""}
                {reply._count.attachments ? ` · ${t("cases.recommendations.attachments", { count: reply._count.attachments })}` : ""}
              </span>
            </p>
            <p className="prewrap">{reply.summary}</p>
            {reply.answers.length ? (
              <ul className="answers">
                {reply.answers.map((a) => (
                  <li key={a.ordinal}>
                    <div>
                      <span className="muted small">{t("cases.recommendations.pointN", { n: a.ordinal })}</span>{" "}
                      <AnswerStatusBadge status={a.status} />
                    </div>
                    {pointText.get(a.ordinal) ? <div className="muted small answer-point">{pointText.get(a.ordinal)}</div> : null}
                    <div className="prewrap">{a.text}</div>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ))
      )}
    </article>
  );
}
