import { useRevalidator } from "@remix-run/react";
import type { FormEvent } from "react";
import { useId, useState } from "react";
import { formatFileSize } from "~/components/portal";
import type { Translate } from "~/i18n";
import { useT } from "~/i18n/react";

// The evidence upload with a progress bar (percentage and speed). It posts the same multipart form
// a browser without JavaScript posts (then the server redirects back to the item), but through
// XMLHttpRequest, because fetch reports no upload progress. The server answers JSON to
// `Accept: application/json`: { ok, files } or { ok: false, error, limit? }.

export type UploadedFileResult = { id: string; name: string; sha256: string; size: number; mimeType: string; redactionOfId: string | null };

type State =
  | { phase: "idle" }
  | { phase: "sending"; loaded: number; total: number; bytesPerSecond: number }
  | { phase: "processing"; total: number; bytesPerSecond: number }
  | { phase: "done"; total: number; bytesPerSecond: number; files: UploadedFileResult[] }
  | { phase: "error"; message: string };

/** "12.3 MB/s" or "850.0 KB/s". */
export function formatSpeed(bytesPerSecond: number, t: Translate): string {
  if (bytesPerSecond >= 1024 * 1024) return t("evidenceItems.upload.speedMb", { n: (bytesPerSecond / 1024 / 1024).toFixed(1) });
  return t("evidenceItems.upload.speedKb", { n: (bytesPerSecond / 1024).toFixed(1) });
}

/**
 * An upload form for an item's files (or, with `redactionOf`, a redacted copy of one original).
 * `action` is evidenceUploadPath(caseId, evidenceId); `maxBytes` the server's EVIDENCE_MAX_BYTES,
 * checked here first so an oversized file is refused before it is sent.
 */
export function EvidenceUpload({
  action,
  maxBytes,
  redactionOf,
  title,
}: {
  action: string;
  maxBytes: number;
  redactionOf?: { id: string; name: string };
  title?: string;
}) {
  const t = useT();
  const inputId = useId();
  const [state, setState] = useState<State>({ phase: "idle" });
  const revalidator = useRevalidator();
  const busy = state.phase === "sending" || state.phase === "processing";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const input = form.elements.namedItem("file") as HTMLInputElement | null;
    const files = Array.from(input?.files ?? []);
    if (files.length === 0) return setState({ phase: "error", message: t("evidenceItems.upload.noFile") });
    const tooLarge = files.find((f) => f.size > maxBytes);
    if (tooLarge) {
      return setState({
        phase: "error",
        message: t("evidenceItems.upload.tooLargeLocal", { name: tooLarge.name, size: formatFileSize(tooLarge.size, t), limit: formatFileSize(maxBytes, t) }),
      });
    }
    const body = new FormData(form);
    const started = performance.now();
    const speed = (loaded: number) => loaded / Math.max((performance.now() - started) / 1000, 0.001);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      setState({ phase: "sending", loaded: e.loaded, total: e.total, bytesPerSecond: speed(e.loaded) });
    };
    xhr.upload.onload = () => {
      setState((s) => (s.phase === "sending" ? { phase: "processing", total: s.total, bytesPerSecond: s.bytesPerSecond } : s));
    };
    xhr.onload = () => {
      let answer: { ok?: boolean; files?: UploadedFileResult[]; error?: string } = {};
      try {
        answer = JSON.parse(xhr.responseText) as typeof answer;
      } catch {
        // not JSON (a proxy's error page): the status says enough
      }
      if (xhr.status === 200 && answer.ok && answer.files) {
        const total = answer.files.reduce((sum, f) => sum + f.size, 0);
        setState((s) => ({
          phase: "done",
          total,
          bytesPerSecond: "bytesPerSecond" in s ? s.bytesPerSecond : speed(total),
          files: answer.files!,
        }));
        form.reset();
        revalidator.revalidate();
        return;
      }
      const message = answer.error ?? (xhr.status === 413 ? t("evidenceItems.upload.tooLarge", { limit: formatFileSize(maxBytes, t) }) : xhr.statusText);
      setState({ phase: "error", message: t("evidenceItems.upload.failed", { status: xhr.status, message }) });
    };
    xhr.onerror = () => setState({ phase: "error", message: t("evidenceItems.upload.network") });
    xhr.onabort = () => setState({ phase: "error", message: t("evidenceItems.upload.network") });
    setState({ phase: "sending", loaded: 0, total: files.reduce((sum, f) => sum + f.size, 0), bytesPerSecond: 0 });
    xhr.send(body);
  }

  const percent =
    state.phase === "sending" ? Math.min(100, Math.floor((state.loaded / Math.max(state.total, 1)) * 100)) : state.phase === "idle" || state.phase === "error" ? 0 : 100;
  return (
    <form
      method="post"
      encType="multipart/form-data"
      action={action}
      className="form evidence-upload"
      onSubmit={onSubmit}
      data-testid={redactionOf ? `upload-redacted-${redactionOf.id}` : "evidence-upload"}
    >
      {title ? <h3>{title}</h3> : null}
      {/* Before the files, so the server reads it first. */}
      {redactionOf ? <input type="hidden" name="redactionOf" value={redactionOf.id} /> : null}
      <div className="field">
        <label htmlFor={inputId}>{t("evidenceItems.upload.choose")}</label>
        <input id={inputId} type="file" name="file" multiple={!redactionOf} required disabled={busy} />
        <span className="hint">{t("evidenceItems.upload.hint", { limit: formatFileSize(maxBytes, t) })}</span>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t("evidenceItems.upload.submit")}
        </button>
      </div>
      {state.phase !== "idle" && state.phase !== "error" ? (
        <div className="upload-progress" aria-live="polite">
          <progress max={100} value={percent} aria-label={t("evidenceItems.upload.title")} />
          <span className="upload-progress__text" data-testid="upload-progress-text">
            {t("evidenceItems.upload.progress", { percent, speed: formatSpeed(state.bytesPerSecond, t) })}
          </span>
          <span className="muted small">
            {state.phase === "sending"
              ? t("evidenceItems.upload.sending")
              : state.phase === "processing"
                ? t("evidenceItems.upload.processing")
                : t("evidenceItems.upload.done", { count: state.files.length })}
          </span>
        </div>
      ) : null}
      {state.phase === "done" ? (
        <ul className="upload-results">
          {state.files.map((f) => (
            <li key={f.id}>
              {f.name} · {f.mimeType} · {formatFileSize(f.size, t)} · <code title={f.sha256}>{f.sha256.slice(0, 12)}…</code>
            </li>
          ))}
        </ul>
      ) : null}
      {state.phase === "error" ? (
        <div className="form-error" role="alert">
          {state.message}
        </div>
      ) : null}
    </form>
  );
}
