import { Link, useFetcher } from "@remix-run/react";
import { Badge, Card } from "~/components/ui";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";

// The documents of a page (case, clue, hearing): what can be generated now (or the loader's
// reason why not), with preview and issue; then the issued documents with download and
// "regenerate and verify". Issue and verify post through fetchers; the page's loader revalidates.

export type PanelCandidate = {
  kind: string;
  subjectType: string;
  subjectId: string;
  label: string | null;
  blocked: string | null;
  missing: { zh: string; en: string }[];
  numbered: boolean;
};

/** Field labels in the user's language, listed. */
function fieldNames(locale: string, labels: { zh: string; en: string }[]): string {
  return locale === "en" ? labels.map((l) => l.en).join(", ") : labels.map((l) => l.zh).join("、");
}

export type PanelDocument = {
  id: string;
  kind: string;
  number: string | null;
  title: string;
  size: number;
  agencyVisible: boolean;
  /** Addressed to an agency and released to it only when its service is recorded (not yet). */
  awaitingService?: boolean;
  createdAt: string | Date;
  agency: { name: string } | null;
  createdBy: { displayName: string };
  _count?: { services: number };
};

type IssueResult = {
  result: { error?: Record<string, string[] | null> | null } | null;
  issued: { id: string; title: string; number: string | null } | null;
  existing: { id: string; title: string; number: string | null } | null;
  missing: { zh: string; en: string }[];
};

type VerifyResult = {
  documentId: string;
  identical: boolean;
  stored: string;
  regenerated: string | null;
  error: string | null;
};

export function previewHref(kind: string, subjectId: string) {
  return `/documents/preview?kind=${encodeURIComponent(kind)}&subject=${encodeURIComponent(subjectId)}`;
}

/** The issue button of one kind and subject, with its result next to it. */
export function IssueButton({ kind, subjectId, label }: { kind: string; subjectId: string; label: string }) {
  const t = useT();
  const fetcher = useFetcher<IssueResult>();
  const busy = fetcher.state !== "idle";
  const errors = fetcher.data?.result?.error ? Object.values(fetcher.data.result.error).flatMap((v) => v ?? []) : [];
  return (
    <span className="document-issue">
      <fetcher.Form method="post" action="/documents/issue" className="inline-form" aria-label={t("documents.issueFor", { name: label })}>
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="subjectId" value={subjectId} />
        <button type="submit" className="button button--small" disabled={busy}>
          {busy ? t("documents.issuing") : t("documents.issue")}
        </button>
      </fetcher.Form>
      {fetcher.data?.issued ? (
        <span className="notice notice--ok small" role="status">
          {t("documents.issued", { title: fetcher.data.issued.title })}{" "}
          <a href={`/documents/${fetcher.data.issued.id}`} download>
            {t("documents.download")}
          </a>
        </span>
      ) : null}
      {fetcher.data?.existing ? (
        <span className="form-error small" role="alert">
          {t("documents.error.alreadyIssuedNamed", {
            title: fetcher.data.existing.title,
            number: fetcher.data.existing.number ?? t("documents.unnumbered"),
          })}{" "}
          <a href={`/documents/${fetcher.data.existing.id}`} download>
            {t("documents.download")}
          </a>
        </span>
      ) : fetcher.data?.missing?.length ? (
        <span className="form-error small" role="alert">
          {t("documents.error.missingNamed", { fields: fieldNames(t.locale, fetcher.data.missing) })}
        </span>
      ) : errors.length ? (
        <span className="form-error small" role="alert">
          {errors.map((e) => t.dynamic(e)).join(" ")}
        </span>
      ) : null}
    </span>
  );
}

function VerifyButton({ documentId, title }: { documentId: string; title: string }) {
  const t = useT();
  const fetcher = useFetcher<VerifyResult>();
  const busy = fetcher.state !== "idle";
  const r = fetcher.data;
  return (
    <span className="document-verify">
      <fetcher.Form method="post" action={`/documents/${documentId}/verify`} className="inline-form" aria-label={t("documents.verifyFor", { name: title })}>
        <button type="submit" className="button button--small button--secondary" disabled={busy}>
          {t("documents.verify")}
        </button>
      </fetcher.Form>
      {r ? (
        r.identical ? (
          <span className="notice notice--ok small" role="status">
            {t("documents.verify.identical", { sha256: r.stored.slice(0, 16) })}{" "}
            <a href={`/documents/${documentId}/verify`} download>
              {t("documents.verify.download")}
            </a>
          </span>
        ) : (
          <span className="form-error small" role="alert">
            {r.regenerated
              ? t("documents.verify.mismatch", { stored: r.stored, regenerated: r.regenerated })
              : t.dynamic(r.error ?? "error.409")}
          </span>
        )
      ) : null}
    </span>
  );
}

