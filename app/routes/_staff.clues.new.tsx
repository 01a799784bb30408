import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { pageTitle } from "~/components/case/meta";
import { Card, Field, FormError, PageHeader } from "~/components/ui";
import { CLUE_SOURCES } from "~/domain/case/schemas";
import { CASE_FIELDS } from "~/domain/case/states";
import { CLUE_LOCATION_MAX, CLUE_SUMMARY_MAX, INFORMANT_NAME_MAX, registerClueSchema } from "~/domain/clue/schemas";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { useT } from "~/i18n/react";
import { registerClue } from "~/models/clue-workflow.server";
import { actionError } from "~/utils/action-error.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "clues.new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "clue:write");
  staffScope(scope);
  return { today: dateInShanghai() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "clue:write");
  const procuratorateId = staffScope(scope);
  const submission = parseWithZod(await readForm(request), { schema: registerClueSchema(dateInShanghai()) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  let clue: { id: string; number: string };
  try {
    clue = await registerClue(procuratorateId, actor.userId, submission.value);
  } catch (error) {
    return actionError(error, submission);
  }
  return redirect(`/clues/${clue.id}?registered=1`);
}

export default function NewClue() {
  const { today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="case-page">
      <PageHeader crumbs={[{ to: "/clues", label: t("nav.clues") }]} title={t("clues.new.title")} subtitle={t("clues.new.subtitle")} />
      <Card>
        <RegisterClueForm today={today} lastResult={actionData?.result} />
      </Card>
    </div>
  );
}

function RegisterClueForm({ today, lastResult }: { today: string; lastResult?: SubmissionResult<string[]> | null }) {
  const t = useT();
  const navigation = useNavigation();
  const schema = useMemo(() => registerClueSchema(today), [today]);
  const [form, fields] = useForm({
    id: "register-clue",
    lastResult,
    defaultValue: { receivedOn: today },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="form form--wide" {...getFormProps(form)}>
      <FormError errors={form.errors} />
      <div className="grid grid-2">
        <Field label={t("cases.clues.source")} htmlFor={fields.source.id} errors={fields.source.errors}>
          <select {...getSelectProps(fields.source)} key={fields.source.key}>
            <option value="">{t("clues.new.choose")}</option>
            {CLUE_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t.label("clueSource", s)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("cases.clues.receivedOn")} htmlFor={fields.receivedOn.id} errors={fields.receivedOn.errors}>
          <input {...getInputProps(fields.receivedOn, { type: "date" })} key={fields.receivedOn.key} max={today} />
        </Field>
        <Field label={t("cases.col.field")} htmlFor={fields.field.id} errors={fields.field.errors}>
          <select {...getSelectProps(fields.field)} key={fields.field.key}>
            <option value="">{t("clues.new.choose")}</option>
            {CASE_FIELDS.map((f) => (
              <option key={f} value={f}>
                {t.label("caseField", f)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t("cases.clues.location")}
          htmlFor={fields.location.id}
          errors={fields.location.errors}
          hint={t("clues.new.locationHint")}
        >
          <input {...getInputProps(fields.location, { type: "text" })} key={fields.location.key} maxLength={CLUE_LOCATION_MAX} />
        </Field>
      </div>
      <Field label={t("cases.clues.summary")} htmlFor={fields.summary.id} errors={fields.summary.errors}>
        <textarea {...getTextareaProps(fields.summary)} key={fields.summary.key} rows={5} maxLength={CLUE_SUMMARY_MAX} />
      </Field>

      <fieldset style={{ border: 0, padding: 0, margin: "8px 0 0" }}>
        <legend style={{ fontWeight: 600 }}>{t("clues.new.informant")}</legend>
        <p className="muted small">{t("clues.new.informantHint")}</p>
        <div className="grid grid-2">
          <Field label={t("cases.informant.name")} htmlFor={fields.informantName.id} errors={fields.informantName.errors}>
            <input
              {...getInputProps(fields.informantName, { type: "text" })}
              key={fields.informantName.key}
              maxLength={INFORMANT_NAME_MAX}
              autoComplete="off"
            />
          </Field>
          <Field
            label={t("cases.informant.phone")}
            htmlFor={fields.informantPhone.id}
            errors={fields.informantPhone.errors}
            hint={t("clues.new.phoneHint")}
          >
            <input {...getInputProps(fields.informantPhone, { type: "tel" })} key={fields.informantPhone.key} autoComplete="off" />
          </Field>
          <Field
            label={t("cases.informant.idNumber")}
            htmlFor={fields.informantIdNumber.id}
            errors={fields.informantIdNumber.errors}
            hint={t("clues.new.idNumberHint")}
          >
            <input
              {...getInputProps(fields.informantIdNumber, { type: "text" })}
              key={fields.informantIdNumber.key}
              maxLength={24}
              autoComplete="off"
              className="mono"
            />
          </Field>
        </div>
      </fieldset>

      <div className="actions">
        <button className="button" type="submit" disabled={navigation.state === "submitting"}>
          {t("clues.new.submit")}
        </button>
        <Link className="button button--secondary" to="/clues">
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}
