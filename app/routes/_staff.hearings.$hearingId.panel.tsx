import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AttendedText } from "~/components/hearing/hearing-badges";
import { Badge, Card, EmptyState } from "~/components/ui";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import { getHearingPanel } from "~/models/hearing.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// Panel tab of a hearing: the 听证员, their declarations (听证规定 Art 8) and recusals (Art 9).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  return getHearingPanel(procuratorateId, params.hearingId);
}

export default function HearingPanel() {
  const { panelists: rows, seated } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <Card
      title={t("hearings.panel")}
      actions={rows.length ? <span className="muted">{t("hearings.panel.summary", { seated })}</span> : null}
    >
      {rows.length === 0 ? (
        <EmptyState title={t("hearings.panel.empty")} />
      ) : (
        <div className="table-wrap">
          <table className="table table-responsive">
            <thead>
              <tr>
                <th scope="col">{t("hearings.col.name")}</th>
                <th scope="col">{t("hearings.col.category")}</th>
                <th scope="col">{t("hearings.col.workUnit")}</th>
                <th scope="col">{t("hearings.col.declaration")}</th>
                <th scope="col">{t("hearings.col.recusal")}</th>
                <th scope="col">{t("hearings.col.attended")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.panelistId} className={p.recused ? "muted" : undefined}>
                  <td data-label={t("hearings.col.name")} className="nowrap">
                    {p.panelist.name}
                  </td>
                  <td data-label={t("hearings.col.category")}>{t.label("panelistCategory", p.panelist.category)}</td>
                  <td data-label={t("hearings.col.workUnit")}>
                    {[p.panelist.workUnit, p.panelist.title].filter(Boolean).join(" ") || "—"}
                  </td>
                  <td data-label={t("hearings.col.declaration")}>
                    {p.declaredAt ? (
                      <Badge tone="ok">{t("hearings.declaredOn", { date: formatDate(p.declaredAt, t.locale) })}</Badge>
                    ) : (
                      <Badge tone="warn">{t("hearings.notDeclared")}</Badge>
                    )}
                  </td>
                  <td data-label={t("hearings.col.recusal")}>
                    {p.recused ? (
                      <div>
                        <Badge tone="danger">{t("hearings.recused")}</Badge>
                        {p.recusalReason ? <div className="small">{p.recusalReason}</div> : null}
                      </div>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td data-label={t("hearings.col.attended")}>
                    <AttendedText attended={p.attended} />
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
