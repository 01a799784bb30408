import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { pageTitle } from "~/components/case/meta";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DeclarationForm, OpinionForm } from "~/components/hearing/panel-portal-forms";
import type { ReactNode } from "react";
import { DeclarationBadge, HearingStatusBadge, Prose, SectionTitle, StanceBadge, formatFileSize } from "~/components/portal";
import { Badge, Card, EmptyState, Facts, PageHeader } from "~/components/ui";
import { evidenceFilePath } from "~/domain/evidence/urls";
import { formatDate, formatDateTime, formatDateTimeRange } from "~/i18n";
import { useT } from "~/i18n/react";
import { portalSchema } from "~/domain/hearing/panel-schemas";
import { getPanelistBriefing, saveOpinion, signDeclaration } from "~/models/panel-portal.server";
import { actionError } from "~/utils/action-error.server";
import { panelistScope, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "portal.panel.meta", undefined, data?.hearing.title ?? null);

// The briefing pack of one hearing the panelist sits on (听证规定 Art 11); any other hearing is
// not found. The briefing opens once the panelist has signed the no-conflict declaration (听证规定
// Art 7); a recused panelist sees neither. While the hearing is in progress and until the host
// closes deliberation, the panelist gives or changes a signed opinion per case (Art 15).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "panel:use");
  const hearing = await getPanelistBriefing(panelistScope(scope), params.hearingId ?? "");
  return { hearing };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "panel:use");
  const panel = panelistScope(scope);
  const hearingId = params.hearingId ?? "";
  const submission = parseWithZod(await readForm(request), { schema: portalSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), done: null }, { status: 400 });
  const v = submission.value;
  try {
    if (v.intent === "declare") {
      await signDeclaration(panel, actor.userId, hearingId, v.signedName);
      return { result: submission.reply({ resetForm: true }), done: { key: "hearingPanel.portal.signed", caseId: null } };
    }
    const saved = await saveOpinion(panel, actor.userId, hearingId, v);
    const key = saved.changed ? "hearingPanel.portal.changed" : "hearingPanel.portal.saved";
    return { result: submission.reply({ resetForm: true }), done: { key, caseId: v.caseId as string | null } };
  } catch (error) {
    return actionError(error, submission);
  }
}

type Briefing = ReturnType<typeof useLoaderData<typeof loader>>["hearing"];
type BriefingCase = Briefing["cases"][number];

const CN_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

