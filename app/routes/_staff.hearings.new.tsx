import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import type { HearingFormValues } from "~/components/hearing/hearing-form";
import { HearingForm } from "~/components/hearing/hearing-form";
import { Card, PageHeader } from "~/components/ui";
import { hearingFormSchema } from "~/domain/hearing/setup-schemas";
import { useT } from "~/i18n/react";
import { caseForNewHearing, createHearing, hearingFormOptions, seriesForNewHearing } from "~/models/hearing-setup.server";
import { actionError } from "~/utils/action-error.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "hearingSetup.new.title");

// Setting up a hearing (听证规定 Arts 4, 10): at /hearings/new, from a case (?caseId=, the case
// preselected) or from a series (?seriesId=, its open cases preselected). Prosecutors only.
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:manage");
  const procuratorateId = staffScope(scope);
  const url = new URL(request.url);
  const caseId = url.searchParams.get("caseId");
  const seriesId = url.searchParams.get("seriesId");
  const series = seriesId ? await seriesForNewHearing(procuratorateId, seriesId) : null;
  const kase = caseId ? await caseForNewHearing(procuratorateId, caseId) : null;
  const caseIds = series ? series.caseIds : kase ? [kase.id] : [];
  const options = await hearingFormOptions(procuratorateId, caseIds);
  const defaultValue: HearingFormValues = {
    seriesId: series?.id ?? "",
    title: series ? series.name : kase ? kase.title : "",
    hostId: options.staff.some((s) => s.id === actor.userId) ? actor.userId : "",
    form: "public",
    cases: (caseIds.length ? caseIds : [""]).map((id) => ({ caseId: id, proposedHandling: "recommend" })),
  };
  return { ...options, defaultValue };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:manage");
  const procuratorateId = staffScope(scope);
  const submission = parseWithZod(await readForm(request), { schema: hearingFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  let created: { id: string };
  try {
    created = await createHearing(procuratorateId, actor.userId, submission.value);
  } catch (error) {
    return actionError(error, submission);
  }
  return redirect(`/hearings/${created.id}?created=1`);
}

export default function NewHearing() {
  const { staff, cases, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeader crumbs={[{ to: "/hearings", label: t("hearings.title") }]} title={t("hearingSetup.new.title")} />
      <Card>
        <p className="muted">{t("hearingSetup.new.intro")}</p>
        <HearingForm
          id="hearing-new"
          staff={staff}
          cases={cases}
          defaultValue={defaultValue}
          lastResult={actionData?.result}
          submitLabel={t("hearingSetup.new.submit")}
          cancelTo="/hearings"
        />
      </Card>
    </>
  );
}
