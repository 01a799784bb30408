import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RecommendationStatusBadge } from "~/components/case/status-badges";
import { Card, Facts } from "~/components/ui";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import type { RecommendationView } from "~/models/recommendation.server";
import { listRecommendations } from "~/models/recommendation.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The recommendation tab: the case's 检察建议 (规则 Art 75), numbered points first.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "case:read");
  const procuratorateId = staffScope(scope);
  if (!params.caseId) notFound();
  return { recommendations: await listRecommendations(procuratorateId, params.caseId) };
}

export default function CaseRecommendationTab() {
  const { recommendations } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div id="recommendations" className="case-section">
      <Card title={t("cases.section.recommendations")}>
        {recommendations.length === 0 ? (
          <p className="muted">{t("cases.recommendations.none")}</p>
        ) : (
          <div className="stack">
            {recommendations.map((r) => (
              <Recommendation key={r.id} rec={r} />
            ))}
          </div>
        )}
      </Card>
    </div>
  );
}

function Recommendation({ rec }: { rec: RecommendationView }) {
  const t = useT();
  return (
    <article className="subcard">
      <div className="subcard__head">
        <h3>
          <span className="mono">{rec.number ?? t("cases.recommendations.noNumber")}</span>
        </h3>
        <span className="actions">
          <RecommendationStatusBadge status={rec.status} />
          <span className="muted small">
            {t("cases.recommendations.period", { period: t.label("replyPeriod", rec.replyPeriod) })}
            {rec.issuedOn ? ` · ${t("cases.recommendations.issuedOn", { date: formatDate(rec.issuedOn, t.locale) })}` : ""}
          </span>
        </span>
      </div>
      <Facts
        items={[
          [t("casepage.rec.facts"), rec.facts ? <span key="f" className="pre-line">{rec.facts}</span> : null],
          [t("casepage.rec.reasons"), rec.reasons ? <span key="r" className="pre-line">{rec.reasons}</span> : null],
          [t("casepage.rec.legalBasis"), rec.legalBasis ? <span key="l" className="pre-line">{rec.legalBasis}</span> : null],
          [t("casepage.rec.ccList"), rec.ccList],
        ]}
      />
      <h4>{t("cases.recommendations.points")}</h4>
      {rec.points.length === 0 ? (
        <p className="muted">{t("cases.recommendations.noPoints")}</p>
      ) : (
        <ol className="points">
          {rec.points.map((p) => (
            <li key={p.id}>{p.text}</li>
          ))}
        </ol>
      )}
    </article>
  );
}
