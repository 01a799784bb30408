import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AgencyName } from "~/components/case/agency-name";
import { CaseStateBadge, ClueStatusBadge } from "~/components/case/case-state-badge";
import { InformantFacts } from "~/components/case/informant";
import { pageTitle } from "~/components/case/meta";
import { Card, Facts, PageHeader } from "~/components/ui";
import { formatDate, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { getClue } from "~/models/clue.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "cases.clues.detailTitle", undefined, data?.clue.number ?? null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "clue:read");
  const procuratorateId = staffScope(scope);
  if (!params.clueId) notFound();
  const clue = await getClue(procuratorateId, params.clueId, actor.userId);
  return { clue };
}

export default function CluePage() {
  const { clue } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="case-page">
      <PageHeader
        crumbs={[{ to: "/clues", label: t("nav.clues") }]}
        title={
          <>
            {t("cases.clues.detailTitle")} <span className="mono">{clue.number}</span>
          </>
        }
        subtitle={
          <span className="case-header__meta">
            <ClueStatusBadge status={clue.status} />
            <span>{t.label("clueSource", clue.source)}</span>
            <span>{t("cases.clues.receivedOnValue", { date: formatDate(clue.receivedOn, t.locale) })}</span>
          </span>
        }
      />

      <div className="grid grid-2">
        <Card title={t("cases.clues.details")}>
          <Facts
            items={[
              [t("cases.clues.summary"), <span key="s" className="prewrap">{clue.summary}</span>],
              [t("cases.col.field"), t.label("caseField", clue.field)],
              [t("cases.clues.location"), clue.location],
              [t("cases.clues.source"), t.label("clueSource", clue.source)],
              [t("cases.clues.receivedOn"), formatDate(clue.receivedOn, t.locale)],
              [t("cases.clues.registeredBy"), clue.registeredBy.displayName],
              [t("cases.clues.assignee"), clue.assignee?.displayName ?? t("cases.clues.unassigned")],
              [t("common.updated"), formatDateTime(clue.updatedAt, t.locale)],
            ]}
          />
        </Card>
        <Card title={t("cases.informant.title")}>
          {clue.informant ? (
            <InformantFacts informant={clue.informant} note={t("cases.informant.maskedClue")} />
          ) : (
            <p className="muted">{t("cases.informant.none")}</p>
          )}
        </Card>
      </div>

      <Card title={t("cases.clues.evaluation")}>
        {clue.evaluation ? (
          <p className="prewrap">{clue.evaluation}</p>
        ) : (
          <p className="muted">{t("cases.clues.noEvaluation")}</p>
        )}
        <p className="muted small">
          {clue.clueEvaluationDays
            ? t("cases.clues.evaluationLimit", { days: clue.clueEvaluationDays })
            : t("cases.clues.evaluationNoLimit")}
        </p>
      </Card>

      <Card title={t("cases.clues.cases")}>
        {clue.cases.length === 0 ? (
          <p className="muted">{t("cases.clues.noCases")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th scope="col">{t("cases.col.number")}</th>
                  <th scope="col">{t("cases.col.title")}</th>
                  <th scope="col">{t("cases.col.agency")}</th>
                  <th scope="col">{t("cases.col.state")}</th>
                  <th scope="col">{t("cases.col.lead")}</th>
                  <th scope="col">{t("cases.col.filedOn")}</th>
                </tr>
              </thead>
              <tbody>
                {clue.cases.map((c) => (
                  <tr key={c.id}>
                    <td data-label={t("cases.col.number")} className="mono nowrap">
                      {c.number ?? <span className="muted">{t("cases.noNumber")}</span>}
                    </td>
                    <td data-label={t("cases.col.title")}>
                      <Link to={`/cases/${c.id}`}>{c.title}</Link>
                    </td>
                    <td data-label={t("cases.col.agency")}>
                      <AgencyName agency={c.respondentAgency} unknown={c.respondentUnknown} />
                    </td>
                    <td data-label={t("cases.col.state")}>
                      <CaseStateBadge state={c.state} />
                    </td>
                    <td data-label={t("cases.col.lead")} className="nowrap">
                      {c.leadProsecutor.displayName}
                    </td>
                    <td data-label={t("cases.col.filedOn")} className="nowrap">
                      {c.filedOn ? formatDate(c.filedOn, t.locale) : "—"}
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
