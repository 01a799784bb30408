import { Badge, Facts } from "~/components/ui";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";

/** The last full verification of the evidence store (lastStoreVerification), or null: never run. */
type StoreVerification = {
  startedAt: string | Date;
  filesChecked: number;
  bytesChecked: number;
  mismatched: number;
  missing: number;
  orphans: number;
  orphansRemoved: number;
} | null;

function mib(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(2)} GiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/** The admin overview's card body: when the store was last verified (npm run evidence:verify), and what it found. */
export function StoreVerificationSummary({ verification: v }: { verification: StoreVerification }) {
  const t = useT();
  if (!v) return <p className="muted">{t("evidenceFiles.store.never")}</p>;
  const failed = v.mismatched > 0 || v.missing > 0;
  return (
    <Facts
      items={[
        [t("evidenceFiles.store.lastRun"), formatDateTime(v.startedAt, t.locale)],
        [t("evidenceFiles.store.files"), v.filesChecked],
        [t("evidenceFiles.store.bytes"), mib(v.bytesChecked)],
        [
          t("evidenceFiles.store.problems"),
          <span key="p">
            <Badge tone={failed ? "danger" : v.orphans ? "warn" : "ok"}>
              {failed ? t("evidenceFiles.store.failed") : t("evidenceFiles.store.ok")}
            </Badge>{" "}
            {t("evidenceFiles.store.problemCounts", {
              mismatched: v.mismatched,
              missing: v.missing,
              orphans: v.orphans,
              removed: v.orphansRemoved,
            })}
          </span>,
        ],
      ]}
    />
  );
}
