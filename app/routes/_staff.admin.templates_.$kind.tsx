import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { pageTitle, titleIn } from "~/components/case/meta";
import { formatFileSize } from "~/components/portal";
import { PlaceholderTable, ProblemList, VersionTable } from "~/components/templates/template-views";
import { Card, Field, FormError, PageHeader } from "~/components/ui";
import { documentKindSchema } from "~/domain/documents/kinds";
import type { TemplateProblem } from "~/domain/documents/template-check";
import { TemplateRejectedError } from "~/domain/documents/template-check";
import { templateActionSchema, templateUploadSchema } from "~/domain/documents/template-schemas";
import { useT } from "~/i18n/react";
import { activateTemplateVersion, templateKindDetail, uploadTemplateVersion, returnToSharedTemplate } from "~/models/template.server";
import { sanitizeFileName } from "~/storage/file-name";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { isAppError, notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.admin", undefined, titleIn(matches, "admin.templates.title"));

// One document kind's templates (issue 10, item 4): the template in use (the procuratorate's own,
// else the shared packaged one), every kept version with a download and "make active" (own versions
// that no longer pass the current manifest check are flagged), "use the shared template again", the upload
// of a new version (checked against the kind's manifest; refused with the list of problems), and
// the kind's placeholders, so that an administrator knows what to put in.

/** Room for the multipart envelope around a file of TEMPLATE_MAX_BYTES. */
const FORM_SLACK_BYTES = 64 * 1024;

function kindOf(params: LoaderFunctionArgs["params"]) {
  const parsed = documentKindSchema.safeParse(params.kind);
  return parsed.success ? parsed.data : notFound();
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "admin:read");
  const kind = kindOf(params);
  return { ...(await templateKindDetail(staffScope(scope), kind)), maxBytes: getEnv().templateMaxBytes };
}

type ActionData = { intent: "upload" | "activate" | "useShared" | null; result: SubmissionResult<string[]>; problems: TemplateProblem[] | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "admin:manage");
  const procuratorateId = staffScope(scope);
  const kind = kindOf(params);
  const maxBytes = getEnv().templateMaxBytes;
  let form: FormData;
  try {
    form = await readForm(request, maxBytes + FORM_SLACK_BYTES);
  } catch (error) {
    // A body over the cap is not read: refuse it as a too-large template, in the list of problems.
    if (!(error instanceof Response) || error.status !== 413) throw error;
    const size = Number(request.headers.get("Content-Length") ?? 0);
    const problems: TemplateProblem[] = [{ code: "too_large", size, limit: maxBytes }];
    return data<ActionData>({ intent: "upload", result: { status: "error", error: { "": ["templates.error.rejected"] } }, problems }, { status: 413 });
  }
  const submission = parseWithZod(form, { schema: templateActionSchema });
  const intents = ["upload", "activate", "useShared"] as const;
  const intent = intents.find((i) => i === submission.payload.intent) ?? null;
  if (submission.status !== "success") {
    return data<ActionData>({ intent, result: submission.reply(), problems: null }, { status: 400 });
  }
  const input = submission.value;
  try {
    if (input.intent === "upload") {
      const bytes = new Uint8Array(await input.file.arrayBuffer());
      const { version } = await uploadTemplateVersion(procuratorateId, actor.userId, kind, { name: sanitizeFileName(input.file.name), bytes });
      return redirect(`/admin/templates/${kind}?uploaded=${version}`);
    }
    if (input.intent === "useShared") {
      const { changed } = await returnToSharedTemplate(procuratorateId, actor.userId, kind);
      return redirect(`/admin/templates/${kind}?${changed ? "sharedAgain=1" : "unchanged=0"}`);
    }
    const { changed } = await activateTemplateVersion(procuratorateId, actor.userId, input.templateId, input.version);
    return redirect(`/admin/templates/${kind}?${changed ? "activated" : "unchanged"}=${input.version}`);
  } catch (error) {
    if (error instanceof TemplateRejectedError) {
      return data<ActionData>({ intent, result: submission.reply({ formErrors: [error.messageKey] }), problems: error.problems }, { status: error.status });
    }
    if (isAppError(error)) {
      return data<ActionData>({ intent, result: submission.reply({ formErrors: [error.messageKey] }), problems: null }, { status: error.status });
    }
    throw error;
  }
}

