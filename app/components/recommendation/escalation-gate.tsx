import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { AssessmentOutcomeBadge } from "~/components/recommendation/assessment-forms";
import { Card, Field, FormError } from "~/components/ui";
import type { Escalation } from "~/domain/recommendation/escalation";
import { escalationSchema } from "~/domain/recommendation/escalation";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";

export type EscalationData = {
  decision: Escalation;
  version: number;
  replyDueOn: string | null;
  points: { ordinal: number; outcome: string | null }[];
  clock: { dueOn: string; basis: string; basisKey: string } | null;
};

/**
 * The escalation gate (issue 11 §5): pre-suit review (审查起诉, 规则 Arts 79, 81) with its one-month
 * clock (规则 Art 47) and a complaint draft, or closure on 规则 Art 74(3); nothing when neither applies.
 * The form posts to the assessment tab, which takes the step through the transition table.
 */
export function EscalationGate({
  caseId,
  data,
  mayWrite,
  lastResult,
}: {
  caseId: string;
  data: EscalationData;
  mayWrite: boolean;
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const navigation = useNavigation();
  const d = data.decision;
  const [form, fields] = useForm({
    id: "escalation",
    lastResult,
    defaultValue: { reason: d.offer === "closure" ? t("agencyAssess.gate.closureReason") : t("agencyAssess.gate.preSuitReason") },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: escalationSchema }),
  });
  if (d.offer === "none") return null;
  return (
    <div id="escalation-gate" className="case-section">
      <Card title={d.offer === "closure" ? t("agencyAssess.gate.closureTitle") : t("agencyAssess.gate.preSuitTitle")}>
        {d.offer === "pre_suit_review" ? (
          <p>
            {d.reason === "overdue"
              ? t("agencyAssess.gate.overdue", { date: data.replyDueOn ? formatDate(data.replyDueOn, t.locale) : "" })
              : t("agencyAssess.gate.unperformed")}
          </p>
        ) : (
          <p>{t("agencyAssess.gate.rectified", { ground: t("casepage.ground.fully_rectified") })}</p>
        )}
        {data.points.some((p) => p.outcome) ? (
          <ul className="plain-list small">
            {data.points.map((p) => (
              <li key={p.ordinal}>
                {t("cases.recommendations.pointN", { n: p.ordinal })}{" "}
                {p.outcome ? <AssessmentOutcomeBadge outcome={p.outcome} /> : <span className="muted">{t("agencyAssess.gate.unassessed")}</span>}
              </li>
            ))}
          </ul>
        ) : null}
        {data.clock ? (
          <p className="notice notice--warn" id="pre-suit-clock">
            {t("agencyAssess.gate.clock", { date: formatDate(data.clock.dueOn, t.locale), basis: t.dynamic(data.clock.basisKey) })}
          </p>
        ) : null}
        {mayWrite ? (
          <Form method="post" action={`/cases/${caseId}/assessment`} className="form" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="escalate" />
            <input type="hidden" name="offer" value={d.offer} />
            <input type="hidden" name="version" value={data.version} />
            <FormError errors={form.errors} id={form.errorId} />
            <Field label={t("agencyAssess.gate.reason")} htmlFor={fields.reason.id} errors={fields.reason.errors}>
              <textarea {...getTextareaProps(fields.reason)} rows={2} maxLength={2000} />
            </Field>
            <div className="actions">
              <button type="submit" className="button" disabled={navigation.state === "submitting"}>
                {d.offer === "closure" ? t("agencyAssess.gate.requestClosure") : t("agencyAssess.gate.startPreSuit")}
              </button>
              {d.complaintDraft ? (
                <Link to={`/cases/${caseId}/documents`} className="button button--secondary">
                  {t("agencyAssess.gate.complaintDraft")}
                </Link>
              ) : null}
            </div>
          </Form>
        ) : null}
      </Card>
    </div>
  );
}
