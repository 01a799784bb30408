import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { HearingFormBadge, HearingStatusBadge } from "~/components/hearing/hearing-badges";
import { PanelTally } from "~/components/hearing/panel-tally";
import { Card } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { getCaseHearings } from "~/models/case-page.server";
import { getCaseHearingTallies } from "~/models/hearing-decision.server";
import { requireCaseRoute } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The hearings tab: the hearings (听证) the case is heard in, with its own session and issues.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "case:read");
  const [hearings, tallies] = await Promise.all([
    getCaseHearings(procuratorateId, caseId),
    // The panel's tally per hearing, sealed until deliberation closes (opinionsUnsealed).
    getCaseHearingTallies(procuratorateId, caseId),
  ]);
  return { caseId, hearings, tallies, mayHold: can(actor, "hearing:manage") };
}

export default function CaseHearingsTab() {
  const { caseId, hearings, tallies, mayHold } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div id="hearings" className="case-section">
      <Card title={t("cases.section.hearings")}>
        {hearings.length === 0 ? (
          <p className="muted">{t("cases.hearings.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th scope="col">{t("cases.hearings.title")}</th>
                  <th scope="col">{t("cases.hearings.when")}</th>
                  <th scope="col">{t("cases.hearings.venue")}</th>
                  <th scope="col">{t("common.status")}</th>
                  <th scope="col">{t("cases.hearings.issues")}</th>
                  <th scope="col">{t("hearingPanel.tally.title")}</th>
                </tr>
              </thead>
              <tbody>
                {hearings.map((h) => (
                  <tr key={h.hearing.id}>
                    <td data-label={t("cases.hearings.title")}>
                      <span>
                        <Link to={`/hearings/${h.hearing.id}`}>{h.hearing.title}</Link>{" "}
                        <HearingFormBadge isPublic={h.hearing.isPublic} />
                      </span>
                    </td>
                    <td data-label={t("cases.hearings.when")} className="nowrap">
                      {formatDateTime(h.sessionAt ?? h.hearing.startsAt, t.locale)}
                    </td>
                    <td data-label={t("cases.hearings.venue")}>{h.hearing.venue}</td>
                    <td data-label={t("common.status")}>
                      <HearingStatusBadge status={h.hearing.status} />
                    </td>
                    <td data-label={t("cases.hearings.issues")}>{h.issues ?? "—"}</td>
                    <td data-label={t("hearingPanel.tally.title")}>
                      <PanelTally view={tallies.find((x) => x.hearingId === h.hearing.id)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {mayHold ? (
          <p className="actions">
            <Link to={`/hearings/new?caseId=${caseId}`} className="button">
              {t("hearingSetup.new.fromCase")}
            </Link>
          </p>
        ) : null}
      </Card>
    </div>
  );
}
