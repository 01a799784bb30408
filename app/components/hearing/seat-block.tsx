import { useT } from "~/i18n/react";

type Block = {
  reasons: string[];
  conflicts: { agencyName: string; role: string; organisation: string; relation: string }[];
};

/** Why a pool entry cannot be seated: each ineligibility (听证规定 Art 7) and each conflict, named. */
export function SeatBlockReasons({ block }: { block: Block }) {
  const t = useT();
  return (
    <ul className="plain-list small seat-block">
      {block.reasons.map((r) => (
        <li key={r}>{t.label("admin.ineligible", r)}</li>
      ))}
      {block.conflicts.map((c, i) => (
        <li key={`c${i}`}>
          {t(c.role === "respondent" ? "hearingPanel.conflict.respondent" : "hearingPanel.conflict.participant", {
            organisation: c.organisation,
            relation: c.relation,
            agency: c.agencyName,
          })}
        </li>
      ))}
    </ul>
  );
}
