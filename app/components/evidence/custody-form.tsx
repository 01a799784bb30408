import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { Field, FormError } from "~/components/ui";
import {
  CUSTODY_COUNTERPARTY_MAX,
  CUSTODY_NOTE_MAX,
  CUSTODY_PLACE_MAX,
  MANUAL_CUSTODY_ACTIONS,
  custodyStepSchema,
} from "~/domain/evidence/schemas-custody";
import { useT } from "~/i18n/react";

/**
 * Records a physical custody step (received, stored, transferred, returned) of an evidence item,
 * on its page under the timeline. Validated in the browser and by the page's action with the same
 * schema (custodyStepSchema; the browser checks "not in the future" against its own clock, the
 * server again against its own).
 */
export function CustodyForm({ nowLocal, lastResult }: { nowLocal: string; lastResult?: SubmissionResult<string[]> | null }) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "custody-step",
    lastResult,
    defaultValue: { at: nowLocal },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: custodyStepSchema(new Date()) }),
  });
  return (
    <details className="custody-form" open={Boolean(lastResult)}>
      <summary>{t("evidenceCustody.form.title")}</summary>
      <Form method="post" className="form form--wide" {...getFormProps(form)} data-testid="custody-form">
        <p className="muted small">{t("evidenceCustody.form.hint")}</p>
        <FormError errors={form.errors} id={form.errorId} />
        <div className="grid grid-2">
          <Field label={t("evidenceCustody.form.action")} htmlFor={fields.action.id} errors={fields.action.errors}>
            <select {...getSelectProps(fields.action)} key={fields.action.key}>
              <option value="">{t("evidenceCustody.form.choose")}</option>
              {MANUAL_CUSTODY_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t.label("custodyAction", a)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("evidenceCustody.form.at")} htmlFor={fields.at.id} errors={fields.at.errors}>
            <input {...getInputProps(fields.at, { type: "datetime-local" })} key={fields.at.key} />
          </Field>
        </div>
        <div className="grid grid-2">
          <Field
            label={t("evidenceCustody.form.counterparty")}
            htmlFor={fields.counterparty.id}
            hint={t("evidenceCustody.form.counterpartyHint")}
            errors={fields.counterparty.errors}
          >
            <input {...getInputProps(fields.counterparty, { type: "text" })} key={fields.counterparty.key} maxLength={CUSTODY_COUNTERPARTY_MAX} />
          </Field>
          <Field
            label={t("evidenceCustody.form.location")}
            htmlFor={fields.location.id}
            hint={t("evidenceCustody.form.locationHint")}
            errors={fields.location.errors}
          >
            <input {...getInputProps(fields.location, { type: "text" })} key={fields.location.key} maxLength={CUSTODY_PLACE_MAX} />
          </Field>
        </div>
        <Field label={t("evidenceCustody.form.note")} htmlFor={fields.note.id} errors={fields.note.errors}>
          <textarea {...getTextareaProps(fields.note)} key={fields.note.key} rows={2} maxLength={CUSTODY_NOTE_MAX} />
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("evidenceCustody.form.submit")}
          </button>
        </div>
      </Form>
    </details>
  );
}
