import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { IssueButton } from "~/components/documents/documents-panel";
import { Card, PageHeader } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import { previewQuerySchema } from "~/domain/documents/schemas";
import { sofficeAvailable } from "~/documents/pdf.server";
import { docxToPreviewHtml, valueLines } from "~/documents/preview.server";
import { useT } from "~/i18n/react";
import { previewDocument, recordDocumentPreview } from "~/models/document.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { badRequest, toResponse } from "~/utils/errors";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "documents.preview.title", undefined, data?.title ?? null);

// The preview of a document before it is issued (?kind=&subject=): rendered with the active
// template and the subject's current data, shown as HTML (mammoth) in a sandboxed frame, with the
// placeholders' values and the 文号 it would take on issue. Writes nothing, takes no number.
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "document:preview");
  const procuratorateId = staffScope(scope);
  const query = previewQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) badRequest();
  try {
    const preview = await previewDocument({ procuratorateId, kind: query.data.kind, subjectId: query.data.subject });
    const { links } = preview;
    await recordDocumentPreview({ procuratorateId, actorId: actor.userId, kind: preview.kind, subjectType: preview.subjectType, subjectId: preview.subjectId, caseId: links.caseId, format: "html" });
    const back = links.caseId
      ? `/cases/${links.caseId}/documents`
      : links.hearingId
        ? `/hearings/${links.hearingId}/documents`
        : links.clueId
          ? `/clues/${links.clueId}`
          : "/";
    return {
      kind: preview.kind,
      subjectId: preview.subjectId,
      title: preview.title,
      audience: preview.audience,
      numbered: preview.numbered,
      number: preview.number,
      template: preview.template,
      fields: preview.fields.map((f) => ({ name: f.name, label: f.label, required: f.required, lines: valueLines(f, preview.values[f.name]) })),
      html: await docxToPreviewHtml(preview.bytes),
      pdfAvailable: await sofficeAvailable(),
      back,
      mayIssue: can(actor, "document:issue"),
    };
  } catch (error) {
    throw toResponse(error);
  }
}

export default function DocumentPreview() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const kindLabel = t.label("documentKind", d.kind);
  const pdfHref = `/documents/preview.pdf?kind=${encodeURIComponent(d.kind)}&subject=${encodeURIComponent(d.subjectId)}`;
  return (
    <div className="case-page document-preview">
      <PageHeader
        crumbs={[{ to: d.back, label: t("documents.backToPage") }]}
        title={t("documents.preview.heading", { kind: kindLabel })}
        subtitle={d.title}
      />
      <Card title={t("documents.preview.issueTitle")}>
        <p data-testid="number-on-issue">
          {d.numbered
            ? d.number.number
              ? t("documents.preview.numberOnIssue", { number: d.number.number })
              : t("documents.preview.numberNone")
            : t("documents.preview.unnumberedKind")}
        </p>
        <p className="muted small">
          {t("documents.preview.template", { version: d.template.version, scope: t.label("documents.templateScope", d.template.scope) })} ·{" "}
          {t("documents.preview.audience", { audience: t.label("documents.audience", d.audience) })}
        </p>
        <p className="actions">
          {d.mayIssue ? <IssueButton kind={d.kind} subjectId={d.subjectId} label={kindLabel} /> : null}{" "}
          {d.pdfAvailable ? (
            <a href={pdfHref} className="button button--secondary" target="_blank" rel="noreferrer">
              {t("documents.preview.pdf")}
            </a>
          ) : (
            <span className="muted small" role="note">
              {t("documents.preview.pdfUnavailable")}
            </span>
          )}{" "}
          <Link to={d.back}>{t("documents.backToPage")}</Link>
        </p>
      </Card>
      <Card title={t("documents.preview.htmlTitle")}>
        <iframe className="document-preview__frame" title={t("documents.preview.htmlTitle")} sandbox="" srcDoc={d.html} style={{ width: "100%", minHeight: "70vh", border: "1px solid #ccc", background: "#fff" }} />
      </Card>
      <Card title={t("documents.preview.valuesTitle")}>
        <div className="table-wrap">
          <table className="table table-responsive document-values">
            <thead>
              <tr>
                <th scope="col">{t("documents.preview.field")}</th>
                <th scope="col">{t("documents.preview.placeholder")}</th>
                <th scope="col">{t("documents.preview.value")}</th>
              </tr>
            </thead>
            <tbody>
              {d.fields.map((f) => (
                <tr key={f.name}>
                  <td data-label={t("documents.preview.field")}>
                    {t.locale === "en" ? f.label.en : f.label.zh}
                    {f.required ? <span className="muted small"> *</span> : null}
                  </td>
                  <td data-label={t("documents.preview.placeholder")} className="mono">{`{{${f.name}}}`}</td>
                  <td data-label={t("documents.preview.value")}>
                    {f.lines.length ? (
                      f.lines.map((line, i) => (
                        <span key={i} className="prewrap" style={{ display: "block" }}>
                          {line}
                        </span>
                      ))
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
