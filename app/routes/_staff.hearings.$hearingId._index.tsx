import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CaseLabel } from "~/components/hearing/case-label";
import { Card, EmptyState, Facts } from "~/components/ui";
import { formatDate, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { getHearingOverview } from "~/models/hearing.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// Overview tab of a hearing: its particulars (听证规定 Art 10(4): what the 听证公告 states) and the cases it hears.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  return { hearing: await getHearingOverview(procuratorateId, params.hearingId) };
}

type Hearing = Awaited<ReturnType<typeof loader>>["hearing"];

function FactsCard({ h }: { h: Hearing }) {
  const t = useT();
  const form = h.isPublic
    ? t("hearings.public")
    : h.closedReason
    ? t("hearings.closedBecause", { reason: t.label("hearings.closedReason", h.closedReason) })
    : t("hearings.closedNoReason");
  const announcement = !h.isPublic
    ? t("hearings.announcementNotNeeded")
    : h.announcedAt
    ? t("hearings.announcedOn", { date: formatDate(h.announcedAt, t.locale) })
    : t("hearings.notAnnounced");
  const person = (p: { displayName: string; post: string | null } | null) =>
    p ? (p.post ? `${p.displayName}（${p.post}）` : p.displayName) : null;
  return (
    <Card title={t("hearings.facts")}>
      <Facts
        items={[
          [t("hearings.purpose"), h.purpose],
          [t("hearings.host"), person(h.host)],
          [t("hearings.clerk"), person(h.clerk)],
          [t("hearings.venue"), h.venue],
          [t("hearings.startsAt"), formatDateTime(h.startsAt, t.locale)],
          [t("hearings.endsAt"), h.endsAt ? formatDateTime(h.endsAt, t.locale) : null],
          [t("hearings.form"), form],
          [t("hearings.announcement"), announcement],
          [t("hearings.contactPhone"), h.contactPhone],
          [t("hearings.observerSeats"), h.observerSeats],
          [t("hearings.series"), h.series ? <Link to={`/series/${h.series.id}`}>{h.series.name}</Link> : null],
          ...(h.concludedAt
            ? ([[t("hearings.concludedAt"), formatDateTime(h.concludedAt, t.locale)]] as [string, string][])
            : []),
        ]}
      />
      {h.isPublic && h.announcement ? (
        <details className="hearing-announcement">
          <summary>{t("hearings.announcementText")}</summary>
          <div className="announcement">
            <div className="body">{h.announcement}</div>
          </div>
        </details>
      ) : null}
    </Card>
  );
}

function CasesCard({ h }: { h: Hearing }) {
  const t = useT();
  const rows = h.cases;
  return (
    <Card title={t("hearings.cases")}>
      {rows.length === 0 ? (
        <EmptyState title={t("hearings.cases.empty")} />
      ) : (
        <div className="table-wrap">
          <table className="table table-responsive">
            <thead>
              <tr>
                <th scope="col">{t("hearings.col.ordinal")}</th>
                <th scope="col">{t("hearings.col.case")}</th>
                <th scope="col">{t("hearings.col.agency")}</th>
                <th scope="col">{t("hearings.col.session")}</th>
                <th scope="col">{t("hearings.col.issues")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((hc) => (
                <tr key={hc.case.id}>
                  <td data-label={t("hearings.col.ordinal")}>{hc.ordinal}</td>
                  <td data-label={t("hearings.col.case")}>
                    <CaseLabel c={hc.case} />
                  </td>
                  <td data-label={t("hearings.col.agency")}>
                    {hc.case.respondentAgency?.name ?? (hc.case.respondentUnknown ? t("hearings.agencyUnknown") : "—")}
                  </td>
                  <td data-label={t("hearings.col.session")} className="nowrap">
                    {hc.sessionAt ? formatDateTime(hc.sessionAt, t.locale) : "—"}
                  </td>
                  <td data-label={t("hearings.col.issues")} className="pre-line">
                    {hc.issues ?? "—"}
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

export default function HearingOverview() {
  const { hearing } = useLoaderData<typeof loader>();
  return (
    <>
      <FactsCard h={hearing} />
      <CasesCard h={hearing} />
    </>
  );
}
