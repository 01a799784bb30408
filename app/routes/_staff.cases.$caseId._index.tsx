import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { AgencyName } from "~/components/case/agency-name";
import { UrgentBadge } from "~/components/case/case-state-badge";
import { InformantFacts } from "~/components/case/informant";
import { SHOW_INFORMANT_PARAM, SHOW_INFORMANT_VALUE } from "~/domain/clue/schemas";
import { NextSteps } from "~/components/case/next-steps";
import { CaseDeadlines } from "~/components/deadline/case-deadlines";
import { EscalationGate } from "~/components/recommendation/escalation-gate";
import { Card, Facts } from "~/components/ui";
import { formatDate, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { can } from "~/domain/auth/policy";
import { nextStepSchema } from "~/domain/case/next-steps";
import { getCaseOverview } from "~/models/case-page.server";
import { getNextSteps, takeNextStep } from "~/models/case-steps.server";
import { getEscalation } from "~/models/escalation.server";
import { listDeadlines } from "~/models/deadline.server";
import { actionError } from "~/utils/action-error.server";
import { requireCaseRoute } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The overview tab: the case's facts, team and clue, what is due (the live deadlines with the steps
// that produced each due date), and the legal next steps with their forms.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "case:read");
  // The scoped read first: another procuratorate's case is 404 before anything else is read.
  const showInformant = new URL(request.url).searchParams.get(SHOW_INFORMANT_PARAM) === SHOW_INFORMANT_VALUE;
  const c = await getCaseOverview(procuratorateId, caseId, actor.userId, { showInformant });
  const [deadlines, nextSteps, escalation] = await Promise.all([
    listDeadlines(procuratorateId, { caseId: c.id }),
    getNextSteps(procuratorateId, c.id),
    getEscalation(procuratorateId, c.id),
  ]);
  return { case: c, deadlines: deadlines.items, nextSteps, escalation, mayWrite: can(actor, "case:write") };
}

/** Takes a next step (moves the case, or asks for the approval its edge needs). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "case:write");
  const submission = parseWithZod(await readForm(request), { schema: nextStepSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  let outcome: Awaited<ReturnType<typeof takeNextStep>>;
  try {
    outcome = await takeNextStep(procuratorateId, actor.userId, caseId, submission.value);
  } catch (error) {
    return actionError(error, submission);
  }
  return redirect(`/cases/${caseId}?done=${outcome.outcome}`);
}

export default function CaseOverviewTab() {
  const { case: c, deadlines, nextSteps, escalation, mayWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const d = (value: string | Date | null | undefined) => (value ? formatDate(value, t.locale) : null);
  const done = params.get("done");

  return (
    <div className="stack">
      {done === "moved" || done === "requested" ? (
        <div className="notice notice--ok" role="status">
          {done === "moved" ? t("casepage.steps.moved", { state: t.label("caseState", c.state) }) : t("casepage.steps.requested")}
        </div>
      ) : null}
      <EscalationGate caseId={c.id} data={escalation} mayWrite={mayWrite} />
      <div className="grid grid-2">
        <div id="deadlines" className="case-section">
          <Card title={t("casepage.deadlines.title")}>
            <CaseDeadlines items={deadlines} />
          </Card>
        </div>
        <div id="next-steps" className="case-section">
          <Card title={t("casepage.steps.title")}>
            <NextSteps caseId={c.id} data={nextSteps} lastResult={actionData?.result} mayWrite={mayWrite} />
          </Card>
        </div>
      </div>
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
          <Card
            title={t("cases.informant.title")}
            actions={
              c.mayRevealInformant ? (
                c.informantRevealed ? (
                  <Link to={`/cases/${c.id}`} className="button button--secondary">
                    {t("clues.informant.hide")}
                  </Link>
                ) : (
                  <Link
                    to={`?${SHOW_INFORMANT_PARAM}=${SHOW_INFORMANT_VALUE}`}
                    className="button button--secondary"
                    title={t("clues.informant.showHint")}
                  >
                    {t("clues.informant.show")}
                  </Link>
                )
              ) : null
            }
          >
            <InformantFacts informant={c.clue.informant} note={t("cases.informant.maskedCase")} />
            {c.informantRevealed ? <p className="muted small">{t("clues.informant.shown")}</p> : null}
          </Card>
        ) : null}
      </div>
    </div>
    </div>
  );
}

/** "检察官助理 · 检察官助理" reads badly: the post is added only when it says something new. */
function withPost(role: string, post: string | null): string {
  return post && post !== role ? `${role} · ${post}` : role;
}
