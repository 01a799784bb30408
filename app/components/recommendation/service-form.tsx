import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { Field, FormError } from "~/components/ui";
import { serviceActionSchema } from "~/domain/recommendation/service-schemas";
import { SERVICE_METHODS } from "~/domain/recommendation/states";
import { useT } from "~/i18n/react";

// One service record (送达回证, 规则 Art 76; 民诉法 Arts 87–89): what is served (a recommendation, or
// another issued document addressed to the agency), then the same fields and method rules for both.

export type ServiceTarget = {
  /** The form's intent and the field naming what is served. */
  intent: "serve" | "serveDocument";
  name: "recommendationId" | "documentId";
  label: string;
  options: { value: string; label: string }[];
};

export function ServiceForm({
  id,
  title,
  today,
  agencyName,
  target,
  lastResult,
}: {
  id: string;
  title: string;
  today: string;
  agencyName: string;
  target: ServiceTarget;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const schema = useMemo(() => serviceActionSchema(today), [today]);
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: { intent: target.intent, [target.name]: target.options[0]?.value ?? "", servedOn: today, recipient: agencyName, method: "direct" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  // Conform's field map is typed by the union; the serve branches' fields are read by name.
  const f = fields as unknown as Record<string, Parameters<typeof getInputProps>[0]>;
  const text = (name: string, label: string, hint?: string) => (
    <Field label={label} htmlFor={f[name]!.id} errors={f[name]!.errors} hint={hint}>
      <input {...getInputProps(f[name]!, { type: "text" })} key={f[name]!.key} autoComplete="off" />
    </Field>
  );
  const chosen = f[target.name]!;
  return (
    <Form method="post" className="form form--wide" aria-label={title} {...getFormProps(form)}>
      <input type="hidden" name="intent" value={target.intent} />
      <FormError errors={form.errors} id={form.errorId} />
      <div className="grid grid-2">
        <Field label={target.label} htmlFor={chosen.id} errors={chosen.errors}>
          <select {...getSelectProps(chosen as never)} key={chosen.key}>
            {target.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("agencyReply.service.agency")} htmlFor={`${id}-agency`}>
          <input id={`${id}-agency`} type="text" value={agencyName} readOnly />
        </Field>
        <Field label={t("agencyReply.service.method")} htmlFor={f.method!.id} errors={f.method!.errors}>
          <select {...getSelectProps(f.method as never)} key={f.method!.key}>
            {SERVICE_METHODS.map((m) => (
              <option key={m} value={m}>
                {t.label("serviceMethod", m)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("agencyReply.service.servedOn")} htmlFor={f.servedOn!.id} errors={f.servedOn!.errors}>
          <input {...getInputProps(f.servedOn!, { type: "date" })} key={f.servedOn!.key} max={today} />
        </Field>
        {text("place", t("agencyReply.service.place"))}
        {text("recipient", t("agencyReply.service.recipient"))}
        {text("signedBy", t("agencyReply.service.signedBy"))}
        {text("serverName", t("agencyReply.service.serverName"))}
        {text("refusalReason", t("agencyReply.service.refusalReason"), t("agencyReply.service.leavingHint"))}
        {text("witness", t("agencyReply.service.witness"))}
      </div>
      <Field label={t("agencyReply.service.attendees")} htmlFor={f.attendees!.id} errors={f.attendees!.errors} hint={t("agencyReply.service.attendeesHint")}>
        <textarea {...getTextareaProps(f.attendees as never)} key={f.attendees!.key} rows={2} />
      </Field>
      <Field label={t("agencyReply.service.note")} htmlFor={f.note!.id} errors={f.note!.errors}>
        <textarea {...getTextareaProps(f.note as never)} key={f.note!.key} rows={2} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {t("agencyReply.service.submit")}
        </button>
      </div>
    </Form>
  );
}
