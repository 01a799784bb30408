import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CaseLabel } from "~/components/hearing/case-label";
import { Card, EmptyState } from "~/components/ui";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { getHearingEvidence } from "~/models/hearing.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// Evidence tab of a hearing: what was disclosed to the hearing (and so to its panel).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  return { disclosed: await getHearingEvidence(procuratorateId, params.hearingId) };
}

export default function HearingEvidence() {
  const { disclosed: rows } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <Card title={t("hearings.evidence")}>
      {rows.length === 0 ? (
        <EmptyState title={t("hearings.evidence.empty")} />
      ) : (
        <div className="table-wrap">
          <table className="table table-responsive">
            <thead>
              <tr>
                <th scope="col">{t("hearings.col.case")}</th>
                <th scope="col">{t("hearings.col.evidence")}</th>
                <th scope="col">{t("hearings.col.kind")}</th>
                <th scope="col">{t("hearings.col.disclosedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.evidence.id}>
                  <td data-label={t("hearings.col.case")}>
                    <CaseLabel c={d.evidence.case} />
                  </td>
                  <td data-label={t("hearings.col.evidence")}>
                    <span>
                      <span className="muted mono">#{d.evidence.ordinal}</span> {d.evidence.title}
                    </span>
                  </td>
                  <td data-label={t("hearings.col.kind")}>{t.label("evidenceKind", d.evidence.kind)}</td>
                  <td data-label={t("hearings.col.disclosedAt")} className="nowrap">
                    {formatDateTime(d.disclosedAt, t.locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