export default function AdminTemplateKind() {
  const { kind, inEffect, own, shared, fields, maxBytes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const t = useT();
  const upload = actionData?.intent === "upload" ? actionData : null;
  const activate = actionData?.intent === "activate" || actionData?.intent === "useShared" ? actionData : null;
  const [form, formFields] = useForm({
    id: "template-upload",
    lastResult: upload?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: templateUploadSchema }),
  });
  const label = t.label("documentKind", kind);
  const active = inEffect === "own" ? own : inEffect === "shared" ? shared : null;
  const submitting = navigation.state === "submitting";
  return (
    <>
      <PageHeader
        title={t("templates.kind.title", { kind: label })}
        subtitle={t("templates.kind.subtitle")}
        crumbs={[
          { to: "/admin", label: t("nav.admin") },
          { to: "/admin/templates", label: t("admin.templates.title") },
        ]}
      />
      {params.has("uploaded") ? (
        <div className="notice notice--ok" role="status" style={{ marginBottom: 18 }}>
          {t("templates.uploaded", { version: params.get("uploaded") ?? "" })}
        </div>
      ) : params.has("activated") ? (
        <div className="notice notice--ok" role="status" style={{ marginBottom: 18 }}>
          {t("templates.activated", { version: params.get("activated") ?? "" })}
        </div>
      ) : params.has("sharedAgain") ? (
        <div className="notice notice--ok" role="status" style={{ marginBottom: 18 }}>
          {t("templates.sharedAgain")}
        </div>
      ) : params.has("unchanged") ? (
        <div className="notice" role="status" style={{ marginBottom: 18 }}>
          {t("templates.unchanged")}
        </div>
      ) : null}
      {activate?.result.error?.[""] ? (
        <div className="notice notice--warn" role="alert" style={{ marginBottom: 18 }}>
          {activate.result.error[""].map((key) => t.dynamic(key)).join(" ")}
        </div>
      ) : null}
      <div className={active ? "notice" : "notice notice--warn"} data-testid="template-in-effect" style={{ marginBottom: 18 }}>
        {active
          ? t(inEffect === "own" ? "templates.inEffect.own" : "templates.inEffect.shared", { version: active.activeVersion })
          : t("templates.inEffect.none")}
      </div>

      {own ? (
        <Card title={t("templates.versions.own")}>
          <VersionTable template={own} canActivate submitting={submitting} />
          {inEffect === "own" && shared ? (
            <Form method="post" className="actions" style={{ marginTop: 12 }}>
              <input type="hidden" name="intent" value="useShared" />
              <button className="button button--secondary" type="submit" disabled={submitting}>
                {t("templates.useShared")}
              </button>
              <span className="muted small">{t("templates.useShared.hint")}</span>
            </Form>
          ) : null}
        </Card>
      ) : null}
      {shared ? (
        <Card title={t(own ? "templates.versions.sharedOverridden" : "templates.versions.shared")}>
          <VersionTable template={shared} canActivate={false} submitting={submitting} />
          <p className="muted small" style={{ marginTop: 12 }}>
            {t("templates.versions.sharedNote")}
          </p>
        </Card>
      ) : null}

      <Card title={t("templates.upload.title")}>
        {fields ? (
          // Keyed by the last outcome, so the file input is empty again after an upload or a switch.
          <Form method="post" encType="multipart/form-data" className="form" {...getFormProps(form)} key={params.toString()}>
            <input type="hidden" name="intent" value="upload" />
            <FormError errors={form.errors} id={form.errorId} />
            {upload?.problems?.length ? <ProblemList problems={upload.problems} /> : null}
            <Field
              label={t("templates.upload.file")}
              htmlFor={formFields.file.id}
              errors={formFields.file.errors}
              hint={t("templates.upload.hint", { limit: formatFileSize(maxBytes, t) })}
            >
              <input
                {...getInputProps(formFields.file, { type: "file" })}
                key={formFields.file.key}
                accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              />
            </Field>
            <div className="actions">
              <button className="button" type="submit" disabled={submitting}>
                {t("templates.upload.submit")}
              </button>
            </div>
          </Form>
        ) : (
          <p className="muted">{t("templates.upload.noDefinition")}</p>
        )}
      </Card>

      <Card title={t("templates.fields.title")}>
        {fields ? <PlaceholderTable fields={fields} /> : <p className="muted">{t("templates.fields.none")}</p>}
      </Card>
    </>
  );
}
