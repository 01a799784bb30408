import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { pageTitle, titleIn } from "~/components/case/meta";
import { Badge, Card, Field, FormError, PageHeader, Stat } from "~/components/ui";
import { UNREADABLE_PASSWORD_ERROR } from "~/domain/notifications/outbox";
import { reminderSettingsSchema, settingsFormSchema, testEmailSchema } from "~/domain/notifications/schemas";
import { createT, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { outboxSummary, sendNow } from "~/models/outbox.server";
import { getReminderSettings, saveReminderSettings, smtpConnectionOf } from "~/models/reminder-settings.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "nav.admin", undefined, titleIn(matches, "notifications.settings.title"));

// The administrator's reminder settings (issue 11 §7): reminder days, the SMTP connection (the
// password is never sent back), the outbox's counts and latest failures, and a test e-mail.
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "admin:read");
  const procuratorateId = staffScope(scope);
  const [settings, outbox] = await Promise.all([getReminderSettings(procuratorateId), outboxSummary(procuratorateId)]);
  return { settings, outbox };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "admin:manage");
  const procuratorateId = staffScope(scope);
  const submission = parseWithZod(await readForm(request), { schema: settingsFormSchema });
  // Which of the page's two forms answered (its errors show under that form only).
  const form = submission.payload?.intent === "test" ? ("test" as const) : ("save" as const);
  if (submission.status !== "success") {
    return data({ form, result: submission.reply(), test: null }, { status: 400 });
  }
  const value = submission.value;
  if (value.intent === "save") {
    await saveReminderSettings(procuratorateId, actor.userId, value);
    return redirect("/admin/notifications?saved=1");
  }
  const state = await smtpConnectionOf(procuratorateId);
  if (state.status !== "ready") {
    const error = state.status === "unreadable" ? "notifications.settings.passwordUnreadable" : "notifications.settings.testNeedsServer";
    return data({ form, result: submission.reply({ formErrors: [error] }), test: null }, { status: 400 });
  }
  const connection = state.connection;
  const t = createT(actor.locale === "en" ? "en" : "zh-CN");
  try {
    await sendNow(connection, {
      to: value.to,
      subject: t("notifications.settings.testSubject", { app: t("app.shortName") }),
      text: t("notifications.settings.testText"),
    });
    return data({ form, result: submission.reply(), test: { ok: true as const, to: value.to, error: null } });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 300);
    return data({ form, result: submission.reply(), test: { ok: false as const, to: value.to, error: message } }, { status: 502 });
  }
}

