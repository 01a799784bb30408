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
import { createEvidence, getEvidenceCase, listCollectorCandidates } from "~/models/evidence.server";
import styles from "~/styles/evidence.css?url";
import { actionError } from "~/utils/action-error.server";
import { requireCaseRoute } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

// Registering an evidence item on a case (规则 Arts 34, 36): prosecutors, while the case is open.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "case:write");
  const kase = await getEvidenceCase(procuratorateId, caseId);
  return { caseId: kase.id, editable: kase.editable, candidates: await listCollectorCandidates(procuratorateId), today: dateInShanghai(), me: actor.userId };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "case:write");
  const submission = parseWithZod(await readForm(request), { schema: evidenceItemSchema(dateInShanghai()) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  let created: { id: string };
  try {
    created = await createEvidence(procuratorateId, actor.userId, caseId, submission.value);
  } catch (error) {
    return actionError(error, submission);
  }
  return redirect(`${evidenceItemPath(caseId, created.id)}?created=1`);
}

export default function NewEvidence() {
  const { caseId, editable, candidates, today, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="case-section">
      <Card title={t("evidenceItems.new.title")}>
        {editable ? (
          <EvidenceItemForm
            id="evidence-new"
            today={today}
            candidates={candidates}
            defaultValue={{ collectedOn: today, source: "collected", isOriginal: "original", collectorIds: [me] }}
            lastResult={actionData?.result}
            submitLabel={t("evidenceItems.form.create")}
            cancelTo={`/cases/${caseId}/evidence`}
          />
        ) : (
          <p className="muted">{t("evidenceItems.closedHint")}</p>
        )}
      </Card>
    </div>
  );
}
