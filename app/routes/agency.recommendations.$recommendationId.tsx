import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/components/case/meta";
import { Link, useLoaderData } from "@remix-run/react";
import {
  AnswerStatusBadge,
  DaysBadge,
  formatFileSize,
  Prose,
  ReplyStatusBadge,
  SectionTitle,
} from "~/components/portal";
import { Card, EmptyState, Facts, PageHeader } from "~/components/ui";
import { AGENCY_DUE_SOON_DAYS, agencyReplyClock, dateInShanghai, explainSteps } from "~/domain/deadlines";
import { formatDate, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { getServedRecommendation } from "~/models/agency-portal.server";
import { calendarFor } from "~/models/deadline.server";
import { agencyScope, requirePermission } from "~/utils/auth.server";
import type { ReplyStatus } from "~/domain/recommendation/reply";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "documentKind.recommendation", undefined, data?.recommendation.number ?? null);

// A recommendation as served on the liaison's agency; one never served on it is not found.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "agency:use");
  const mine = agencyScope(scope);
  const recommendation = await getServedRecommendation(mine, params.recommendationId ?? "");
  // The reply period runs from the first service on this agency (两高解释 Art 21; the 送达回证
  // date is the service date, 民诉法 Art 87).
  const clock = agencyReplyClock(
    {
      replyPeriod: recommendation.replyPeriod,
      servedOn: recommendation.services.map((s) => s.servedOn),
      replyStatuses: recommendation.replies.map((r) => r.status),
    },
    await calendarFor(mine.procuratorateId),
    dateInShanghai(new Date()),
    AGENCY_DUE_SOON_DAYS
  );
  const replied = clock?.replied ?? false;
  return { recommendation, deadline: clock, replied };
}

type Rec = ReturnType<typeof useLoaderData<typeof loader>>["recommendation"];

