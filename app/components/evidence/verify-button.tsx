import { useFetcher } from "@remix-run/react";
import { Badge } from "~/components/ui";
import { evidenceItemPath } from "~/domain/evidence/urls";
import { useT } from "~/i18n/react";

/** What the verify action answers (ItemVerification of app/models/evidence-verify.server.ts). */
type VerifyResult = {
  evidenceId: string;
  files: { fileId: string; name: string; check: "ok" | "mismatch" | "missing" }[];
  ok: number;
  mismatched: number;
  missing: number;
};

const TONE = { ok: "ok", mismatch: "danger", missing: "danger" } as const;

/**
 * The "verify" button of an evidence item (staff with evidence:verify): posts to the item's verify
 * route, which re-hashes its files and records 'verified' custody events, and shows the result per
 * file. Rendered by the item page.
 */
export function VerifyButton({ caseId, evidenceId }: { caseId: string; evidenceId: string }) {
  const fetcher = useFetcher<VerifyResult>();
  const t = useT();
  const busy = fetcher.state !== "idle";
  const result = fetcher.data && "files" in fetcher.data ? fetcher.data : null;
  return (
    <div className="evidence-verify">
      <fetcher.Form method="post" action={`${evidenceItemPath(caseId, evidenceId)}/verify`}>
        <button type="submit" className="button button--secondary" disabled={busy} aria-describedby={`verify-hint-${evidenceId}`}>
          {busy ? t("evidenceFiles.verify.running") : t("evidenceFiles.verify.button")}
        </button>{" "}
        <span id={`verify-hint-${evidenceId}`} className="muted">
          {t("evidenceFiles.verify.hint")}
        </span>
      </fetcher.Form>
      {result && !busy ? (
        <div role="status" className={`notice ${result.mismatched || result.missing ? "notice--warn" : "notice--ok"}`}>
          <p>
            {result.files.length === 0
              ? t("evidenceFiles.verify.none")
              : result.mismatched || result.missing
                ? t("evidenceFiles.verify.problems", { mismatched: result.mismatched, missing: result.missing })
                : t("evidenceFiles.verify.allOk", { count: result.ok })}
          </p>
          {result.files.length > 0 ? (
            <ul className="plain-list">
              {result.files.map((f) => (
                <li key={f.fileId}>
                  {f.name} <Badge tone={TONE[f.check]}>{t(`evidenceFiles.verify.check.${f.check}`)}</Badge>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
