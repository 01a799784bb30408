import { Facts } from "~/components/ui";
import type { InformantView } from "~/domain/privacy/mask";
import { useT } from "~/i18n/react";

/**
 * The informant (举报人) of a clue, as the server allowed this viewer to see it: masked unless the
 * viewer works the case or the clue (个人信息保护法 Art 34). The server does the masking; this only
 * shows what arrived, and says when it is masked and why.
 */
export function InformantFacts({ informant, note }: { informant: InformantView; note: string }) {
  const t = useT();
  return (
    <>
      <Facts
        items={[
          [t("cases.informant.name"), informant.name],
          [t("cases.informant.phone"), informant.phone ? <span className="mono">{informant.phone}</span> : null],
          [t("cases.informant.idNumber"), informant.idNumber ? <span className="mono">{informant.idNumber}</span> : null],
        ]}
      />
      <p className="muted small informant-note">{informant.masked ? note : t("cases.informant.revealed")}</p>
    </>
  );
}