export default function AgencyRecommendation() {
  const { recommendation: rec, deadline, replied } = useLoaderData<typeof loader>();
  const t = useT();
  const period = t.label("replyPeriod", rec.replyPeriod);
  const fmt = (d: string) => formatDate(d, t.locale);
  return (
    <>
      <PageHeader
        crumbs={[{ to: "/agency", label: t("portal.rec.crumb") }]}
        title={rec.number ?? t("portal.rec.unnumbered")}
        subtitle={t("portal.rec.case", { title: rec.caseTitle })}
      />

      <div className="portal-doc-layout">
        <article className="card official-doc" aria-label={t("portal.rec.docTitle")}>
          <p className="official-doc__org">{rec.procuratorate}</p>
          <h2 className="official-doc__title">{t("portal.rec.docTitle")}</h2>
          {rec.number ? <p className="official-doc__number">{rec.number}</p> : null}
          {rec.agency ? (
            <p className="official-doc__addressee">{t("portal.rec.addressee", { agency: rec.agency })}</p>
          ) : null}
          <h3>{t("portal.rec.facts")}</h3>
          <Prose text={rec.facts} className="official-doc__body" />
          <h3>{t("portal.rec.reasons")}</h3>
          <Prose text={rec.reasons} className="official-doc__body" />
          <h3>{t("portal.rec.legalBasis")}</h3>
          <Prose text={rec.legalBasis} className="official-doc__body" />
          <h3>{t("portal.rec.points")}</h3>
          <ol className="official-doc__points">
            {rec.points.map((p) => (
              <li key={p.id} value={p.ordinal}>
                <Prose text={p.text} />
              </li>
            ))}
          </ol>
          <p className="official-doc__body">{t("portal.rec.replyClause", { period: t.label("replyPeriodPhrase", rec.replyPeriod) })}</p>
          <p className="official-doc__sign">
            {rec.procuratorate}
            {rec.issuedOn ? (
              <>
                <br />
                {formatDate(rec.issuedOn, t.locale)}
              </>
            ) : null}
          </p>
          {rec.ccList ? <p className="official-doc__cc">{t("portal.rec.cc", { list: rec.ccList })}</p> : null}
        </article>

        <div>
          {deadline ? (
            <Card title={t("portal.rec.deadline")}>
              <Facts
                items={[
                  [t("portal.rec.period"), period],
                  [t("portal.rec.basis"), t.dynamic(deadline.basisKey)],
                  [t("portal.rec.servedOn"), fmt(deadline.triggerOn)],
                  [t("portal.rec.dueOn"), <strong key="due">{fmt(deadline.dueOn)}</strong>],
                  [
                    t("portal.rec.remaining"),
                    <DaysBadge key="d" days={deadline.days} status={deadline.status} replied={replied} />,
                  ],
                ]}
              />
              <SectionTitle>{t("portal.rec.howCounted")}</SectionTitle>
              <ol className="portal-steps">
                {explainSteps(deadline.steps, (key, vars) => t.dynamic(key, vars), t.locale, fmt).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ol>
              {deadline.calendarWarning ? (
                <p className="notice notice--warn">
                  {t.dynamic(deadline.calendarWarning.key, deadline.calendarWarning.vars)}
                </p>
              ) : null}
            </Card>
          ) : null}

          <Card title={t("portal.rec.service")}>
            <ServiceRecords services={rec.services} />
          </Card>
        </div>
      </div>

      <Card
        title={t("portal.rec.replies")}
        actions={
          <Link className="button" to={`/agency/recommendations/${rec.id}/${replied ? "receipt" : "reply"}`}>
            {replied ? t("agencyReply.reply.viewReceipt") : t("agencyReply.reply.continue")}
          </Link>
        }
      >
        {rec.replies.length ? (
          rec.replies.map((r) => <ReplyView key={r.id} reply={r} points={rec.points} />)
        ) : (
          <EmptyState title={t("portal.rec.repliesEmpty")}>
            <p className="muted small">{t("portal.rec.repliesEmptyHint")}</p>
          </EmptyState>
        )}
      </Card>
    </>
  );
}

function ServiceRecords({ services }: { services: Rec["services"] }) {
  const t = useT();
  return (
    <>
      {services.map((s, i) => (
        <div key={s.id} className={i > 0 ? "portal-service portal-service--more" : "portal-service"}>
          <Facts
            items={[
              [t("portal.rec.col.servedOn"), formatDate(s.servedOn, t.locale)],
              [t("portal.rec.col.method"), t.label("serviceMethod", s.method)],
              [t("portal.rec.col.place"), s.place],
              [t("portal.rec.col.recipient"), s.recipient],
              [
                t("portal.rec.col.signedBy"),
                s.signedBy ??
                  (s.refusalReason
                    ? t("portal.rec.refused", { reason: s.refusalReason, witness: s.witness ?? "—" })
                    : null),
              ],
              [t("portal.rec.col.server"), s.serverName],
            ]}
          />
          {s.document ? (
            <p className="small">
              <a href={`/documents/${s.document.id}`} download>
                {t("agencyReply.portal.downloadLetter", { title: s.document.title })}
              </a>
            </p>
          ) : null}
        </div>
      ))}
    </>
  );
}

function ReplyView({ reply, points }: { reply: Rec["replies"][number]; points: Rec["points"] }) {
  const t = useT();
  return (
    <section className="portal-reply">
      <SectionTitle>
        {reply.submittedAt
          ? t("portal.rec.replyHeading", { date: formatDate(reply.submittedAt, t.locale) })
          : t("portal.rec.replyHeadingDraft")}{" "}
        <ReplyStatusBadge status={reply.status} />
      </SectionTitle>
      {reply.status === ("draft" satisfies ReplyStatus) ? <p className="notice notice--warn">{t("portal.rec.replyDraftNote")}</p> : null}
      <Facts
        items={[
          [t("portal.rec.replySubmittedAt"), reply.submittedAt ? formatDateTime(reply.submittedAt, t.locale) : null],
          [t("portal.rec.replySubmittedBy"), reply.submittedBy],
          [t("portal.rec.replySummary"), <Prose key="s" text={reply.summary} />],
        ]}
      />
      <div className="table-wrap">
        <table className="table table-responsive">
          <thead>
            <tr>
              <th>{t("portal.rec.col.point")}</th>
              <th>{t("portal.rec.col.answerStatus")}</th>
              <th>{t("portal.rec.col.answer")}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => {
              const answer = reply.answers.find((a) => a.pointId === p.id);
              return (
                <tr key={p.id}>
                  <td data-label={t("portal.rec.col.point")} className="portal-point-cell">
                    <strong className="nowrap">{t("portal.rec.pointOrdinal", { n: p.ordinal })}</strong>
                    <div className="muted small">{p.text}</div>
                  </td>
                  <td data-label={t("portal.rec.col.answerStatus")}>
                    {answer ? (
                      <AnswerStatusBadge status={answer.status} />
                    ) : (
                      <span className="muted">{t("portal.rec.pointNotAnswered")}</span>
                    )}
                  </td>
                  <td data-label={t("portal.rec.col.answer")}>{answer ? <Prose text={answer.text} /> : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <SectionTitle>{t("portal.rec.attachments")}</SectionTitle>
      {reply.attachments.length ? (
        <div className="table-wrap">
          <table className="table table-responsive">
            <thead>
              <tr>
                <th>{t("portal.rec.col.fileName")}</th>
                <th className="num">{t("portal.rec.col.fileSize")}</th>
                <th>{t("portal.rec.col.uploadedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {reply.attachments.map((a) => (
                <tr key={a.id}>
                  <td data-label={t("portal.rec.col.fileName")}>{a.originalName}</td>
                  <td data-label={t("portal.rec.col.fileSize")} className="num nowrap">
                    {formatFileSize(a.size, t)}
                  </td>
                  <td data-label={t("portal.rec.col.uploadedAt")} className="nowrap">
                    {formatDateTime(a.createdAt, t.locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("portal.rec.attachmentsEmpty")}</p>
      )}
    </section>
  );
}
