import { useT } from "~/i18n/react";

/**
 * The respondent agency, or the note that it is not yet known (规则 Art 29 allows filing when the
 * agency is unknown but the harm is serious).
 */
export function AgencyName({
  agency,
  unknown,
}: {
  agency: { name: string } | null | undefined;
  unknown?: boolean;
}) {
  const t = useT();
  if (agency) return <>{agency.name}</>;
  return <span className="muted">{unknown ? t("cases.agencyUnknown") : t("cases.agencyNotSet")}</span>;
}
