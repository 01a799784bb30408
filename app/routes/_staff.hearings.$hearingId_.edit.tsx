import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import type { HearingFormValues } from "~/components/hearing/hearing-form";
import { HearingForm } from "~/components/hearing/hearing-form";
import { Card, FormError, PageHeader } from "~/components/ui";
import { cancelHearingSchema, hearingFormSchema, SETUP_REASON_MAX, toShanghaiLocal } from "~/domain/hearing/setup-schemas";
import { isFinishedHearing } from "~/domain/hearing/states";
import { useT } from "~/i18n/react";
import { cancelHearing, getHearingForEdit, hearingFormOptions, updateHearing } from "~/models/hearing-setup.server";
import { actionError } from "~/utils/action-error.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "hearingSetup.edit.title", undefined, data?.hearing.title ?? null);

// Editing a hearing's setup while it is planned or notified (isHearingEditable), and calling it
// off with a reason (moveHearing to cancelled). Prosecutors only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "hearing:manage");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  const hearing = await getHearingForEdit(procuratorateId, params.hearingId);
  const options = await hearingFormOptions(procuratorateId, hearing.cases.map((c) => c.caseId));
  const defaultValue: HearingFormValues = {
    seriesId: hearing.seriesId ?? "",
    title: hearing.title,
    purpose: hearing.purpose ?? "",
    venue: hearing.venue,
    startsAt: toShanghaiLocal(hearing.startsAt),
    endsAt: hearing.endsAt ? toShanghaiLocal(hearing.endsAt) : "",
    hostId: hearing.hostId,
    clerkId: hearing.clerkId ?? "",
    form: hearing.isPublic ? "public" : "closed",
    closedReason: hearing.closedReason ?? "",
    contactPhone: hearing.contactPhone ?? "",
    observerSeats: hearing.observerSeats === null ? "" : String(hearing.observerSeats),
    cases: hearing.cases.map((c) => ({
      caseId: c.caseId,
      sessionAt: c.sessionAt ? toShanghaiLocal(c.sessionAt) : "",
      issues: c.issues ?? "",
      proposedHandling: c.proposedHandling,
      proposal: c.proposal ?? "",
    })),
  };
  return {
    hearing: { id: hearing.id, title: hearing.title, status: hearing.status, editable: hearing.editable },
    ...options,
    defaultValue,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:manage");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  const form = await readForm(request);
  if (form.get("intent") === "cancel") {
    const submission = parseWithZod(form, { schema: cancelHearingSchema });
    if (submission.status !== "success") return data({ result: submission.reply(), cancel: true }, { status: 400 });
    try {
      await cancelHearing(procuratorateId, actor.userId, params.hearingId, submission.value.reason);
    } catch (error) {
      return actionError(error, submission);
    }
    return redirect(`/hearings/${params.hearingId}?cancelled=1`);
  }
  const submission = parseWithZod(form, { schema: hearingFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    await updateHearing(procuratorateId, actor.userId, params.hearingId, submission.value);
  } catch (error) {
    return actionError(error, submission);
  }
  return redirect(`/hearings/${params.hearingId}?saved=1`);
}

export default function EditHearing() {
  const { hearing, staff, cases, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const cancelReply = actionData && "cancel" in actionData ? actionData.result : null;
  const cancelErrors = cancelReply?.error ? Object.values(cancelReply.error).flatMap((v) => v ?? []) : [];
  return (
    <>
      <PageHeader
        crumbs={[
          { to: "/hearings", label: t("hearings.title") },
          { to: `/hearings/${hearing.id}`, label: hearing.title },
        ]}
        title={t("hearingSetup.edit.title")}
      />
      {hearing.editable ? (
        <>
          <Card>
            <HearingForm
              id="hearing-edit"
              staff={staff}
              cases={cases}
              defaultValue={defaultValue}
              lastResult={actionData && !("cancel" in actionData) ? actionData.result : null}
              submitLabel={t("hearingSetup.edit.submit")}
              cancelTo={`/hearings/${hearing.id}`}
            />
          </Card>
        </>
      ) : (
        <p className="notice notice--warn">{t("hearings.error.notEditable")}</p>
      )}
      {!isFinishedHearing(hearing.status) ? (
        <Card title={t("hearingSetup.cancel.title")}>
          <Form method="post" className="form" aria-label={t("hearingSetup.cancel.title")}>
            <FormError errors={cancelErrors} />
            <input type="hidden" name="intent" value="cancel" />
            <label className="field">
              <span>{t("hearingSetup.cancel.reason")}</span>
              <input type="text" name="reason" maxLength={SETUP_REASON_MAX} required />
            </label>
            <button type="submit" className="button button--danger">
              {t("hearingSetup.cancel.submit")}
            </button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
