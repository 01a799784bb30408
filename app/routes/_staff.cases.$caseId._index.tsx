import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { AgencyName } from "~/components/case/agency-name";
import { UrgentBadge } from "~/components/case/case-state-badge";
import { InformantFacts } from "~/components/case/informant";
import { Card, Facts } from "~/components/ui";
import { formatDate, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { getCaseOverview } from "~/models/case-page.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The overview tab: the case's facts, its team and the clue it came from.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "case:read");
  const procuratorateId = staffScope(scope);
  if (!params.caseId) notFound();
  const c = await getCaseOverview(procuratorateId, params.caseId, actor.userId);
  return { case: c };
}

export default function CaseOverviewTab() {
  const { case: c } = useLoaderData<typeof loader>();
  const t = useT();
  const d = (value: string | Date | null | undefined) => (value ? formatDate(value, t.locale) : null);

  return (
    <div className="grid grid-2 case-overview" id="overview">
      <Card title={t("cases.section.overview")}>
        <Facts
          items={[
            [t("cases.col.field"), t.label("caseField", c.field)],
            [t("cases.fact.urgent"), c.urgent ? <UrgentBadge /> : t("cases.fact.notUrgent")],
            [t("cases.col.agency"), <AgencyName key="a" agency={c.respondentAgency} unknown={c.respondentUnknown} />],
            [t("cases.col.filedOn"), d(c.filedOn)],
            ...(c.suspendedOn ? [[t("cases.fact.suspendedOn"), d(c.suspendedOn)] as [ReactNode, ReactNode]] : []),
            ...(c.closedOn ? [[t("cases.fact.closedOn"), d(c.closedOn)] as [ReactNode, ReactNode]] : []),
            [t("cases.col.series"), c.series ? <Link to={`/series/${c.series.id}`}>{c.series.name}</Link> : null],
            [
              t("cases.fact.clue"),
              c.clue ? (
                <span key="clue">
                  <Link to={`/clues/${c.clue.id}`} className="mono">
                    {c.clue.number}
                  </Link>{" "}
                  <span className="muted small">
                    {t.label("clueSource", c.clue.source)} · {d(c.clue.receivedOn)}
                  </span>
                </span>
              ) : null,
            ],
            [t("cases.fact.updatedAt"), formatDateTime(c.updatedAt, t.locale)],
          ]}
        />
        {c.summary ? <p className="case-summary">{c.summary}</p> : null}
      </Card>

      <div>
        <Card title={t("cases.section.team")}>
          <ul className="plain-list">
            <li>
              <strong>{c.leadProsecutor.displayName}</strong>{" "}
              <span className="muted small">{withPost(t("cases.memberRole.lead"), c.leadProsecutor.post)}</span>
            </li>
            {c.members
              .filter((m) => m.user.id !== c.leadProsecutor.id)
              .map((m) => (
                <li key={m.user.id}>
                  {m.user.displayName}{" "}
                  <span className="muted small">{withPost(t.label("cases.memberRole", m.role), m.user.post)}</span>
                </li>
              ))}
          </ul>
        </Card>
        {c.clue?.informant ? (
          <Card title={t("cases.informant.title")}>
            <InformantFacts informant={c.clue.informant} note={t("cases.informant.maskedCase")} />
          </Card>
        ) : null}
      </div>
    </div>
  );
}

/** "检察官助理 · 检察官助理" reads badly: the post is added only when it says something new. */
function withPost(role: string, post: string | null): string {
  return post && post !== role ? `${role} · ${post}` : role;
}
