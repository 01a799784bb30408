import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CaseDecision } from "~/components/hearing/case-decision";
import { StanceBadge } from "~/components/hearing/hearing-badges";
import { Badge, Card, FormError } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import { opinionsTabSchema } from "~/domain/hearing/panel-schemas";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { getHearingDecisions, recordDecision, requestDeparture } from "~/models/hearing-decision.server";
import { getHearingOpinions } from "~/models/hearing.server";
import { actionError } from "~/utils/action-error.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// Deliberation and opinions tab: sealed until the host closes deliberation (opinionsUnsealed), then
// per case each seated panelist's signed opinion and the majority, the record's summaries, and the
// procuratorate's decision; one departing from the majority needs the chief's approval (听证规定 Art 16).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  const [opinions, decisions] = await Promise.all([
    getHearingOpinions(procuratorateId, params.hearingId),
    getHearingDecisions(procuratorateId, params.hearingId),
  ]);
  return { ...opinions, decisions: decisions.decisions, mayDecide: can(actor, "hearing:manage") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:manage");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  const submission = parseWithZod(await readForm(request), { schema: opinionsTabSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), done: null }, { status: 400 });
  const v = submission.value;
  try {
    if (v.intent === "decide") {
      await recordDecision(procuratorateId, actor.userId, params.hearingId, v);
      return { result: submission.reply({ resetForm: true }), done: "hearingPanel.decision.done" };
    }
    await requestDeparture(procuratorateId, actor.userId, params.hearingId, v);
    return { result: submission.reply({ resetForm: true }), done: "hearingPanel.departure.done" };
  } catch (error) {
    return actionError(error, submission);
  }
}

export default function HearingOpinions() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const done = actionData && "done" in actionData ? actionData.done : null;
  const errors = Object.values(actionData?.result.error ?? {}).flatMap((v) => v ?? []);
  const failedCase = done === null ? (actionData?.result.initialValue?.caseId ?? null) : null;
  if (!data.opinionsOpen) {
    return (
      <Card title={t("hearings.opinions")}>
        <p className="muted">{t("hearings.opinions.sealed", { n: data.submittedOpinions })}</p>
      </Card>
    );
  }
  return (
    <Card title={t("hearings.opinions")}>
      {done ? (
        <p className="notice notice--ok" role="status">
          {t.dynamic(done)}
        </p>
      ) : null}
      {data.deliberationSummary ? (
        <>
          <h3>{t("hearings.deliberationSummary")}</h3>
          <p className="pre-line">{data.deliberationSummary}</p>
        </>
      ) : null}
      {data.cases.map((hc) => {
        const entry = data.opinionsByCase.find((o) => o.caseId === hc.case.id);
        if (!entry) return null;
        const { tally, opinions } = entry;
        return (
          <details key={hc.case.id} className="opinion-case" open={data.cases.length === 1}>
            <summary>
              <span className="opinion-case__title">
                {hc.ordinal}. {hc.case.number ?? hc.case.title}
                {hc.case.number ? <span className="muted small"> {hc.case.title}</span> : null}
              </span>
              <span className="opinion-case__tally">
                {opinions.length === 0 ? (
                  <span className="muted">{t("hearings.opinions.none")}</span>
                ) : (
                  <>
                    {t("hearings.opinions.tally", {
                      agree: tally.agree,
                      disagree: tally.disagree,
                      conditional: tally.conditional,
                      total: tally.total,
                    })}{" "}
                    {tally.majority ? (
                      <Badge tone="info">
                        {t(tally.absolute ? "hearings.opinions.majority" : "hearings.opinions.majorityRelative", {
                          stance: t.label("opinionStance", tally.majority),
                        })}
                      </Badge>
                    ) : (
                      <Badge tone="warn">{t("hearings.opinions.noMajority")}</Badge>
                    )}
                  </>
                )}
              </span>
            </summary>
            <p className="small" data-proposed-handling={hc.proposedHandling}>
              {t("hearings.proposal.heading")}: <strong>{t.label("proposedHandling", hc.proposedHandling)}</strong>
              {hc.proposal ? <span className="pre-line"> {hc.proposal}</span> : null}
            </p>
            <CaseDecision
              caseId={hc.case.id}
              tally={tally}
              decision={data.decisions.find((d) => d.caseId === hc.case.id) ?? null}
              mayDecide={data.mayDecide}
              errors={failedCase === hc.case.id ? errors : null}
            />
            {opinions.length === 0 ? null : (
              <>
                <p className="small">
                  <Link to={`/cases/${hc.case.id}`}>{t("hearings.opinions.openCase")}</Link>
                </p>
                <div className="table-wrap">
                  <table className="table table-responsive">
                    <thead>
                      <tr>
                        <th scope="col">{t("hearings.col.panelist")}</th>
                        <th scope="col">{t("hearings.col.stance")}</th>
                        <th scope="col">{t("hearings.col.reasons")}</th>
                        <th scope="col">{t("hearings.col.signed")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {opinions.map((o) => (
                        <tr key={o.panelistId}>
                          <td data-label={t("hearings.col.panelist")}>
                            <div>
                              {o.panelist.name}
                              <div className="muted small">{t.label("panelistCategory", o.panelist.category)}</div>
                            </div>
                          </td>
                          <td data-label={t("hearings.col.stance")}>
                            <StanceBadge stance={o.stance} />
                          </td>
                          <td data-label={t("hearings.col.reasons")}>
                            <div>
                              <div className="pre-line">{o.reasons}</div>
                              {o.conditions ? (
                                <div className="small">{t("hearings.opinions.conditions", { text: o.conditions })}</div>
                              ) : null}
                            </div>
                          </td>
                          <td data-label={t("hearings.col.signed")}>
                            <div>
                              {o.signedName}
                              <div className="muted small nowrap">{formatDateTime(o.submittedAt, t.locale)}</div>
                            </div>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </details>
        );
      })}
      <p className="muted small">{t("hearings.opinions.departureNote")}</p>
      {failedCase === null && errors.length ? <FormError errors={errors} /> : null}
      {data.hostSummary ? (
        <>
          <h3>{t("hearings.hostSummary")}</h3>
          <p className="pre-line">{data.hostSummary}</p>
        </>
      ) : null}
    </Card>
  );
}
