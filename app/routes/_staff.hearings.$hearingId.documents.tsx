import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CandidatesCard, IssuedCard } from "~/components/documents/documents-panel";
import { can } from "~/domain/auth/policy";
import { hearingDocumentsPanel } from "~/models/document.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The hearing's documents tab: 听证公告 and 听证笔录 of the hearing, a 听证通知书 per participant,
// an 听证员邀请函 and a 听证员评议意见表 per seated panelist (听证规定 Arts 10–11, 17); each with
// whether it can be made now (or the reason), preview and issue; then what was issued.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  const panel = await hearingDocumentsPanel(procuratorateId, params.hearingId);
  return { ...panel, mayIssue: can(actor, "document:issue"), mayPreview: can(actor, "document:preview") };
}

export default function HearingDocumentsTab() {
  const { candidates, issued, mayIssue, mayPreview } = useLoaderData<typeof loader>();
  return (
    <>
      <CandidatesCard candidates={candidates} mayIssue={mayIssue} mayPreview={mayPreview} />
      <IssuedCard issued={issued} mayVerify={mayPreview} />
    </>
  );
}
