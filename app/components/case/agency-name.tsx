import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";

/**
 * The respondent agency, or the note that it is not yet known (规则 Art 29 allows filing when the
 * agency is unknown but the harm is serious). With its id, a link to the agency's page
 * (/agencies/:agencyId: its cases, recommendations, replies and rates), for the staff who read cases.
 */
export function AgencyName({
  agency,
  unknown,
}: {
  agency: { id?: string; name: string } | null | undefined;
  unknown?: boolean;
}) {
  const t = useT();
  if (agency?.id) return <Link to={`/agencies/${agency.id}`}>{agency.name}</Link>;
  if (agency) return <>{agency.name}</>;
  return <span className="muted">{unknown ? t("cases.agencyUnknown") : t("cases.agencyNotSet")}</span>;
}
