import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { FormError } from "~/components/ui";
import { OPINION_STANCES } from "~/domain/hearing/majority";
import { OPINION_TEXT_MAX, PANEL_NAME_MAX } from "~/domain/hearing/panel-schemas";
import { useT } from "~/i18n/react";

// The panel portal's two forms (issue 9): the no-conflict declaration (听证规定 Art 7) that opens
// the briefing, and a signed opinion per case (Art 15) that may change until deliberation closes.

export function DeclarationForm({ errors }: { errors: string[] | null }) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  return (
    <section className="card" aria-labelledby="declaration-title">
      <h2 id="declaration-title">{t("hearingPanel.portal.declarationTitle")}</h2>
      <p className="muted">{t("hearingPanel.portal.declarationIntro")}</p>
      <blockquote className="declaration-statement">{t("hearingPanel.portal.declarationStatement")}</blockquote>
      <FormError errors={errors} />
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="declare" />
        <label className="checkbox">
          <input type="checkbox" name="confirm" value="on" required /> {t("hearingPanel.portal.confirm")}
        </label>
        <label>
          {t("hearingPanel.portal.signature")}
          <input type="text" name="signedName" required maxLength={PANEL_NAME_MAX} autoComplete="name" />
        </label>
        <button className="button" type="submit" disabled={busy}>
          {t("hearingPanel.portal.sign")}
        </button>
      </Form>
    </section>
  );
}

type Mine = { stance: string; reasons: string; conditions: string | null } | null;

export function OpinionForm({ caseId, title, mine, errors }: { caseId: string; title: string; mine: Mine; errors: string[] | null }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("caseId") === caseId;
  const [stance, setStance] = useState(mine?.stance ?? "");
  return (
    <details className="portal-details opinion-form" open={!mine}>
      <summary>{t(mine ? "hearingPanel.portal.changeOpinion" : "hearingPanel.portal.opinionForm")}</summary>
      <p className="muted small">{t("hearingPanel.portal.opinionHint")}</p>
      {errors && errors.length && navigation.state === "idle" ? <FormError errors={errors} /> : null}
      <Form method="post" className="stack" aria-label={`${t("hearingPanel.portal.opinionForm")} ${title}`}>
        <input type="hidden" name="intent" value="opinion" />
        <input type="hidden" name="caseId" value={caseId} />
        <fieldset>
          <legend>{t("hearingPanel.portal.stance")}</legend>
          {OPINION_STANCES.map((s) => (
            <label key={s} className="radio">
              <input
                type="radio"
                name="stance"
                value={s}
                required
                checked={stance === s}
                onChange={() => setStance(s)}
              />{" "}
              {t.label("opinionStance", s)}
            </label>
          ))}
        </fieldset>
        <label>
          {t("hearingPanel.portal.reasons")}
          <textarea name="reasons" required maxLength={OPINION_TEXT_MAX} rows={4} defaultValue={mine?.reasons ?? ""} />
        </label>
        <label>
          {t("hearingPanel.portal.conditions")}
          <textarea
            name="conditions"
            maxLength={OPINION_TEXT_MAX}
            rows={2}
            required={stance === "conditional"}
            defaultValue={mine?.conditions ?? ""}
          />
        </label>
        <label>
          {t("hearingPanel.portal.signature")}
          <input type="text" name="signedName" required maxLength={PANEL_NAME_MAX} />
        </label>
        <button className="button" type="submit" disabled={busy}>
          {t("hearingPanel.portal.submit")}
        </button>
      </Form>
    </details>
  );
}
