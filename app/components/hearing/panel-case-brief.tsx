import type { SerializeFrom } from "@remix-run/node";
import type { ReactNode } from "react";
import { OpinionForm } from "~/components/hearing/panel-portal-forms";
import { Prose, SectionTitle, StanceBadge, formatFileSize } from "~/components/portal";
import { Badge, Card, Facts } from "~/components/ui";
import { evidenceFilePath } from "~/domain/evidence/urls";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import type { getPanelistBriefing } from "~/models/panel-portal.server";

// One case of the panel portal's briefing (听证规定 Art 11): facts, issues, the disclosed evidence
// and its files, the panelist's own opinion (and its form while opinions are open), and once
// deliberation has closed the panel's tally and the other opinions.

type BriefingCase = SerializeFrom<typeof getPanelistBriefing>["cases"][number];

const CN_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

type PanelFile = BriefingCase["evidence"][number]["files"][number];

/** The files of a disclosed item the panelist may see: preview in a new tab, or download. */
function EvidenceFiles({ files }: { files: PanelFile[] }) {
  const t = useT();
  if (!files.length) return <span className="muted">{t("evidenceDisclosure.panel.noFiles")}</span>;
  return (
    <ul className="plain-list portal-files">
      {files.map((f) => (
        <li key={f.id} data-file={f.id}>
          <a
            href={evidenceFilePath(f.id)}
            target="_blank"
            rel="noreferrer"
            aria-label={t("evidenceDisclosure.panel.previewOf", { name: f.name })}
          >
            {f.name}
          </a>{" "}
          <span className="muted small">
            {f.mimeType} · {formatFileSize(f.size, t)}
          </span>{" "}
          {f.redacted ? <Badge tone="info">{t("evidenceDisclosure.panel.redacted")}</Badge> : null}{" "}
          <a
            href={evidenceFilePath(f.id, { download: true })}
            download={f.name}
            aria-label={t("evidenceDisclosure.panel.downloadOf", { name: f.name })}
          >
            {t("evidenceDisclosure.panel.download")}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function CaseBrief({
  c,
  index,
  opinionsOpen,
  status,
  errors,
}: {
  c: BriefingCase;
  index: number;
  opinionsOpen: boolean;
  status: string;
  errors: string[] | null;
}) {
  const t = useT();
  const ordinal = t.locale === "zh-CN" ? CN_ORDINALS[index] ?? String(index + 1) : String(index + 1);
  return (
    <section id={`case-${c.id}`} className="portal-case">
      <Card title={t("portal.briefing.caseHeading", { ordinal, title: c.title })}>
        <Facts
          items={[
            [t("portal.briefing.caseNumber"), c.number],
            [
              t("portal.briefing.respondent"),
              c.respondent ?? (c.respondentUnknown ? t("portal.briefing.respondentUnknown") : null),
            ],
            [t("portal.briefing.field"), t.label("caseField", c.field)],
            ...(c.sessionAt
              ? ([[t("portal.briefing.session"), formatDateTime(c.sessionAt, t.locale)]] as [string, string][])
              : []),
          ]}
        />

        <SectionTitle>{t("portal.briefing.issues")}</SectionTitle>
        {c.issues ? <Prose text={c.issues} /> : <p className="muted">{t("portal.briefing.issuesNone")}</p>}

        <SectionTitle>{t("portal.briefing.evidence")}</SectionTitle>
        {c.evidence.length ? (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th className="num">{t("portal.briefing.col.ordinal")}</th>
                  <th>{t("portal.briefing.col.title")}</th>
                  <th>{t("portal.briefing.col.kind")}</th>
                  <th>{t("portal.briefing.col.description")}</th>
                  <th>{t("evidenceDisclosure.panel.files")}</th>
                </tr>
              </thead>
              <tbody>
                {c.evidence.map((e) => (
                  <tr key={e.id}>
                    <td className="num" data-label={t("portal.briefing.col.ordinal")}>
                      {e.ordinal}
                    </td>
                    <td data-label={t("portal.briefing.col.title")}>{e.title}</td>
                    <td data-label={t("portal.briefing.col.kind")} className="nowrap">
                      {t.label("evidenceKind", e.kind)}
                    </td>
                    <td data-label={t("portal.briefing.col.description")}>{e.description ?? "—"}</td>
                    <td data-label={t("evidenceDisclosure.panel.files")}>
                      <EvidenceFiles files={e.files} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t("portal.briefing.evidenceEmpty")}</p>
        )}

        <SectionTitle>{t("hearings.proposal.heading")}</SectionTitle>
        <p data-proposed-handling={c.proposedHandling}>
          <strong>{t.label("proposedHandling", c.proposedHandling)}</strong>
        </p>
        {c.proposal ? <Prose text={c.proposal} /> : null}

        <SectionTitle>{t("portal.briefing.myOpinion")}</SectionTitle>
        {c.myOpinion ? (
          <Facts
            items={[
              [t("portal.briefing.stance"), <StanceBadge key="s" stance={c.myOpinion.stance} />],
              [t("portal.briefing.reasons"), <Prose key="r" text={c.myOpinion.reasons} />],
              ...(c.myOpinion.conditions
                ? ([[t("portal.briefing.conditions"), <Prose key="c" text={c.myOpinion.conditions} />]] as [
                    string,
                    ReactNode
                  ][])
                : []),
              [t("portal.briefing.submittedAt"), formatDateTime(c.myOpinion.submittedAt, t.locale)],
            ]}
          />
        ) : (
          <p className="muted">{t("portal.briefing.myOpinionNone")}</p>
        )}
        {opinionsOpen ? (
          <OpinionForm caseId={c.id} title={c.title} mine={c.myOpinion} errors={errors} />
        ) : status === "planned" || status === "notified" ? (
          <p className="muted small">{t("hearingPanel.portal.notYetOpen")}</p>
        ) : c.myOpinion ? (
          <p className="muted small">{t("hearingPanel.portal.closed")}</p>
        ) : null}

        {c.panel ? (
          <>
            <SectionTitle>{t("portal.briefing.panelResult")}</SectionTitle>
            <p>
              {c.panel.tally.total ? (
                <>
                  {t("portal.briefing.tally", {
                    agree: c.panel.tally.agree,
                    conditional: c.panel.tally.conditional,
                    disagree: c.panel.tally.disagree,
                    total: c.panel.tally.total,
                  })}
                  <br />
                  <strong>
                    {c.panel.tally.majority
                      ? t("portal.briefing.majority", { stance: t.label("opinionStance", c.panel.tally.majority) })
                      : t("portal.briefing.noMajority")}
                  </strong>
                </>
              ) : (
                t("portal.briefing.tallyEmpty")
              )}
            </p>
            {c.panel.opinions.length ? (
              <details className="portal-details">
                <summary>{t("portal.briefing.showOthers", { count: c.panel.opinions.length })}</summary>
                <div className="table-wrap">
                  <table className="table table-responsive">
                    <thead>
                      <tr>
                        <th>{t("portal.briefing.col.panelist")}</th>
                        <th>{t("portal.briefing.col.category")}</th>
                        <th>{t("portal.briefing.stance")}</th>
                        <th>{t("portal.briefing.reasons")}</th>
                        <th>{t("portal.briefing.conditions")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.panel.opinions.map((o, i) => (
                        <tr key={i}>
                          <td data-label={t("portal.briefing.col.panelist")} className="nowrap">
                            {o.panelistName}
                          </td>
                          <td data-label={t("portal.briefing.col.category")}>
                            {t.label("panelistCategory", o.panelistCategory)}
                          </td>
                          <td data-label={t("portal.briefing.stance")}>
                            <StanceBadge stance={o.stance} />
                          </td>
                          <td data-label={t("portal.briefing.reasons")}>
                            <Prose text={o.reasons} />
                          </td>
                          <td data-label={t("portal.briefing.conditions")}>
                            {o.conditions ? <Prose text={o.conditions} /> : "—"}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            ) : (
              <p className="muted">{t("portal.briefing.othersEmpty")}</p>
            )}
          </>
        ) : null}
      </Card>
    </section>
  );
}
