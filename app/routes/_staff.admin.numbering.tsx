import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { pageTitle, titleIn } from "~/components/case/meta";
import { Card, Field, FormError, PageHeader } from "~/components/ui";
import { dateInShanghai, yearOf } from "~/domain/deadlines/dates";
import { NUMBERED_DOCUMENT_KINDS, documentNumberCodeSchema } from "~/domain/numbering/format";
import { useT } from "~/i18n/react";
import { listNumberCodes, setNumberCode } from "~/models/numbering.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "nav.admin", undefined, titleIn(matches, "numbering.title"));

// 文号代字: the administrator sets the code of each document kind. Codes are data; a kind without
// one is issued without a number (no code is invented).

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "admin:read");
  return listNumberCodes(staffScope(scope), yearOf(dateInShanghai()));
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "admin:manage");
  const procuratorateId = staffScope(scope);
  const submission = parseWithZod(await readForm(request), { schema: documentNumberCodeSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const { changed } = await setNumberCode(procuratorateId, actor.userId, submission.value);
  return redirect(`/admin/numbering?${changed ? "saved" : "unchanged"}=1`);
}

export default function AdminNumbering() {
  const { rows, shortName, year } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "numbering-form",
    lastResult: actionData?.result,
    defaultValue: { kind: "recommendation", code: rows.find((r) => r.kind === "recommendation")?.code ?? "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: documentNumberCodeSchema }),
  });
  return (
    <>
      <PageHeader
        title={t("numbering.title")}
        subtitle={t("numbering.subtitle")}
        crumbs={[{ to: "/admin", label: t("nav.admin") }]}
      />
      {params.has("saved") ? (
        <div className="notice notice--ok" role="status" style={{ marginBottom: 18 }}>
          {t("numbering.saved")}
        </div>
      ) : params.has("unchanged") ? (
        <div className="notice" role="status" style={{ marginBottom: 18 }}>
          {t("numbering.unchanged")}
        </div>
      ) : null}
      <Card title={t("numbering.codes", { year })}>
        <div className="table-wrap">
          <table className="table" data-testid="numbering-table">
            <thead>
              <tr>
                <th scope="col">{t("numbering.col.kind")}</th>
                <th scope="col">{t("numbering.col.code")}</th>
                <th scope="col">{t("numbering.col.last")}</th>
                <th scope="col">{t("numbering.col.next")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.kind} data-kind={r.kind}>
                  <td data-label={t("numbering.col.kind")}>{t.label("numbering.kind", r.kind)}</td>
                  <td data-label={t("numbering.col.code")}>{r.code ?? <span className="muted">{t("numbering.none")}</span>}</td>
                  <td data-label={t("numbering.col.last")}>{r.code ? r.last : "—"}</td>
                  <td data-label={t("numbering.col.next")}>{r.next ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted small" style={{ marginTop: 12 }}>
          {t("numbering.format", { example: `${shortName}检行公建〔${year}〕1号` })} {t("numbering.register")}
        </p>
      </Card>
      <Card title={t("numbering.form.title")}>
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormError errors={form.errors} id={form.errorId} />
          <Field label={t("numbering.form.kind")} htmlFor={fields.kind.id} errors={fields.kind.errors}>
            <select {...getSelectProps(fields.kind)} key={fields.kind.key}>
              {NUMBERED_DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.label("numbering.kind", k)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t("numbering.form.code")}
            htmlFor={fields.code.id}
            errors={fields.code.errors}
            hint={t("numbering.form.codeHint")}
          >
            <input {...getInputProps(fields.code, { type: "text" })} key={fields.code.key} maxLength={20} style={{ maxWidth: 200 }} />
          </Field>
          <div className="actions">
            <button className="button" type="submit" disabled={navigation.state === "submitting"}>
              {t("common.save")}
            </button>
          </div>
        </Form>
      </Card>
    </>
  );
}