export default function PanelHearing() {
  const { hearing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const seat = hearing.seat;
  const done = actionData && "done" in actionData ? actionData.done : null;
  const errors = actionData?.result.error ?? {};
  const formErrors = Object.values(errors).flatMap((v) => v ?? []);
  // The case whose opinion form was refused: its errors show beside that form only.
  const failedCase = done === null ? (actionData?.result.initialValue?.caseId ?? null) : null;
  const format = hearing.isPublic
    ? t("portal.publicHearing")
    : hearing.closedReason
    ? t("portal.closedHearingReason", { reason: hearing.closedReason })
    : t("portal.closedHearing");
  return (
    <>
      <PageHeader
        crumbs={[{ to: "/panel", label: t("portal.briefing.crumb") }]}
        title={hearing.title}
        subtitle={
          <>
            {hearing.procuratorate} · <HearingStatusBadge status={hearing.status} />
          </>
        }
      />
      <p className="notice">{t("portal.briefing.intro")}</p>
      {seat.recused ? <p className="notice notice--warn">{t("portal.briefing.recusedNotice")}</p> : null}
      {done ? (
        <p className="notice notice--ok" role="status">
          {t.dynamic(done.key)}
        </p>
      ) : null}
      {!hearing.briefingOpen && seat.recused ? (
        <p className="notice notice--warn">{t("hearingPanel.portal.recusedNoBriefing")}</p>
      ) : null}
      {!hearing.briefingOpen && !seat.recused ? <DeclarationForm errors={done === null ? formErrors : null} /> : null}

      <div className="grid grid-2 portal-top">
        <Card title={t("portal.briefing.hearing")}>
          <Facts
            items={[
              [t("portal.briefing.time"), formatDateTimeRange(hearing.startsAt, hearing.endsAt, t)],
              [t("portal.briefing.venue"), hearing.venue],
              [t("portal.briefing.host"), hearing.hostPost ? `${hearing.host}（${hearing.hostPost}）` : hearing.host],
              [t("portal.briefing.format"), format],
              [t("portal.briefing.organiser"), hearing.procuratorate],
              [t("portal.briefing.purpose"), <Prose key="p" text={hearing.purpose} />],
            ]}
          />
        </Card>
        <Card title={t("portal.briefing.seat")}>
          <Facts
            items={[
              [t("portal.briefing.invitedAt"), formatDate(seat.invitedAt, t.locale)],
              [
                t("portal.briefing.declaration"),
                <span key="d">
                  <DeclarationBadge state={seat.state} />{" "}
                  {seat.declaredAt ? (
                    t("portal.briefing.declaredAt", { date: formatDateTime(seat.declaredAt, t.locale) })
                  ) : seat.recused ? null : (
                    <span className="muted small">{t("portal.briefing.declarationPending")}</span>
                  )}
                </span>,
              ],
              ...(seat.declaration
                ? ([[t("portal.briefing.declarationText"), <Prose key="dt" text={seat.declaration} />]] as [
                    string,
                    ReactNode
                  ][])
                : []),
              [
                t("portal.briefing.recusal"),
                seat.recused
                  ? t("portal.briefing.recusedBecause", { reason: seat.recusalReason ?? t("common.unknown") })
                  : t("portal.briefing.notRecused"),
              ],
              [
                t("portal.briefing.attended"),
                seat.attended === null
                  ? t("portal.briefing.attendedUnknown")
                  : seat.attended
                  ? t("portal.briefing.attendedYes")
                  : t("portal.briefing.attendedNo"),
              ],
            ]}
          />
        </Card>
      </div>

      {hearing.outcome && (hearing.outcome.deliberation || hearing.outcome.host) ? (
        <Card title={t("portal.briefing.outcome")}>
          <Facts
            items={[
              ...(hearing.outcome.deliberation
                ? ([[t("portal.briefing.deliberation"), <Prose key="d" text={hearing.outcome.deliberation} />]] as [
                    string,
                    ReactNode
                  ][])
                : []),
              ...(hearing.outcome.host
                ? ([[t("portal.briefing.hostSummary"), <Prose key="h" text={hearing.outcome.host} />]] as [
                    string,
                    ReactNode
                  ][])
                : []),
            ]}
          />
        </Card>
      ) : null}

      {hearing.briefingOpen && hearing.opinionsSealed ? <p className="notice">{t("portal.briefing.sealed")}</p> : null}

      {hearing.cases.length > 1 ? (
        <nav className="card portal-case-index" aria-label={t("portal.briefing.caseIndex")}>
          <h2>{t("portal.briefing.caseIndex")}</h2>
          <ol>
            {hearing.cases.map((c) => (
              <li key={c.id}>
                <a href={`#case-${c.id}`}>{c.title}</a>
                {c.myOpinion ? (
                  <>
                    {" "}
                    <StanceBadge stance={c.myOpinion.stance} />
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}

      {!hearing.briefingOpen ? null : hearing.cases.length ? (
        hearing.cases.map((c, i) => (
          <CaseBrief
            key={c.id}
            c={c}
            index={i}
            opinionsOpen={hearing.opinionsOpen}
            status={hearing.status}
            errors={failedCase === c.id ? formErrors : null}
          />
        ))
      ) : (
        <Card>
          <EmptyState title={t("portal.briefing.noCases")} />
        </Card>
      )}
    </>
  );
}

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

function CaseBrief({
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