export function CandidatesCard({ candidates, mayIssue, mayPreview }: { candidates: PanelCandidate[]; mayIssue: boolean; mayPreview: boolean }) {
  const t = useT();
  return (
    <Card title={t("documents.make.title")}>
      {candidates.length === 0 ? (
        <p className="muted">{t("documents.make.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-responsive documents-make">
            <thead>
              <tr>
                <th scope="col">{t("documents.col.kind")}</th>
                <th scope="col">{t("documents.col.state")}</th>
                <th scope="col">{t("documents.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => {
                const name = `${t.label("documentKind", c.kind)}${c.label ? ` · ${c.label}` : ""}`;
                return (
                  <tr key={`${c.kind}:${c.subjectId}`} data-kind={c.kind}>
                    <td data-label={t("documents.col.kind")}>
                      <span>
                        {t.label("documentKind", c.kind)}
                        {c.label ? <span className="muted small case-table__sub">{c.label}</span> : null}
                      </span>
                    </td>
                    <td data-label={t("documents.col.state")}>
                      {c.blocked ? (
                        <span className="muted small" role="note">
                          {t.dynamic(c.blocked)}
                        </span>
                      ) : c.missing.length ? (
                        <span className="muted small" role="note" data-testid="candidate-missing">
                          {t("documents.make.missing", { fields: fieldNames(t.locale, c.missing) })}
                        </span>
                      ) : (
                        <Badge tone="ok">{t("documents.make.ready")}</Badge>
                      )}
                    </td>
                    <td data-label={t("documents.col.actions")}>
                      {c.blocked || c.missing.length ? null : (
                        <span className="actions">
                          {mayPreview ? (
                            <Link to={previewHref(c.kind, c.subjectId)} className="button button--small button--secondary" aria-label={t("documents.previewFor", { name })}>
                              {t("documents.preview")}
                            </Link>
                          ) : null}{" "}
                          {mayIssue ? <IssueButton kind={c.kind} subjectId={c.subjectId} label={name} /> : null}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

/** serveHref: where the service of a document waiting for it is recorded (the case's service form), when the reader may. */
export function IssuedCard({ issued, mayVerify, serveHref }: { issued: PanelDocument[]; mayVerify: boolean; serveHref?: string | null }) {
  const t = useT();
  return (
    <Card title={t("documents.issuedTitle")}>
      {issued.length === 0 ? (
        <p className="muted">{t("documents.issuedNone")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-responsive documents-issued">
            <thead>
              <tr>
                <th scope="col">{t("documents.col.title")}</th>
                <th scope="col">{t("documents.col.kind")}</th>
                <th scope="col">{t("documents.col.number")}</th>
                <th scope="col">{t("documents.col.created")}</th>
                {issued.some((d) => d._count) ? (
                  <th scope="col" className="num">
                    {t("documents.col.services")}
                  </th>
                ) : null}
                <th scope="col">{t("documents.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {issued.map((doc) => (
                <tr key={doc.id} data-document={doc.id}>
                  <td data-label={t("documents.col.title")}>
                    <span>
                      {doc.title}
                      {doc.agencyVisible ? (
                        <>
                          {" "}
                          <Badge tone="info">{t("documents.agencyVisible", { agency: doc.agency?.name ?? "" })}</Badge>
                        </>
                      ) : doc.awaitingService ? (
                        <>
                          {" "}
                          <Badge tone="warn">{t("documents.awaitingService", { agency: doc.agency?.name ?? "" })}</Badge>
                          {serveHref ? (
                            <>
                              {" "}
                              <Link to={serveHref} className="small">
                                {t("documents.recordService")}
                              </Link>
                            </>
                          ) : null}
                        </>
                      ) : null}
                    </span>
                  </td>
                  <td data-label={t("documents.col.kind")}>{t.label("documentKind", doc.kind)}</td>
                  <td data-label={t("documents.col.number")} className="mono">
                    {doc.number ?? t("documents.unnumbered")}
                  </td>
                  <td data-label={t("documents.col.created")}>
                    <span>
                      {doc.createdBy.displayName}
                      <span className="muted small case-table__sub">{formatDateTime(doc.createdAt, t.locale)}</span>
                    </span>
                  </td>
                  {doc._count ? (
                    <td data-label={t("documents.col.services")} className="num">
                      {doc._count.services}
                    </td>
                  ) : null}
                  <td data-label={t("documents.col.actions")}>
                    <span className="actions">
                      <a href={`/documents/${doc.id}`} download className="button button--small" aria-label={t("documents.downloadFor", { name: doc.title })}>
                        {t("documents.download")}
                      </a>{" "}
                      {mayVerify ? <VerifyButton documentId={doc.id} title={doc.title} /> : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
