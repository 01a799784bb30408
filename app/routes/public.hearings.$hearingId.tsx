import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { pageTitle } from "~/components/case/meta";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { HearingStatusBadge } from "~/components/portal";
import { isPublicHearingStatus } from "~/domain/hearing/states";
import { Card, Facts, Field, FormError } from "~/components/ui";
import { observerRequestSchema } from "~/domain/hearing/observer-schema";
import { formatDate, formatDateTimeRange } from "~/i18n";
import { useT } from "~/i18n/react";
import { createObserverRequest, getPublicHearing } from "~/models/public-hearing.server";
import { readForm } from "~/utils/form.server";
import { clientIp } from "~/utils/session.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "nav.public", undefined, data?.hearing.title ?? null);

// Public page: no sign-in. A hearing that is closed (听证规定 Art 5) or whose 听证公告 is not
// published is not found.
export async function loader({ params }: LoaderFunctionArgs) {
  const hearing = await getPublicHearing(params.hearingId ?? "", new Date());
  return { hearing };
}

// The observer sign-up: anyone may ask to observe a public hearing before it begins, while seats
// remain. Invalid input answers 400 and writes nothing; a closed sign-up answers 409; more than
// OBSERVER_SIGNUP_LIMIT requests from one address in an hour answer 429.
export async function action({ request, params, context }: ActionFunctionArgs) {
  const hearing = await getPublicHearing(params.hearingId ?? "", new Date());
  const submission = parseWithZod(await readForm(request), { schema: observerRequestSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), submitted: false }, { status: 400 });
  }
  const outcome = await createObserverRequest(hearing.id, submission.value, new Date(), clientIp(context));
  if (!outcome.ok) {
    return data(
      { result: submission.reply({ formErrors: [`portal.public.refusal.${outcome.refusal}`] }), submitted: false },
      { status: outcome.refusal === "rateLimited" ? 429 : 409 }
    );
  }
  return { result: submission.reply({ resetForm: true }), submitted: true, duplicate: outcome.duplicate };
}

export default function PublicHearing() {
  const { hearing } = useLoaderData<typeof loader>();
  const t = useT();
  const seats = hearing.observerSeats !== null ? ` ${t("portal.public.seats", { seats: hearing.observerSeats })}` : "";
  return (
    <>
      <nav className="breadcrumbs" aria-label="breadcrumbs">
        <Link to="/public">{t("portal.public.backToList")}</Link>
      </nav>
      <article className="card announcement portal-announcement">
        <p className="portal-announcement__org">{hearing.procuratorate}</p>
        <h1>{t("portal.public.announcementTitle")}</h1>
        {hearing.status === "cancelled" ? (
          <p className="notice notice--warn">{t("portal.public.status.cancelled")}</p>
        ) : null}
        {hearing.paragraphs.length ? (
          hearing.paragraphs.map((p, i) => (
            <p key={i} className="body">
              {p}
            </p>
          ))
        ) : (
          // No text was written: the notice is made of the hearing's particulars (听证规定 Art 10(4)).
          <ul className="portal-announcement__items">
            <li>{t("portal.public.subject", { title: hearing.title })}</li>
            <li>{t("portal.public.time", { time: formatDateTimeRange(hearing.startsAt, hearing.endsAt, t) })}</li>
            <li>{t("portal.public.venue", { venue: hearing.venue })}</li>
            <li>{t("portal.public.host", { host: hearing.host })}</li>
            <li>{t("portal.public.format")}</li>
            <li>
              {t("portal.public.howToApply")}
              {seats}
            </li>
            {hearing.contactPhone ? <li>{t("portal.public.contact", { phone: hearing.contactPhone })}</li> : null}
          </ul>
        )}
        <p className="portal-announcement__sign">
          {hearing.procuratorate}
          {hearing.announcedAt ? (
            <>
              <br />
              {formatDate(hearing.announcedAt, t.locale)}
            </>
          ) : null}
        </p>
      </article>
      <div className="grid grid-2 portal-public-bottom">
        <Card title={t("portal.public.facts")}>
          <Facts
            items={[
              [t("portal.public.col.title"), hearing.title],
              [t("portal.public.col.time"), formatDateTimeRange(hearing.startsAt, hearing.endsAt, t)],
              [t("portal.public.col.venue"), hearing.venue],
              [t("portal.public.fact.host"), hearing.host],
              [t("portal.public.fact.format"), t("portal.publicHearing")],
              [
                t("portal.public.fact.seats"),
                hearing.observerSeats !== null
                  ? t("portal.public.fact.seatsValue", { seats: hearing.observerSeats })
                  : t("portal.public.fact.seatsUnlimited"),
              ],
              [t("portal.public.fact.contact"), hearing.contactPhone],
              ...(isPublicHearingStatus(hearing.status)
                ? ([[t("portal.public.col.status"), <HearingStatusBadge key="s" status={hearing.status} />]] as [
                    string,
                    ReactNode
                  ][])
                : []),
            ]}
          />
          <p className="muted small portal-apply-note">{t("portal.public.howToApply")}</p>
        </Card>
        <SignUp hearing={hearing} />
      </div>
    </>
  );
}

function SignUp({ hearing }: { hearing: ReturnType<typeof useLoaderData<typeof loader>>["hearing"] }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: observerRequestSchema }),
  });
  if (actionData?.submitted) {
    return (
      <Card title={t("portal.public.signUp")}>
        <p className="notice notice--ok" role="status">
          {"duplicate" in actionData && actionData.duplicate
            ? t("portal.public.submittedAgain")
            : t("portal.public.submitted")}
        </p>
      </Card>
    );
  }
  if (hearing.refusal) {
    return (
      <Card title={t("portal.public.signUp")}>
        <p className="notice notice--warn">{t.dynamic(`portal.public.refusal.${hearing.refusal}`)}</p>
      </Card>
    );
  }
  return (
    <Card title={t("portal.public.signUp")}>
      <p className="muted">{t("portal.public.signUpIntro")}</p>
      {hearing.seatsLeft !== null ? <p>{t("portal.public.seatsLeft", { seats: hearing.seatsLeft })}</p> : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormError errors={form.errors} id={form.errorId} />
        <Field label={t("portal.public.name")} htmlFor={fields.name.id} errors={fields.name.errors}>
          <input {...getInputProps(fields.name, { type: "text" })} autoComplete="name" />
        </Field>
        <Field
          label={t("portal.public.phone")}
          htmlFor={fields.phone.id}
          hint={t("portal.public.phoneHint")}
          errors={fields.phone.errors}
        >
          <input {...getInputProps(fields.phone, { type: "tel" })} autoComplete="tel" inputMode="tel" />
        </Field>
        <Field
          label={t("portal.public.organisation")}
          htmlFor={fields.organisation.id}
          errors={fields.organisation.errors}
        >
          <input {...getInputProps(fields.organisation, { type: "text" })} autoComplete="organization" />
        </Field>
        <p className="muted small">{t("portal.public.privacy")}</p>
        <div className="actions">
          <button className="button" type="submit" disabled={navigation.state === "submitting"}>
            {t("portal.public.submit")}
          </button>
        </div>
      </Form>
    </Card>
  );
}
