import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { AnswerStatusBadge, Prose } from "~/components/portal";
import { Badge, Card, Facts, PageHeader } from "~/components/ui";
import { formatDate, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { getReplyReceipt } from "~/models/reply.server";
import { agencyScope, requirePermission } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "agencyReply.receipt.title", undefined, data?.reply.receiptNumber ?? null);

// The receipt of my agency's submitted reply: its number and time, the due date and whether it
// came late (accepted all the same, 两高解释 Art 21), and the answers as submitted (read-only).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "agency:reply");
  return getReplyReceipt(agencyScope(scope), params.recommendationId ?? "");
}

export default function ReplyReceipt() {
  const { recommendation, agency, reply } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader
        crumbs={[
          { to: "/agency", label: t("portal.rec.crumb") },
          { to: `/agency/recommendations/${recommendation.id}`, label: recommendation.number ?? t("portal.rec.unnumbered") },
        ]}
        title={t("agencyReply.receipt.heading")}
        subtitle={recommendation.caseTitle}
      />
      <Card title={t("agencyReply.receipt.title")}>
        <div data-testid="reply-receipt">
          <Facts
            items={[
              [t("agencyReply.receipt.number"), <strong key="n" className="mono">{reply.receiptNumber}</strong>],
              [t("agencyReply.receipt.submittedAt"), reply.submittedAt ? formatDateTime(reply.submittedAt, t.locale) : null],
              [t("agencyReply.receipt.submittedBy"), reply.submittedBy],
              [t("agencyReply.receipt.agency"), agency],
              [t("agencyReply.receipt.recommendation"), recommendation.number],
              [t("agencyReply.receipt.dueOn"), reply.dueOn ? formatDate(reply.dueOn, t.locale) : null],
              [
                "",
                reply.late ? <Badge key="l" tone="danger">{t("agencyReply.receipt.late")}</Badge> : <Badge key="l" tone="ok">{t("agencyReply.receipt.onTime")}</Badge>,
              ],
            ]}
          />
        </div>
      </Card>
      <Card title={t("agencyReply.receipt.points")}>
        <ol className="plain-list">
          {recommendation.points.map((p) => {
            const a = reply.answers.find((x) => x.pointId === p.id);
            return (
              <li key={p.id}>
                <strong>{t("agencyReply.reply.point", { n: p.ordinal })}</strong> {a ? <AnswerStatusBadge status={a.status} /> : null}
                <div className="muted small">{p.text}</div>
                {a ? <Prose text={a.text} /> : null}
                {a?.plan ? <p className="small">{a.plan} {a.targetOn ? `（${formatDate(a.targetOn, t.locale)}）` : ""}</p> : null}
                {a?.attachments.length ? (
                  <ul className="plain-list">
                    {a.attachments.map((f) => (
                      <li key={f.id}>
                        <a href={`/reply-files/${f.id}`}>{f.originalName}</a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
        <p>
          <Link to={`/agency/recommendations/${recommendation.id}`}>{t("agencyReply.receipt.back")}</Link>
        </p>
      </Card>
    </>
  );
}
