import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { CustodyForm } from "~/components/evidence/custody-form";
import { CustodyTimeline } from "~/components/evidence/custody-timeline";
import { EvidenceUpload } from "~/components/evidence/evidence-upload";
import { VerifyButton } from "~/components/evidence/verify-button";
import { formatFileSize } from "~/components/portal";
import { Badge, Card, Facts } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import { custodyStepSchema, shanghaiLocalMinute } from "~/domain/evidence/schemas-custody";
import { evidenceFilePath, evidenceItemPath, evidenceUploadPath } from "~/domain/evidence/urls";
import { formatDate, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import type { EvidenceItemView } from "~/models/evidence.server";
import { recordCustodyStep } from "~/models/custody.server";
import { getEvidenceItem } from "~/models/evidence.server";
import styles from "~/styles/evidence.css?url";
import { actionError } from "~/utils/action-error.server";
import { requireCaseRoute } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

// An evidence item's page: details, files (with redacted copies and their upload), and the chain of
// custody as a timeline. Staff of the case read it; prosecutors upload while the case is open, and
// record physical custody steps (the action below) whatever the case's state.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "case:read");
  if (!params.evidenceId) notFound();
  const item = await getEvidenceItem(procuratorateId, caseId, params.evidenceId);
  return {
    item,
    mayEdit: can(actor, "case:write") && item.editable,
    mayVerify: can(actor, "evidence:verify"),
    mayRecordCustody: can(actor, "evidence:custody"),
    nowLocal: shanghaiLocalMinute(),
    maxBytes: getEnv().evidenceMaxBytes,
  };
}

// Records a physical custody step (received, stored, transferred, returned): an append-only event
// with its audit event (app/models/custody.server.ts). Bad input: 400 with the field's message.
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "evidence:custody");
  const evidenceId = params.evidenceId ?? notFound();
  const submission = parseWithZod(await readForm(request), { schema: custodyStepSchema(new Date()) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    await recordCustodyStep(procuratorateId, actor.userId, caseId, evidenceId, submission.value);
  } catch (error) {
    return actionError(error, submission);
  }
  return redirect(`${evidenceItemPath(caseId, evidenceId)}?custody=1#custody`);
}

type File = EvidenceItemView["files"][number];

