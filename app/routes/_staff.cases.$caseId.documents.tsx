import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CandidatesCard, IssuedCard } from "~/components/documents/documents-panel";
import { can } from "~/domain/auth/policy";
import { caseDocumentsPanel } from "~/models/document.server";
import { requireCaseRoute } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The documents tab: the documents the case, its consultations and its recommendations can give
// (each with whether it can be generated now, or why not), preview and issue; then the documents
// issued for the case (立案决定书, 检察建议书 …), newest first, with download and verification.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "case:read");
  const panel = await caseDocumentsPanel(procuratorateId, caseId);
  return {
    ...panel,
    mayIssue: can(actor, "document:issue"),
    mayPreview: can(actor, "document:preview"),
    // A document served with a 送达回证 is released to the agency when its service is recorded there.
    serveHref: can(actor, "service:record") ? `/cases/${caseId}/serve#serve-documents` : null,
  };
}

export default function CaseDocumentsTab() {
  const { candidates, issued, mayIssue, mayPreview, serveHref } = useLoaderData<typeof loader>();
  return (
    <div id="documents" className="case-section">
      <CandidatesCard candidates={candidates} mayIssue={mayIssue} mayPreview={mayPreview} />
      <IssuedCard issued={issued} mayVerify={mayPreview} serveHref={serveHref} />
    </div>
  );
}
