import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { evidenceItemPath } from "~/domain/evidence/urls";
import { verifyEvidenceItem } from "~/models/evidence-verify.server";
import { requireCaseRoute } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

// "Verify" on an evidence item (POST only; the form is VerifyButton, app/components/evidence/
// verify-button.tsx): re-hashes the item's files and records a 'verified' custody event per file
// and an audit event (app/models/evidence-verify.server.ts). A fetcher gets the result as data;
// a plain form post (no JavaScript) is sent back to the item page, whose timeline shows it.

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "evidence:verify");
  const evidenceId = params.evidenceId ?? notFound();
  await readForm(request); // same-origin check; the form carries no fields
  const result = await verifyEvidenceItem(procuratorateId, caseId, evidenceId, actor.userId);
  if (request.headers.get("Sec-Fetch-Mode") === "navigate") throw redirect(evidenceItemPath(caseId, evidenceId));
  return result;
}