export default function AdminNotifications() {
  const { settings, outbox } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const test = actionData?.test;
  return (
    <>
      <PageHeader
        title={t("notifications.settings.title")}
        subtitle={t("notifications.settings.subtitle")}
        crumbs={[{ to: "/admin", label: t("nav.admin") }]}
      />
      {params.has("saved") && !actionData ? (
        <div className="notice notice--ok" role="status" style={{ marginBottom: 18 }}>
          {t("notifications.settings.saved")}
        </div>
      ) : null}
      <Card title={t("notifications.settings.smtp")}>
        {settings.password === "unreadable" ? (
          <div className="notice notice--warn" role="alert" data-testid="password-unreadable" style={{ marginBottom: 12 }}>
            {t("notifications.settings.passwordUnreadable")}
          </div>
        ) : null}
        <p className="muted small">
          {settings.smtpHost
            ? t("notifications.settings.configured", { host: settings.smtpHost, port: settings.smtpPort ?? "" })
            : t("notifications.settings.notConfigured")}
        </p>
        <SettingsForm settings={settings} lastResult={actionData?.form === "save" ? actionData.result : undefined} />
      </Card>
      <Card title={t("notifications.settings.test")}>
        {test ? (
          <div className={test.ok ? "notice notice--ok" : "notice notice--warn"} role="status" style={{ marginBottom: 12 }}>
            {test.ok ? t("notifications.settings.testSent", { to: test.to }) : t("notifications.settings.testFailed", { error: test.error ?? "" })}
          </div>
        ) : null}
        <TestForm lastResult={actionData?.form === "test" ? actionData.result : undefined} />
      </Card>
      <Card title={t("notifications.outbox.title")}>
        <div className="stats" style={{ display: "flex", gap: 24 }}>
          <Stat value={outbox.counts.queued} label={t("notifications.outbox.queued")} />
          <Stat value={outbox.counts.sent} label={t("notifications.outbox.sent")} />
          <Stat value={outbox.counts.failed} label={t("notifications.outbox.failed")} />
        </div>
        <h3>{t("notifications.outbox.lastFailures")}</h3>
        {outbox.failures.length === 0 ? (
          <p className="muted">{t("notifications.outbox.noFailures")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th>{t("notifications.outbox.at")}</th>
                  <th>{t("notifications.outbox.to")}</th>
                  <th>{t("notifications.outbox.subject")}</th>
                  <th>{t("notifications.outbox.attempts")}</th>
                  <th>{t("notifications.outbox.error")}</th>
                </tr>
              </thead>
              <tbody>
                {outbox.failures.map((f) => (
                  <tr key={f.id}>
                    <td data-label={t("notifications.outbox.at")}>{formatDateTime(f.createdAt, t.locale)}</td>
                    <td data-label={t("notifications.outbox.to")}>{f.to}</td>
                    <td data-label={t("notifications.outbox.subject")}>{f.subject}</td>
                    <td data-label={t("notifications.outbox.attempts")}>
                      {f.attempts}{" "}
                      <Badge tone={f.status === "failed" ? "danger" : "warn"}>{t(`notifications.outbox.${f.status === "failed" ? "failed" : "queued"}`)}</Badge>
                    </td>
                    <td data-label={t("notifications.outbox.error")}>
                      {f.lastError === UNREADABLE_PASSWORD_ERROR ? (
                        t("notifications.settings.passwordUnreadable")
                      ) : (
                        <code className="mono">{f.lastError}</code>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}

type Settings = {
  reminderDays: number[];
  smtpHost: string | null;
  smtpPort: number | null;
  smtpSecure: boolean;
  smtpUser: string | null;
  password: "none" | "stored" | "unreadable";
  fromAddress: string | null;
};

function SettingsForm({ settings, lastResult }: { settings: Settings; lastResult?: SubmissionResult<string[]> | null }) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "reminder-settings",
    lastResult,
    defaultValue: {
      intent: "save",
      reminderDays: settings.reminderDays.join(", "),
      smtpHost: settings.smtpHost ?? "",
      smtpPort: settings.smtpPort === null ? "" : String(settings.smtpPort),
      smtpSecure: settings.smtpSecure ? "on" : undefined,
      smtpUser: settings.smtpUser ?? "",
      fromAddress: settings.fromAddress ?? "",
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reminderSettingsSchema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <FormError errors={form.errors} />
      <Field
        label={t("notifications.settings.reminderDays")}
        htmlFor={fields.reminderDays.id}
        errors={fields.reminderDays.errors}
        hint={t("notifications.settings.reminderDaysHint")}
      >
        <input {...getInputProps(fields.reminderDays, { type: "text" })} key={fields.reminderDays.key} style={{ maxWidth: 240 }} />
      </Field>
      <p className="muted small">{t("notifications.settings.smtpHint")}</p>
      <Field label={t("notifications.settings.smtpHost")} htmlFor={fields.smtpHost.id} errors={fields.smtpHost.errors}>
        <input {...getInputProps(fields.smtpHost, { type: "text" })} key={fields.smtpHost.key} autoComplete="off" />
      </Field>
      <Field label={t("notifications.settings.smtpPort")} htmlFor={fields.smtpPort.id} errors={fields.smtpPort.errors}>
        <input {...getInputProps(fields.smtpPort, { type: "text" })} key={fields.smtpPort.key} inputMode="numeric" style={{ maxWidth: 140 }} />
      </Field>
      <label className="checkbox">
        <input {...getInputProps(fields.smtpSecure, { type: "checkbox" })} key={fields.smtpSecure.key} /> {t("notifications.settings.smtpSecure")}
      </label>
      <Field label={t("notifications.settings.smtpUser")} htmlFor={fields.smtpUser.id} errors={fields.smtpUser.errors}>
        <input {...getInputProps(fields.smtpUser, { type: "text" })} key={fields.smtpUser.key} autoComplete="off" />
      </Field>
      <Field
        label={t("notifications.settings.smtpPassword")}
        htmlFor={fields.smtpPassword.id}
        errors={fields.smtpPassword.errors}
        hint={t(`notifications.settings.password.${settings.password}`)}
      >
        {/* Never filled from the server: the stored password stays on the server. */}
        <input {...getInputProps(fields.smtpPassword, { type: "password" })} key={fields.smtpPassword.key} defaultValue="" autoComplete="new-password" />
      </Field>
      {settings.password !== "none" ? (
        <label className="checkbox">
          <input {...getInputProps(fields.clearPassword, { type: "checkbox" })} key={fields.clearPassword.key} /> {t("notifications.settings.clearPassword")}
        </label>
      ) : null}
      <Field label={t("notifications.settings.fromAddress")} htmlFor={fields.fromAddress.id} errors={fields.fromAddress.errors}>
        <input {...getInputProps(fields.fromAddress, { type: "email" })} key={fields.fromAddress.key} />
      </Field>
      <div className="actions">
        <button className="button" type="submit" disabled={navigation.state === "submitting"}>
          {t("common.save")}
        </button>
      </div>
    </Form>
  );
}

function TestForm({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "test-email",
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: testEmailSchema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="test" />
      <FormError errors={form.errors} />
      <Field label={t("notifications.settings.testTo")} htmlFor={fields.to.id} errors={fields.to.errors}>
        <input {...getInputProps(fields.to, { type: "email" })} key={fields.to.key} />
      </Field>
      <div className="actions">
        <button className="button button--secondary" type="submit">
          {t("notifications.settings.test")}
        </button>
      </div>
    </Form>
  );
}
