import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { Field, FormError } from "~/components/ui";
import {
  HEARING_CASE_TEXT_MAX,
  HEARING_CLOSED_REASON_MAX,
  HEARING_PURPOSE_MAX,
  HEARING_TITLE_MAX,
  HEARING_VENUE_MAX,
  hearingFormSchema,
} from "~/domain/hearing/setup-schemas";
import { PROPOSED_HANDLINGS } from "~/domain/hearing/states";
import { useT } from "~/i18n/react";

/** The form's values as strings (the edit page loads them; the new page preselects cases). */
export type HearingFormValues = {
  seriesId?: string;
  title?: string;
  purpose?: string;
  venue?: string;
  startsAt?: string;
  endsAt?: string;
  hostId?: string;
  clerkId?: string;
  form?: "public" | "closed";
  closedReason?: string;
  contactPhone?: string;
  observerSeats?: string;
  cases?: { caseId?: string; sessionAt?: string; issues?: string; proposedHandling?: string; proposal?: string }[];
};

/**
 * The hearing form (/hearings/new, /hearings/:id/edit): particulars, host and clerk, public or
 * closed (听证规定 Art 5), and the cases heard, each with its session, issues and the proposed
 * handling the panel weighs. Cases are added, removed and reordered in the list; the order is
 * each case's ordinal. Validated in the browser and by the action with hearingFormSchema.
 */
