import { useT } from "~/i18n/react";

/** The outcome of a small action (revoke, delete, deactivate): a notice, or the refusal. */
export function ActionNotice({ notice, errors }: { notice: string | null; errors?: string[] | null }) {
  const t = useT();
  if (errors?.length) {
    return (
      <div className="form-error" role="alert" style={{ marginBottom: 18 }}>
        {errors.map((e) => t.dynamic(e)).join(" ")}
      </div>
    );
  }
  if (!notice) return null;
  return (
    <div className="notice notice--ok" role="status" style={{ marginBottom: 18 }}>
      {t.dynamic(notice)}
    </div>
  );
}