export default function EvidenceItemPage() {
  const { item, mayEdit, mayVerify, mayRecordCustody, nowLocal, maxBytes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const originals = item.files.filter((f) => f.redactionOfId === null);
  const copiesOf = (id: string) => item.files.filter((f) => f.redactionOfId === id);
  const uploadError = params.get("uploadError");
  return (
    <div className="case-section stack" id="evidence-item">
      <Notices created={params.has("created")} saved={params.has("saved")} uploaded={params.get("uploaded")} uploadError={uploadError} maxBytes={maxBytes} />
      <Card
        title={
          <span>
            {t("evidenceItems.item.heading", { n: item.ordinal })} · {item.title}{" "}
            {item.containsPersonal ? <Badge tone="warn">{t("cases.evidence.personal")}</Badge> : null}
          </span>
        }
        actions={
          <span className="actions">
            <Link to={`/cases/${item.caseId}/evidence`} className="button button--secondary">
              {t("evidenceItems.item.back")}
            </Link>
            {mayEdit ? (
              <Link to={`${evidenceItemPath(item.caseId, item.id)}/edit`} className="button">
                {t("evidenceItems.edit.link")}
              </Link>
            ) : null}
          </span>
        }
      >
        <Facts
          items={[
            [t("evidenceItems.form.kind"), t.label("evidenceKind", item.kind)],
            [t("evidenceItems.form.source"), t.label("evidenceSource", item.source)],
            [t("evidenceItems.form.sourceNote"), item.sourceNote],
            [t("evidenceItems.form.collectedOn"), item.collectedOn ? formatDate(item.collectedOn, t.locale) : null],
            [t("evidenceItems.form.collectedPlace"), item.collectedPlace],
            [t("evidenceItems.form.collectors"), item.collectors.map((c) => c.user.displayName).join("、")],
            [t("evidenceItems.form.otherCollectors"), item.otherCollectors],
            [t("evidenceItems.form.original"), t(item.isOriginal ? "evidenceItems.original.original" : "evidenceItems.original.copy")],
            [t("evidenceItems.form.description"), item.description ? <span className="pre-line">{item.description}</span> : null],
            [t("evidenceItems.item.registeredBy"), `${item.createdBy.displayName} · ${formatDateTime(item.createdAt, t.locale)}`],
          ]}
        />
        {!item.editable ? <p className="muted small">{t("evidenceItems.closedHint")}</p> : null}
      </Card>

      <Card title={t("evidenceItems.item.files")}>
        {item.files.length === 0 ? (
          <p className="muted">{t("evidenceItems.item.noFiles")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive" data-testid="evidence-files">
              <thead>
                <tr>
                  <th scope="col">{t("evidenceItems.file.name")}</th>
                  <th scope="col">{t("evidenceItems.file.type")}</th>
                  <th scope="col" className="num">
                    {t("evidenceItems.file.size")}
                  </th>
                  <th scope="col">{t("evidenceItems.file.sha256")}</th>
                  <th scope="col">{t("evidenceItems.file.uploaded")}</th>
                </tr>
              </thead>
              <tbody>
                {originals.map((f) => (
                  <FileRows
                    key={f.id}
                    file={f}
                    copies={copiesOf(f.id)}
                    personal={item.containsPersonal}
                    upload={mayEdit && item.containsPersonal ? evidenceUploadPath(item.caseId, item.id) : null}
                    maxBytes={maxBytes}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {mayVerify && item.files.length > 0 ? <VerifyButton caseId={item.caseId} evidenceId={item.id} /> : null}
        {mayEdit ? <EvidenceUpload action={evidenceUploadPath(item.caseId, item.id)} maxBytes={maxBytes} title={t("evidenceItems.upload.title")} /> : null}
      </Card>

      {params.has("custody") ? (
        <div className="notice notice--ok" role="status">
          {t("evidenceCustody.recorded")}
        </div>
      ) : null}
      <Card title={<span id="custody">{t("evidenceItems.custody.title")}</span>}>
        <CustodyTimeline events={item.custody} />
        {mayRecordCustody ? <CustodyForm nowLocal={nowLocal} lastResult={actionData?.result} /> : null}
      </Card>
    </div>
  );
}

function Notices({ created, saved, uploaded, uploadError, maxBytes }: { created: boolean; saved: boolean; uploaded: string | null; uploadError: string | null; maxBytes: number }) {
  const t = useT();
  return (
    <>
      {created ? (
        <div className="notice notice--ok" role="status">
          {t("evidenceItems.created")}
        </div>
      ) : null}
      {saved ? (
        <div className="notice notice--ok" role="status">
          {t("evidenceItems.saved")}
        </div>
      ) : null}
      {uploaded ? (
        <div className="notice notice--ok" role="status">
          {t("evidenceItems.upload.uploaded", { count: Number(uploaded) || 0 })}
        </div>
      ) : null}
      {/* Only message keys of this area or the error keys are shown (the no-JavaScript upload's refusal). */}
      {uploadError && /^(evidenceItems\.[\w.]+|error\.\d{3})$/.test(uploadError) ? (
        <div className="notice notice--warn" role="alert">
          {t.dynamic(uploadError, { limit: formatFileSize(maxBytes, t) })}
        </div>
      ) : null}
    </>
  );
}

function FileRows({ file, copies, personal, upload, maxBytes }: { file: File; copies: File[]; personal: boolean; upload: string | null; maxBytes: number }) {
  const t = useT();
  return (
    <>
      <FileRow file={file} />
      {copies.map((c) => (
        <FileRow key={c.id} file={c} copyOf={file.originalName} />
      ))}
      {personal && upload ? (
        <tr>
          <td colSpan={5}>
            <details className="redaction-upload">
              <summary>
                {t("evidenceItems.file.uploadRedacted")}
                {copies.length === 0 ? <span className="muted small"> · {t("evidenceItems.file.noRedaction")}</span> : null}
              </summary>
              <EvidenceUpload
                action={upload}
                maxBytes={maxBytes}
                redactionOf={{ id: file.id, name: file.originalName }}
                title={t("evidenceItems.upload.redactedTitle", { name: file.originalName })}
              />
            </details>
          </td>
        </tr>
      ) : null}
    </>
  );
}

function FileRow({ file, copyOf }: { file: File; copyOf?: string }) {
  const t = useT();
  return (
    <tr data-file-id={file.id}>
      <td data-label={t("evidenceItems.file.name")}>
        {copyOf ? <span className="muted small">↳ </span> : null}
        <a href={evidenceFilePath(file.id)}>{file.originalName}</a>
        {copyOf ? (
          <>
            {" "}
            <Badge tone="info">{t("evidenceItems.file.redactionOf", { name: copyOf })}</Badge>
          </>
        ) : null}
      </td>
      <td data-label={t("evidenceItems.file.type")} className="nowrap">
        {file.mimeType}
      </td>
      <td data-label={t("evidenceItems.file.size")} className="num nowrap">
        {formatFileSize(file.size, t)}
      </td>
      <td data-label={t("evidenceItems.file.sha256")}>
        <Sha256 hash={file.sha256} />
      </td>
      <td data-label={t("evidenceItems.file.uploaded")}>
        {file.uploadedBy?.displayName ?? "—"} · {formatDateTime(file.createdAt, t.locale)}
      </td>
    </tr>
  );
}

/** A SHA-256 shortened to 12 hex digits; the full value on hover and by the copy button. */
function Sha256({ hash }: { hash: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <span className="nowrap">
      <code className="sha256" title={t("evidenceItems.file.fullHash", { hash })} data-sha256={hash}>
        {hash.slice(0, 12)}…
      </code>{" "}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          void navigator.clipboard?.writeText(hash).then(() => setCopied(true));
        }}
      >
        {copied ? t("evidenceItems.file.copied") : t("evidenceItems.file.copy")}
      </button>
    </span>
  );
}
