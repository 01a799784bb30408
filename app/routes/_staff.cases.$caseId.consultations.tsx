import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Card, Facts, Field, FormError } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import { CONSULTATION_METHODS, consultationSchema, mayConsult } from "~/domain/consultation/schemas";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import { getCaseHeader } from "~/models/case-page.server";
import { listConsultations, recordConsultation } from "~/models/consultation.server";
import { actionError } from "~/utils/action-error.server";
import { requireCaseRoute } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The consultations tab (磋商, 规则 Art 70).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "case:read");
  const consultations = await listConsultations(procuratorateId, caseId);
  const kase = await getCaseHeader(procuratorateId, caseId);
  return {
    consultations,
    version: kase.version,
    mayRecord: can(actor, "case:write") && mayConsult(kase.state),
    today: dateInShanghai(),
  };
}

/** Records a consultation (磋商, 规则 Art 70) on the case. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "case:write");
  const submission = parseWithZod(await readForm(request), { schema: consultationSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    await recordConsultation(procuratorateId, actor.userId, caseId, submission.value);
  } catch (error) {
    return actionError(error, submission);
  }
  return redirect(`/cases/${caseId}/consultations?saved=1`);
}

export default function CaseConsultationsTab() {
  const { consultations, version, mayRecord, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  return (
    <div id="consultations" className="case-section stack">
      {params.get("saved") ? (
        <div className="notice notice--ok" role="status">
          {t("casepage.consultation.saved")}
        </div>
      ) : null}
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
      {mayRecord || actionData ? (
        <ConsultationForm version={version} today={today} lastResult={actionData?.result} />
      ) : (
        <p className="muted small">{t("casepage.consultation.closedHint")}</p>
      )}
    </div>
  );
}

function ConsultationForm({
  version,
  today,
  lastResult,
}: {
  version: number;
  today: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "consultation",
    lastResult,
    defaultValue: { heldOn: today, method: "meeting" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: consultationSchema }),
  });
  return (
    <Card title={t("casepage.consultation.new")}>
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="version" value={version} />
        <FormError errors={form.errors} id={form.errorId} />
        <div className="grid grid-2">
          <Field label={t("casepage.consultation.method")} htmlFor={fields.method.id} errors={fields.method.errors}>
            <select {...getSelectProps(fields.method)}>
              {CONSULTATION_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t.label("cases.consultationMethod", m)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("casepage.consultation.heldOn")} htmlFor={fields.heldOn.id} errors={fields.heldOn.errors}>
            <input {...getInputProps(fields.heldOn, { type: "date" })} />
          </Field>
        </div>
        <Field label={t("casepage.consultation.place")} htmlFor={fields.place.id} errors={fields.place.errors}>
          <input {...getInputProps(fields.place, { type: "text" })} maxLength={200} />
        </Field>
        <Field label={t("casepage.consultation.attendees")} htmlFor={fields.attendees.id} errors={fields.attendees.errors}>
          <textarea {...getTextareaProps(fields.attendees)} rows={2} maxLength={1000} />
        </Field>
        <Field label={t("casepage.consultation.facts")} htmlFor={fields.facts.id} errors={fields.facts.errors}>
          <textarea {...getTextareaProps(fields.facts)} rows={3} />
        </Field>
        <Field label={t("casepage.consultation.agencyPosition")} htmlFor={fields.agencyPosition.id} errors={fields.agencyPosition.errors}>
          <textarea {...getTextareaProps(fields.agencyPosition)} rows={3} />
        </Field>
        <Field label={t("casepage.consultation.plan")} htmlFor={fields.rectificationPlan.id} errors={fields.rectificationPlan.errors}>
          <textarea {...getTextareaProps(fields.rectificationPlan)} rows={3} />
        </Field>
        <Field label={t("casepage.consultation.minutes")} htmlFor={fields.minutes.id} errors={fields.minutes.errors}>
          <textarea {...getTextareaProps(fields.minutes)} rows={4} />
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("casepage.consultation.save")}
          </button>
        </div>
      </Form>
    </Card>
  );
}
