import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { LocaleSwitch } from "~/components/layout/app-shell";
import { Field, FormError } from "~/components/ui";
import { HOME_BY_ROLE, roleSchema } from "~/domain/auth/roles";
import { loginSchema, safeRedirect } from "~/domain/auth/schemas";
import { createT, localeFromRequest } from "~/i18n";
import { useT } from "~/i18n/react";
import { attemptLogin } from "~/models/auth.server";
import { getActor } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { clientIp, createSession } from "~/utils/session.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = () => [{ title: "Procura · 登录 / Sign in" }];

export const DEMO_ACCOUNTS = [
  { username: "prosecutor", role: "prosecutor" },
  { username: "chief", role: "approver" },
  { username: "admin", role: "admin" },
  { username: "panelist", role: "panelist" },
  { username: "agency", role: "agency" },
] as const;
export const DEMO_PASSWORD = "procura-demo";

// Public page: an anonymous visitor may load it; a signed-in user goes to their area.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  if (actor) throw redirect(HOME_BY_ROLE[actor.role]);
  return { demo: getEnv().demo ? { accounts: DEMO_ACCOUNTS, password: DEMO_PASSWORD } : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { username, password, redirectTo } = submission.value;
  const result = await attemptLogin(username, password, clientIp(context));
  if (!result.ok) {
    const t = createT(localeFromRequest(request));
    const message =
      result.reason === "throttled"
        ? t("auth.throttled", { minutes: result.retryAfterMinutes })
        : t("auth.invalid");
    return data(
      { result: submission.reply({ formErrors: [message], hideFields: ["password"] }) },
      { status: result.reason === "throttled" ? 429 : 401 },
    );
  }
  const role = roleSchema.parse(result.role);
  const cookie = await createSession(result.userId, request, context);
  return redirect(safeRedirect(redirectTo, HOME_BY_ROLE[role]), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const { demo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    // Validate on submit, then as the user corrects: blur validation would shift the layout
    // under a click on the language switch.
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  return (
    <div className="standalone">
      <div className="auth-card">
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden>
            检
          </span>
          <div>
            <strong>{t("app.name")}</strong>
            <div className="muted small">{t("app.tagline")}</div>
          </div>
        </div>
        <h1>{t("auth.loginTitle")}</h1>
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormError errors={form.errors} id={form.errorId} />
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <Field label={t("auth.username")} htmlFor={fields.username.id} errors={fields.username.errors}>
            <input {...getInputProps(fields.username, { type: "text" })} autoComplete="username" autoFocus />
          </Field>
          <Field label={t("auth.password")} htmlFor={fields.password.id} errors={fields.password.errors}>
            <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" />
          </Field>
          <button className="button" type="submit" disabled={navigation.state === "submitting"}>
            {t("auth.submit")}
          </button>
        </Form>
        <div className="auth-footer">
          <Link to="/public">{t("nav.public")}</Link>
          <LocaleSwitch className="button button--secondary" />
        </div>
        {demo ? (
          <div className="demo-accounts" data-testid="demo-accounts">
            <p className="muted">{t("auth.demoNote")}</p>
            <strong>{t("auth.demoTitle", { password: demo.password })}</strong>
            <table>
              <tbody>
                {demo.accounts.map((a) => (
                  <tr key={a.username}>
                    <td>
                      <code>{a.username}</code>
                    </td>
                    <td>{t.label("role", a.role)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </div>
  );
}
