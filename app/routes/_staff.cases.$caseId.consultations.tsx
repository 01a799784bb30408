import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Card, Facts } from "~/components/ui";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import { listConsultations } from "~/models/consultation.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The consultations tab (磋商, 规则 Art 70).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "case:read");
  const procuratorateId = staffScope(scope);
  if (!params.caseId) notFound();
  return { consultations: await listConsultations(procuratorateId, params.caseId) };
}

export default function CaseConsultationsTab() {
  const { consultations } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div id="consultations" className="case-section">
      <Card title={t("cases.section.consultations")}>
        {consultations.length === 0 ? (
          <p className="muted">{t("cases.consultations.none")}</p>
        ) : (
          <div className="stack">
            {consultations.map((m) => (
              <article key={m.id} className="subcard">
                <h3>
                  {formatDate(m.heldOn, t.locale)} · {t.label("cases.consultationMethod", m.method)}
                </h3>
                <Facts
                  items={[
                    [t("cases.consultations.place"), m.place],
                    [t("cases.consultations.attendees"), m.attendees],
                    [t("cases.consultations.facts"), m.facts],
                    [t("cases.consultations.agencyPosition"), m.agencyPosition],
                    [t("cases.consultations.plan"), m.rectificationPlan],
                    [t("casepage.consultation.minutes"), m.minutes ? <span key="m" className="pre-line">{m.minutes}</span> : null],
                  ]}
                />
              </article>
            ))}
          </div>
        )}
      </Card>
    </div>
  );
}