export function HearingForm({
  id,
  staff,
  cases,
  defaultValue,
  lastResult,
  submitLabel,
  cancelTo,
}: {
  id: string;
  staff: { id: string; displayName: string; post: string | null }[];
  cases: { id: string; number: string | null; title: string }[];
  defaultValue: HearingFormValues;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
  cancelTo: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: hearingFormSchema }),
  });
  const caseList = fields.cases.getFieldList();
  const staffOptions = staff.map((s) => (
    <option key={s.id} value={s.id}>
      {s.displayName}
      {s.post ? ` (${s.post})` : ""}
    </option>
  ));
  return (
    <Form method="post" className="form form--wide" {...getFormProps(form)}>
      <FormError errors={form.errors} id={form.errorId} />
      <input {...getInputProps(fields.seriesId, { type: "hidden" })} key={fields.seriesId.key} />
      <Field label={t("hearingSetup.form.title")} htmlFor={fields.title.id} errors={fields.title.errors}>
        <input {...getInputProps(fields.title, { type: "text" })} key={fields.title.key} maxLength={HEARING_TITLE_MAX} />
      </Field>
      <Field label={t("hearingSetup.form.purpose")} htmlFor={fields.purpose.id} errors={fields.purpose.errors}>
        <textarea {...getTextareaProps(fields.purpose)} key={fields.purpose.key} rows={3} maxLength={HEARING_PURPOSE_MAX} />
      </Field>
      <Field label={t("hearingSetup.form.venue")} htmlFor={fields.venue.id} errors={fields.venue.errors}>
        <input {...getInputProps(fields.venue, { type: "text" })} key={fields.venue.key} maxLength={HEARING_VENUE_MAX} />
      </Field>
      <div className="grid grid-2">
        <Field label={t("hearingSetup.form.startsAt")} htmlFor={fields.startsAt.id} errors={fields.startsAt.errors}>
          <input {...getInputProps(fields.startsAt, { type: "datetime-local" })} key={fields.startsAt.key} />
        </Field>
        <Field label={t("hearingSetup.form.endsAt")} htmlFor={fields.endsAt.id} errors={fields.endsAt.errors}>
          <input {...getInputProps(fields.endsAt, { type: "datetime-local" })} key={fields.endsAt.key} />
        </Field>
      </div>
      <div className="grid grid-2">
        <Field label={t("hearingSetup.form.host")} htmlFor={fields.hostId.id} errors={fields.hostId.errors}>
          <select {...getSelectProps(fields.hostId)} key={fields.hostId.key}>
            <option value="">{t("hearingSetup.form.choose")}</option>
            {staffOptions}
          </select>
        </Field>
        <Field label={t("hearingSetup.form.clerk")} htmlFor={fields.clerkId.id} errors={fields.clerkId.errors}>
          <select {...getSelectProps(fields.clerkId)} key={fields.clerkId.key}>
            <option value="">{t("hearingSetup.form.none")}</option>
            {staffOptions}
          </select>
        </Field>
      </div>
      <fieldset className="field">
        <legend>{t("hearingSetup.form.form")}</legend>
        <div className="checkbox-grid">
          {(["public", "closed"] as const).map((v) => (
            <label key={v} className="checkbox">
              <input
                type="radio"
                name={fields.form.name}
                value={v}
                defaultChecked={fields.form.initialValue === v}
                key={`${fields.form.key}-${v}`}
              />{" "}
              {t(v === "public" ? "hearingSetup.form.public" : "hearingSetup.form.closed")}
            </label>
          ))}
        </div>
        {fields.form.errors?.length ? (
          <span className="error" role="alert">
            {fields.form.errors.map((e) => t.dynamic(e)).join(" ")}
          </span>
        ) : null}
      </fieldset>
      <Field
        label={t("hearingSetup.form.closedReason")}
        htmlFor={fields.closedReason.id}
        hint={t("hearingSetup.form.closedReasonHint")}
        errors={fields.closedReason.errors}
      >
        <input {...getInputProps(fields.closedReason, { type: "text" })} key={fields.closedReason.key} maxLength={HEARING_CLOSED_REASON_MAX} />
      </Field>
      <div className="grid grid-2">
        <Field label={t("hearingSetup.form.contactPhone")} htmlFor={fields.contactPhone.id} errors={fields.contactPhone.errors}>
          <input {...getInputProps(fields.contactPhone, { type: "tel" })} key={fields.contactPhone.key} />
        </Field>
        <Field label={t("hearingSetup.form.observerSeats")} htmlFor={fields.observerSeats.id} errors={fields.observerSeats.errors}>
          <input {...getInputProps(fields.observerSeats, { type: "number" })} key={fields.observerSeats.key} min={0} />
        </Field>
      </div>

      <fieldset className="field hearing-cases">
        <legend>{t("hearingSetup.form.cases")}</legend>
        {fields.cases.errors?.length ? (
          <span className="error" role="alert">
            {fields.cases.errors.map((e) => t.dynamic(e)).join(" ")}
          </span>
        ) : null}
        <ol className="hearing-case-list">
          {caseList.map((item, index) => {
            const c = item.getFieldset();
            return (
              <li key={item.key} className="card hearing-case" data-testid={`hearing-case-${index + 1}`}>
                <Field label={t("hearingSetup.form.case", { n: index + 1 })} htmlFor={c.caseId.id} errors={c.caseId.errors}>
                  <select {...getSelectProps(c.caseId)} key={c.caseId.key}>
                    <option value="">{t("hearingSetup.form.choose")}</option>
                    {cases.map((k) => (
                      <option key={k.id} value={k.id}>
                        {k.number ? `${k.number} ` : ""}
                        {k.title}
                      </option>
                    ))}
                  </select>
                </Field>
                <div className="grid grid-2">
                  <Field label={t("hearingSetup.form.sessionAt")} htmlFor={c.sessionAt.id} errors={c.sessionAt.errors}>
                    <input {...getInputProps(c.sessionAt, { type: "datetime-local" })} key={c.sessionAt.key} />
                  </Field>
                  <Field label={t("hearingSetup.form.proposedHandling")} htmlFor={c.proposedHandling.id} errors={c.proposedHandling.errors}>
                    <select {...getSelectProps(c.proposedHandling)} key={c.proposedHandling.key}>
                      {PROPOSED_HANDLINGS.map((p) => (
                        <option key={p} value={p}>
                          {t.label("proposedHandling", p)}
                        </option>
                      ))}
                    </select>
                  </Field>
                </div>
                <Field label={t("hearingSetup.form.issues")} htmlFor={c.issues.id} errors={c.issues.errors}>
                  <textarea {...getTextareaProps(c.issues)} key={c.issues.key} rows={2} maxLength={HEARING_CASE_TEXT_MAX} />
                </Field>
                <Field
                  label={t("hearingSetup.form.proposal")}
                  htmlFor={c.proposal.id}
                  hint={t("hearingSetup.form.proposalHint")}
                  errors={c.proposal.errors}
                >
                  <textarea {...getTextareaProps(c.proposal)} key={c.proposal.key} rows={2} maxLength={HEARING_CASE_TEXT_MAX} />
                </Field>
                <div className="actions">
                  <button
                    className="button button--secondary"
                    {...form.reorder.getButtonProps({ name: fields.cases.name, from: index, to: index - 1 })}
                    disabled={index === 0}
                  >
                    {t("hearingSetup.form.moveUp")}
                  </button>
                  <button
                    className="button button--secondary"
                    {...form.reorder.getButtonProps({ name: fields.cases.name, from: index, to: index + 1 })}
                    disabled={index === caseList.length - 1}
                  >
                    {t("hearingSetup.form.moveDown")}
                  </button>
                  <button className="button button--secondary" {...form.remove.getButtonProps({ name: fields.cases.name, index })}>
                    {t("hearingSetup.form.removeCase")}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
        <button
          className="button button--secondary"
          {...form.insert.getButtonProps({ name: fields.cases.name, defaultValue: { proposedHandling: "recommend" } })}
        >
          {t("hearingSetup.form.addCase")}
        </button>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
        <Link to={cancelTo} className="button button--secondary">
          {t("hearingSetup.form.cancel")}
        </Link>
      </div>
    </Form>
  );
}
