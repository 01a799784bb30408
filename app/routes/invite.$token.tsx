import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { pageTitle } from "~/components/case/meta";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { LocaleSwitch } from "~/components/layout/app-shell";
import { RouteErrorBoundary } from "~/components/layout/route-error";
import { Facts, Field, FormError } from "~/components/ui";
import { HOME_BY_ROLE } from "~/domain/auth/roles";
import { acceptInvitationSchema, PASSWORD_MIN } from "~/domain/auth/schemas";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { acceptInvitation, findUsableInvitation } from "~/models/invitation.server";
import { notFound } from "~/utils/errors";
import { createSession } from "~/utils/session.server";
import { readForm } from "~/utils/form.server";

// The acceptance page is outside every area frame, so its errors render on a standalone page.
export function ErrorBoundary() {
  return (
    <div className="standalone">
      <RouteErrorBoundary />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "invite.title"),
  // The token is in the address: do not hand it to anyone through the Referer header.
  { name: "referrer", content: "no-referrer" },
  { name: "robots", content: "noindex" },
];

// PUBLIC: the token is the credential. A link that is unknown, used, revoked or expired answers
// 404 with one message, never saying which.
export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findUsableInvitation(params.token ?? "");
  if (!invitation) notFound("invite.invalid");
  return { invitation, passwordMin: PASSWORD_MIN };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  if (!(await findUsableInvitation(token))) notFound("invite.invalid");
  const submission = parseWithZod(await readForm(request), { schema: acceptInvitationSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password", "confirm"] }) }, { status: 400 });
  }
  const accepted = await acceptInvitation(token, {
    username: submission.value.username,
    password: submission.value.password,
  });
  if (!accepted.ok) {
    if (accepted.reason === "invalid") notFound("invite.invalid");
    return data(
      {
        result: submission.reply({
          fieldErrors: { username: ["invite.usernameTaken"] },
          hideFields: ["password", "confirm"],
        }),
      },
      { status: 400 }
    );
  }
  const cookie = await createSession(accepted.userId, request, context);
  return redirect(HOME_BY_ROLE[accepted.role], { headers: { "Set-Cookie": cookie } });
}

export default function AcceptInvitation() {
  const { invitation, passwordMin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "accept-invitation",
    lastResult: actionData?.result,
    defaultValue: { username: invitation.suggestedUsername ?? "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptInvitationSchema }),
  });
  const forWhat = invitation.agency ?? invitation.panelist;
  return (
    <div className="standalone">
      <div className="auth-card">
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden>
            检
          </span>
          <div>
            <strong>{t("app.name")}</strong>
            <div className="muted small">{invitation.procuratorate}</div>
          </div>
        </div>
        <h1>{t("invite.title")}</h1>
        <p>
          {t("invite.intro", {
            inviter: invitation.invitedBy,
            role: t.label("role", invitation.role),
            name: invitation.displayName,
          })}
        </p>
        <Facts
          items={[
            [t("admin.accept.procuratorate"), invitation.procuratorate],
            ...(forWhat
              ? [
                  [invitation.agency ? t("admin.accept.agency") : t("admin.accept.panelist"), forWhat] as [
                    string,
                    string
                  ],
                ]
              : []),
            [t("admin.accept.validUntil"), formatDateTime(invitation.expiresAt, t.locale)],
          ]}
        />
        <Form method="post" className="form" style={{ marginTop: 16 }} {...getFormProps(form)}>
          <FormError errors={form.errors} id={form.errorId} />
          <Field label={t("invite.username")} htmlFor={fields.username.id} errors={fields.username.errors}>
            <input
              {...getInputProps(fields.username, { type: "text" })}
              key={fields.username.key}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
            />
          </Field>
          <Field
            label={t("invite.password", { min: passwordMin })}
            htmlFor={fields.password.id}
            errors={fields.password.errors}
          >
            <input
              {...getInputProps(fields.password, { type: "password" })}
              key={fields.password.key}
              autoComplete="new-password"
            />
          </Field>
          <Field label={t("invite.confirm")} htmlFor={fields.confirm.id} errors={fields.confirm.errors}>
            <input
              {...getInputProps(fields.confirm, { type: "password" })}
              key={fields.confirm.key}
              autoComplete="new-password"
            />
          </Field>
          <button className="button" type="submit" disabled={navigation.state === "submitting"}>
            {t("invite.submit")}
          </button>
        </Form>
        <p className="muted small" style={{ marginTop: 12 }}>
          {t("admin.accept.privacy")}
        </p>
        <div className="auth-footer">
          <span />
          <LocaleSwitch className="button button--secondary" />
        </div>
      </div>
    </div>
  );
}
