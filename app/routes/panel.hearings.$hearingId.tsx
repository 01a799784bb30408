import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { pageTitle } from "~/components/case/meta";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CaseBrief } from "~/components/hearing/panel-case-brief";
import { DeclarationForm } from "~/components/hearing/panel-portal-forms";
import type { ReactNode } from "react";
import { DeclarationBadge, HearingStatusBadge, Prose, StanceBadge } from "~/components/portal";
import { Card, EmptyState, Facts, PageHeader } from "~/components/ui";
import { formatDate, formatDateTime, formatDateTimeRange } from "~/i18n";
import { useT } from "~/i18n/react";
import { portalSchema } from "~/domain/hearing/panel-schemas";
import { getPanelistBriefing, saveOpinion, signDeclaration } from "~/models/panel-portal.server";
import { actionError } from "~/utils/action-error.server";
import { panelistScope, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "portal.panel.meta", undefined, data?.hearing.title ?? null);

// The briefing pack of one hearing the panelist sits on (听证规定 Art 11); any other hearing is
// not found. The briefing opens once the panelist has signed the no-conflict declaration (听证规定
// Art 7); a recused panelist sees neither. While the hearing is in progress and until the host
// closes deliberation, the panelist gives or changes a signed opinion per case (Art 15).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "panel:use");
  const hearing = await getPanelistBriefing(panelistScope(scope), params.hearingId ?? "");
  return { hearing };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "panel:use");
  const panel = panelistScope(scope);
  const hearingId = params.hearingId ?? "";
  const submission = parseWithZod(await readForm(request), { schema: portalSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), done: null }, { status: 400 });
  const v = submission.value;
  try {
    if (v.intent === "declare") {
      await signDeclaration(panel, actor.userId, hearingId, v.signedName);
      return { result: submission.reply({ resetForm: true }), done: { key: "hearingPanel.portal.signed", caseId: null } };
    }
    const saved = await saveOpinion(panel, actor.userId, hearingId, v);
    const key = saved.changed ? "hearingPanel.portal.changed" : "hearingPanel.portal.saved";
    return { result: submission.reply({ resetForm: true }), done: { key, caseId: v.caseId as string | null } };
  } catch (error) {
    return actionError(error, submission);
  }
}

export default function PanelHearing() {
  const { hearing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const seat = hearing.seat;
  const done = actionData && "done" in actionData ? actionData.done : null;
  const errors = actionData?.result.error ?? {};
  const formErrors = Object.values(errors).flatMap((v) => v ?? []);
  // The case whose opinion form was refused: its errors show beside that form only.
  const failedCase = done === null ? (actionData?.result.initialValue?.caseId ?? null) : null;
  const format = hearing.isPublic
    ? t("portal.publicHearing")
    : hearing.closedReason
    ? t("portal.closedHearingReason", { reason: hearing.closedReason })
    : t("portal.closedHearing");
  return (
    <>
      <PageHeader
        crumbs={[{ to: "/panel", label: t("portal.briefing.crumb") }]}
        title={hearing.title}
        subtitle={
          <>
            {hearing.procuratorate} · <HearingStatusBadge status={hearing.status} />
          </>
        }
      />
      <p className="notice">{t("portal.briefing.intro")}</p>
      {seat.recused ? <p className="notice notice--warn">{t("portal.briefing.recusedNotice")}</p> : null}
      {done ? (
        <p className="notice notice--ok" role="status">
          {t.dynamic(done.key)}
        </p>
      ) : null}
      {!hearing.briefingOpen && seat.recused ? (
        <p className="notice notice--warn">{t("hearingPanel.portal.recusedNoBriefing")}</p>
      ) : null}
      {!hearing.briefingOpen && !seat.recused ? <DeclarationForm errors={done === null ? formErrors : null} /> : null}

      <div className="grid grid-2 portal-top">
        <Card title={t("portal.briefing.hearing")}>
          <Facts
            items={[
              [t("portal.briefing.time"), formatDateTimeRange(hearing.startsAt, hearing.endsAt, t)],
              [t("portal.briefing.venue"), hearing.venue],
              [t("portal.briefing.host"), hearing.hostPost ? `${hearing.host}（${hearing.hostPost}）` : hearing.host],
              [t("portal.briefing.format"), format],
              [t("portal.briefing.organiser"), hearing.procuratorate],
              [t("portal.briefing.purpose"), <Prose key="p" text={hearing.purpose} />],
            ]}
          />
        </Card>
        <Card title={t("portal.briefing.seat")}>
          <Facts
            items={[
              [t("portal.briefing.invitedAt"), formatDate(seat.invitedAt, t.locale)],
              [
                t("portal.briefing.declaration"),
                <span key="d">
                  <DeclarationBadge state={seat.state} />{" "}
                  {seat.declaredAt ? (
                    t("portal.briefing.declaredAt", { date: formatDateTime(seat.declaredAt, t.locale) })
                  ) : seat.recused ? null : (
                    <span className="muted small">{t("portal.briefing.declarationPending")}</span>
                  )}
                </span>,
              ],
              ...(seat.declaration
                ? ([[t("portal.briefing.declarationText"), <Prose key="dt" text={seat.declaration} />]] as [
                    string,
                    ReactNode
                  ][])
                : []),
              [
                t("portal.briefing.recusal"),
                seat.recused
                  ? t("portal.briefing.recusedBecause", { reason: seat.recusalReason ?? t("common.unknown") })
                  : t("portal.briefing.notRecused"),
              ],
              [
                t("portal.briefing.attended"),
                seat.attended === null
                  ? t("portal.briefing.attendedUnknown")
                  : seat.attended
                  ? t("portal.briefing.attendedYes")
                  : t("portal.briefing.attendedNo"),
              ],
            ]}
          />
        </Card>
      </div>

      {hearing.outcome && (hearing.outcome.deliberation || hearing.outcome.host) ? (
        <Card title={t("portal.briefing.outcome")}>
          <Facts
            items={[
              ...(hearing.outcome.deliberation
                ? ([[t("portal.briefing.deliberation"), <Prose key="d" text={hearing.outcome.deliberation} />]] as [
                    string,
                    ReactNode
                  ][])
                : []),
              ...(hearing.outcome.host
                ? ([[t("portal.briefing.hostSummary"), <Prose key="h" text={hearing.outcome.host} />]] as [
                    string,
                    ReactNode
                  ][])
                : []),
            ]}
          />
        </Card>
      ) : null}

      {hearing.briefingOpen && hearing.opinionsSealed ? <p className="notice">{t("portal.briefing.sealed")}</p> : null}

      {hearing.cases.length > 1 ? (
        <nav className="card portal-case-index" aria-label={t("portal.briefing.caseIndex")}>
          <h2>{t("portal.briefing.caseIndex")}</h2>
          <ol>
            {hearing.cases.map((c) => (
              <li key={c.id}>
                <a href={`#case-${c.id}`}>{c.title}</a>
                {c.myOpinion ? (
                  <>
                    {" "}
                    <StanceBadge stance={c.myOpinion.stance} />
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}

      {!hearing.briefingOpen ? null : hearing.cases.length ? (
        hearing.cases.map((c, i) => (
          <CaseBrief
            key={c.id}
            c={c}
            index={i}
            opinionsOpen={hearing.opinionsOpen}
            status={hearing.status}
            errors={failedCase === c.id ? formErrors : null}
          />
        ))
      ) : (
        <Card>
          <EmptyState title={t("portal.briefing.noCases")} />
        </Card>
      )}
    </>
  );
}
