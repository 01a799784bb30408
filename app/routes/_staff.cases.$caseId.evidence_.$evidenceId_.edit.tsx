import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EvidenceItemForm } from "~/components/evidence/evidence-item-form";
import { Card } from "~/components/ui";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { evidenceItemSchema } from "~/domain/evidence/schemas";
import { evidenceItemPath } from "~/domain/evidence/urls";
import { useT } from "~/i18n/react";
import { getEvidenceFormValues, listCollectorCandidates, updateEvidence } from "~/models/evidence.server";
import styles from "~/styles/evidence.css?url";
import { actionError } from "~/utils/action-error.server";
import { requireCaseRoute } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

// Editing an evidence item: prosecutors, while the case is open; the audit event records what changed.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procuratorateId, caseId } = await requireCaseRoute(request, params, "case:write");
  if (!params.evidenceId) notFound();
  const form = await getEvidenceFormValues(procuratorateId, caseId, params.evidenceId);
  // A former colleague who collected the item stays listed (and checked) beside the active staff.
  const active = await listCollectorCandidates(procuratorateId);
  const candidates = [...active, ...form.collectors.filter((c) => !active.some((a) => a.id === c.id))];
  return { caseId, evidenceId: params.evidenceId, form, candidates, today: dateInShanghai() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "case:write");
  if (!params.evidenceId) notFound();
  const submission = parseWithZod(await readForm(request), { schema: evidenceItemSchema(dateInShanghai()) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    await updateEvidence(procuratorateId, actor.userId, caseId, params.evidenceId, submission.value);
  } catch (error) {
    return actionError(error, submission);
  }
  return redirect(`${evidenceItemPath(caseId, params.evidenceId)}?saved=1`);
}

export default function EditEvidence() {
  const { caseId, evidenceId, form, candidates, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="case-section">
      <Card title={`${t("evidenceItems.edit.title")} · ${t("evidenceItems.item.heading", { n: form.ordinal })} ${form.title}`}>
        {form.editable ? (
          <EvidenceItemForm
            id="evidence-edit"
            today={today}
            candidates={candidates}
            defaultValue={form.values}
            lastResult={actionData?.result}
            submitLabel={t("evidenceItems.form.save")}
            cancelTo={evidenceItemPath(caseId, evidenceId)}
          />
        ) : (
          <p className="muted">{t("evidenceItems.closedHint")}</p>
        )}
      </Card>
    </div>
  );
}
