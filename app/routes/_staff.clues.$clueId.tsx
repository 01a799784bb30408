import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AgencyName } from "~/components/case/agency-name";
import { CaseStateBadge, ClueStatusBadge } from "~/components/case/case-state-badge";
import { InformantFacts } from "~/components/case/informant";
import { pageTitle } from "~/components/case/meta";
import { EvaluationForm, ProposeCaseForm, StartEvaluationForm, TransferClueForm } from "~/components/clue/clue-forms";
import { deadlineTone } from "~/components/deadline/deadline-view";
import { Badge, Card, Facts, FormError, PageHeader } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import { clueStatusSchema } from "~/domain/case/schemas";
import { clueEvaluationCountdown } from "~/domain/clue/evaluation-period";
import { caseProposalRefusal, nextClueStatuses } from "~/domain/clue/lifecycle";
import { clueActionSchema, SHOW_INFORMANT_PARAM, SHOW_INFORMANT_VALUE } from "~/domain/clue/schemas";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { formatDate, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { agencyOptions } from "~/models/agency.server";
import { clueRef, getClue } from "~/models/clue.server";
import {
  proposeCaseFromClue,
  saveClueEvaluation,
  seriesOptions,
  showClueInformant,
  startClueEvaluation,
  transferClue,
} from "~/models/clue-workflow.server";
import { calendarFor } from "~/models/deadline.server";
import { clueDocumentsPanel } from "~/models/document.server";
import { CandidatesCard, IssuedCard } from "~/components/documents/documents-panel";
import { actionError } from "~/utils/action-error.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { forbidden, notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "cases.clues.detailTitle", undefined, data?.clue.number ?? null);

// GET writes nothing, except the view event of the explicit "show identity" action
// (?informant=show, docs/decisions/0012-view-events.md).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "clue:read");
  const procuratorateId = staffScope(scope);
  if (!params.clueId) notFound();
  const { mayShowInformant: mayShowHere, ...clue } = await getClue(procuratorateId, params.clueId, actor.userId);
  const status = clueStatusSchema.parse(clue.status);
  const mayShowInformant = !!clue.informant && mayShowHere && can(actor, "clue:informant");
  let informant = clue.informant;
  let informantShown = false;
  if (clue.informant && new URL(request.url).searchParams.get(SHOW_INFORMANT_PARAM) === SHOW_INFORMANT_VALUE) {
    if (!mayShowInformant) forbidden();
    informant = await showClueInformant(procuratorateId, clue.id, actor.userId);
    informantShown = true;
  }
  const mayWrite = can(actor, "clue:write");
  const mayPropose = mayWrite && caseProposalRefusal({ status, evaluation: "-" }, "filing") === null;
  const [calendar, agencies, series, documents] = await Promise.all([
    clue.clueEvaluationDays ? calendarFor(procuratorateId) : null,
    mayPropose ? agencyOptions(procuratorateId) : [],
    mayPropose ? seriesOptions(procuratorateId) : [],
    // 不立案决定书 (规则 Art 30): made from the clue once it is decided not to file.
    clueDocumentsPanel(procuratorateId, clue.id),
  ]);
  const countdown = calendar
    ? clueEvaluationCountdown({ status, receivedOn: clue.receivedOn, days: clue.clueEvaluationDays, today: dateInShanghai(), calendar })
    : null;
  return {
    clue: { ...clue, informant },
    documents: { ...documents, mayIssue: can(actor, "document:issue"), mayPreview: can(actor, "document:preview") },
    informantShown,
    mayShowInformant,
    mayWrite,
    countdown,
    agencies,
    series,
    steps: {
      start: mayWrite && nextClueStatuses(status).includes("evaluating"),
      evaluate: mayWrite && status === "evaluating",
      propose: mayPropose,
      notFiling: mayWrite && caseProposalRefusal({ status, evaluation: "-" }, "not_filing") === null,
      transfer: mayWrite && nextClueStatuses(status).includes("transferred"),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "clue:write");
  const procuratorateId = staffScope(scope);
  if (!params.clueId) notFound();
  // Out of scope answers 404 whatever was posted.
  const { id } = await clueRef(procuratorateId, params.clueId);
  const submission = parseWithZod(await readForm(request), { schema: clueActionSchema });
  if (submission.status !== "success") {
    return data({ intent: String(submission.payload.intent ?? ""), result: submission.reply() }, { status: 400 });
  }
  const input = submission.value;
  let done: string = input.intent;
  try {
    switch (input.intent) {
      case "start":
        await startClueEvaluation(procuratorateId, actor.userId, id);
        break;
      case "evaluate":
        await saveClueEvaluation(procuratorateId, actor.userId, id, input.evaluation);
        break;
      case "propose":
        await proposeCaseFromClue(procuratorateId, actor.userId, id, input);
        done = `proposed_${input.kind}`;
        break;
      case "transfer":
        await transferClue(procuratorateId, actor.userId, id, input);
        break;
    }
  } catch (error) {
    return actionError(error, submission);
  }
  return redirect(`/clues/${id}?done=${done}`);
}

const DONE_NOTICE = {
  start: "clues.started",
  evaluate: "clues.evaluation.saved",
  proposed_filing: "clues.proposed.filing",
  proposed_not_filing: "clues.proposed.not_filing",
  transfer: "clues.transfer.done",
} as const;

export default function CluePage() {
  const { clue, informantShown, mayShowInformant, countdown, steps, agencies, series, mayWrite, documents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const self = `/clues/${clue.id}`;
  const resultFor = (intent: string) => (actionData && "intent" in actionData && actionData.intent === intent ? actionData.result : null);
  const pageError = actionData && !("intent" in actionData) ? actionData.result.error?.[""] : null;
  const doneKey = DONE_NOTICE[params.get("done") as keyof typeof DONE_NOTICE];
  const anyStep = steps.start || steps.evaluate || steps.propose || steps.transfer;
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
      {params.has("registered") ? (
        <div className="notice notice--ok" role="status">
          {t("clues.registered", { number: clue.number })}
        </div>
      ) : null}
      {doneKey ? (
        <div className="notice notice--ok" role="status">
          {t(doneKey)}
        </div>
      ) : null}

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
              [
                t("clues.transferredLabel"),
                clue.transferredTo ? t("clues.transferred", { to: clue.transferredTo, date: formatDate(clue.transferredOn, t.locale) }) : null,
              ],
              [t("common.updated"), formatDateTime(clue.updatedAt, t.locale)],
            ]}
          />
        </Card>
        <Card
          title={t("cases.informant.title")}
          actions={
            mayShowInformant ? (
              informantShown ? (
                <Link to={self} className="button button--secondary">
                  {t("clues.informant.hide")}
                </Link>
              ) : (
                <Link to={`?${SHOW_INFORMANT_PARAM}=${SHOW_INFORMANT_VALUE}`} className="button button--secondary" title={t("clues.informant.showHint")}>
                  {t("clues.informant.show")}
                </Link>
              )
            ) : null
          }
        >
          {clue.informant ? (
            <>
              <InformantFacts informant={clue.informant} note={t("cases.informant.maskedClue")} />
              {informantShown ? <p className="muted small">{t("clues.informant.shown")}</p> : null}
              {mayShowInformant && !informantShown ? <p className="muted small">{t("clues.informant.showHint")}</p> : null}
            </>
          ) : (
            <p className="muted">{t("cases.informant.none")}</p>
          )}
        </Card>
      </div>

      <Card title={t("cases.clues.evaluation")}>
        {clue.evaluation ? <p className="prewrap">{clue.evaluation}</p> : <p className="muted">{t("cases.clues.noEvaluation")}</p>}
        {countdown ? (
          <p className="clue-countdown" data-status={countdown.status}>
            <strong>{t("clues.countdown.title")}：</strong>
            <Badge tone={deadlineTone(countdown.status)}>
              {countdown.daysLeft > 0
                ? t("clues.countdown.left", { days: countdown.daysLeft, date: formatDate(countdown.dueOn, t.locale) })
                : countdown.daysLeft === 0
                  ? t("clues.countdown.dueToday", { date: formatDate(countdown.dueOn, t.locale) })
                  : t("clues.countdown.overdue", { days: -countdown.daysLeft, date: formatDate(countdown.dueOn, t.locale) })}
            </Badge>
          </p>
        ) : null}
        <p className="muted small">
          {countdown
            ? t("clues.countdown.basis", { days: countdown.days })
            : clue.clueEvaluationDays
              ? t("cases.clues.evaluationLimit", { days: clue.clueEvaluationDays })
              : t("cases.clues.evaluationNoLimit")}
          {countdown && countdown.dueOn !== countdown.periodEndOn
            ? ` ${t("clues.countdown.moved", { from: formatDate(countdown.periodEndOn, t.locale), to: formatDate(countdown.dueOn, t.locale) })}`
            : null}
        </p>
      </Card>

      <Card title={t("clues.actions.title")}>
        <FormError errors={pageError} />
        {!mayWrite ? <p className="muted">{t("clues.actions.readOnly")}</p> : !anyStep ? <p className="muted">{t("clues.actions.none")}</p> : null}
        {steps.start ? <StartEvaluationForm action={self} /> : null}
        {steps.evaluate ? <EvaluationForm action={self} evaluation={clue.evaluation} lastResult={resultFor("evaluate")} /> : null}
        {steps.propose ? (
          <section className="approval-form">
            <h3>{t("clues.propose.title")}</h3>
            <ProposeCaseForm
              action={self}
              field={clue.field}
              allowNotFiling={steps.notFiling}
              agencies={agencies}
              series={series}
              lastResult={resultFor("propose")}
            />
          </section>
        ) : null}
        {steps.transfer ? (
          <section className="approval-form">
            <h3>{t("clues.transfer.title")}</h3>
            <TransferClueForm action={self} lastResult={resultFor("transfer")} />
          </section>
        ) : null}
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
                      <CaseStateBadge state={c.state} />{" "}
                      {c.approvals.map((a) => (
                        <Link key={a.id} to={`/approvals/${a.id}`}>
                          <Badge tone="warn">{t("clues.awaiting", { kind: t.label("approvalKind", a.kind) })}</Badge>
                        </Link>
                      ))}
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
      {documents.candidates.length || documents.issued.length ? (
        <>
          <CandidatesCard candidates={documents.candidates} mayIssue={documents.mayIssue} mayPreview={documents.mayPreview} />
          <IssuedCard issued={documents.issued} mayVerify={documents.mayPreview} />
        </>
      ) : null}
    </div>
  );
}
