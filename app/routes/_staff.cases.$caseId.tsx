import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { DecisionBadge } from "~/components/approval/decision-badge";
import { AgencyName } from "~/components/case/agency-name";
import { CaseHeader } from "~/components/case/case-header";
import { UrgentBadge } from "~/components/case/case-state-badge";
import { InformantFacts } from "~/components/case/informant";
import { pageTitle } from "~/components/case/meta";
import { Badge, Card, Facts } from "~/components/ui";
import { formatDate, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import type { CaseDetail } from "~/models/case.server";
import { getCaseDetail } from "~/models/case.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "cases.detail.title", undefined, data?.case.number ?? data?.case.title ?? null);

// Read-only: a GET writes nothing (no view audit here; the audit log records changes).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "case:read");
  const procuratorateId = staffScope(scope);
  if (!params.caseId) notFound();
  const found = await getCaseDetail(procuratorateId, params.caseId, actor.userId);
  return { case: found };
}

const SECTIONS = [
  ["overview", "cases.section.overview"],
  ["evidence", "cases.section.evidence"],
  ["consultations", "cases.section.consultations"],
  ["hearings", "cases.section.hearings"],
  ["recommendations", "cases.section.recommendations"],
  ["follow-ups", "cases.section.followUps"],
  ["approvals", "cases.section.approvals"],
  ["timeline", "cases.section.timeline"],
] as const;

export default function CasePage() {
  const { case: c } = useLoaderData<typeof loader>();
  const t = useT();
  const d = (value: string | Date | null | undefined) => (value ? formatDate(value, t.locale) : null);

  return (
    <div className="case-page">
      <CaseHeader title={c.title} number={c.number} state={c.state} urgent={c.urgent} transitions={c.transitions} />

      <nav className="tabs case-sections" aria-label={t("cases.section.nav")}>
        {SECTIONS.map(([id, key]) => (
          <a key={id} href={`#${id}`}>
            {t(key)}
            <SectionCount count={countOf(c, id)} />
          </a>
        ))}
      </nav>

      <div className="grid grid-2 case-overview" id="overview">
        <Card title={t("cases.section.overview")}>
          <Facts
            items={[
              [t("cases.col.field"), t.label("caseField", c.field)],
              [t("cases.fact.urgent"), c.urgent ? <UrgentBadge /> : t("cases.fact.notUrgent")],
              [t("cases.col.agency"), <AgencyName key="a" agency={c.respondentAgency} unknown={c.respondentUnknown} />],
              [t("cases.col.filedOn"), d(c.filedOn)],
              ...(c.suspendedOn ? [[t("cases.fact.suspendedOn"), d(c.suspendedOn)] as [ReactNode, ReactNode]] : []),
              ...(c.closedOn ? [[t("cases.fact.closedOn"), d(c.closedOn)] as [ReactNode, ReactNode]] : []),
              [
                t("cases.col.series"),
                c.series ? <Link to={`/series/${c.series.id}`}>{c.series.name}</Link> : null,
              ],
              [
                t("cases.fact.clue"),
                c.clue ? (
                  <span key="clue">
                    <Link to={`/clues/${c.clue.id}`} className="mono">
                      {c.clue.number}
                    </Link>{" "}
                    <span className="muted small">
                      {t.label("clueSource", c.clue.source)} · {d(c.clue.receivedOn)}
                    </span>
                  </span>
                ) : null,
              ],
              [t("cases.fact.updatedAt"), formatDateTime(c.updatedAt, t.locale)],
            ]}
          />
          {c.summary ? <p className="case-summary">{c.summary}</p> : null}
        </Card>

        <div>
          <Card title={t("cases.section.team")}>
            <ul className="plain-list">
              <li>
                <strong>{c.leadProsecutor.displayName}</strong>{" "}
                <span className="muted small">{withPost(t("cases.memberRole.lead"), c.leadProsecutor.post)}</span>
              </li>
              {c.members
                .filter((m) => m.user.id !== c.leadProsecutor.id)
                .map((m) => (
                  <li key={m.user.id}>
                    {m.user.displayName}{" "}
                    <span className="muted small">{withPost(t.label("cases.memberRole", m.role), m.user.post)}</span>
                  </li>
                ))}
            </ul>
          </Card>
          {c.clue?.informant ? (
            <Card title={t("cases.informant.title")}>
              <InformantFacts informant={c.clue.informant} note={t("cases.informant.maskedCase")} />
            </Card>
          ) : null}
        </div>
      </div>

      <Section id="evidence" title={t("cases.section.evidence")}>
        {c.evidence.length === 0 ? (
          <p className="muted">{t("cases.evidence.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("cases.evidence.ordinal")}
                  </th>
                  <th scope="col">{t("cases.evidence.title")}</th>
                  <th scope="col">{t("cases.evidence.kind")}</th>
                  <th scope="col">{t("cases.evidence.collectedOn")}</th>
                  <th scope="col">{t("cases.evidence.collectedBy")}</th>
                  <th scope="col" className="num">
                    {t("cases.evidence.files")}
                  </th>
                  <th scope="col" className="num">
                    {t("cases.evidence.custody")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {c.evidence.map((e) => (
                  <tr key={e.id}>
                    <td data-label={t("cases.evidence.ordinal")} className="num">
                      {e.ordinal}
                    </td>
                    <td data-label={t("cases.evidence.title")}>
                      <span>
                        {e.title}
                        {e.isOriginal ? (
                          <>
                            {" "}
                            <Badge tone="info">{t("cases.evidence.original")}</Badge>
                          </>
                        ) : null}
                        {e.containsPersonal ? (
                          <>
                            {" "}
                            <Badge tone="warn">{t("cases.evidence.personal")}</Badge>
                          </>
                        ) : null}
                      </span>
                    </td>
                    <td data-label={t("cases.evidence.kind")} className="nowrap">
                      {t.label("evidenceKind", e.kind)}
                    </td>
                    <td data-label={t("cases.evidence.collectedOn")} className="nowrap">
                      {d(e.collectedOn) ?? "—"}
                    </td>
                    <td data-label={t("cases.evidence.collectedBy")}>{e.collectedBy ?? "—"}</td>
                    <td data-label={t("cases.evidence.files")} className="num">
                      {e._count.files}
                    </td>
                    <td data-label={t("cases.evidence.custody")} className="num">
                      {e._count.custody}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="consultations" title={t("cases.section.consultations")}>
        {c.consultations.length === 0 ? (
          <p className="muted">{t("cases.consultations.none")}</p>
        ) : (
          <div className="stack">
            {c.consultations.map((m) => (
              <article key={m.id} className="subcard">
                <h3>
                  {d(m.heldOn)} · {t.label("cases.consultationMethod", m.method)}
                </h3>
                <Facts
                  items={[
                    [t("cases.consultations.place"), m.place],
                    [t("cases.consultations.attendees"), m.attendees],
                    [t("cases.consultations.facts"), m.facts],
                    [t("cases.consultations.agencyPosition"), m.agencyPosition],
                    [t("cases.consultations.plan"), m.rectificationPlan],
                  ]}
                />
              </article>
            ))}
          </div>
        )}
      </Section>

      <Section id="hearings" title={t("cases.section.hearings")}>
        {c.hearingCases.length === 0 ? (
          <p className="muted">{t("cases.hearings.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th scope="col">{t("cases.hearings.title")}</th>
                  <th scope="col">{t("cases.hearings.when")}</th>
                  <th scope="col">{t("cases.hearings.venue")}</th>
                  <th scope="col">{t("common.status")}</th>
                  <th scope="col">{t("cases.hearings.issues")}</th>
                </tr>
              </thead>
              <tbody>
                {c.hearingCases.map((h) => (
                  <tr key={h.hearing.id}>
                    <td data-label={t("cases.hearings.title")}>
                      <span>
                        <Link to={`/hearings/${h.hearing.id}`}>{h.hearing.title}</Link>{" "}
                        <Badge>{h.hearing.isPublic ? t("cases.hearings.public") : t("cases.hearings.closed")}</Badge>
                      </span>
                    </td>
                    <td data-label={t("cases.hearings.when")} className="nowrap">
                      {formatDateTime(h.sessionAt ?? h.hearing.startsAt, t.locale)}
                    </td>
                    <td data-label={t("cases.hearings.venue")}>{h.hearing.venue}</td>
                    <td data-label={t("common.status")}>
                      <Badge tone={h.hearing.status === "concluded" ? "ok" : "info"}>
                        {t.label("hearingStatus", h.hearing.status)}
                      </Badge>
                    </td>
                    <td data-label={t("cases.hearings.issues")}>{h.issues ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="recommendations" title={t("cases.section.recommendations")}>
        {c.recommendations.length === 0 ? (
          <p className="muted">{t("cases.recommendations.none")}</p>
        ) : (
          <div className="stack">
            {c.recommendations.map((r) => (
              <Recommendation key={r.id} rec={r} />
            ))}
          </div>
        )}
        {c.services.length ? (
          <>
            <h3 className="subhead">{t("cases.services.other")}</h3>
            <div className="table-wrap">
              <table className="table table-responsive">
                <thead>
                  <tr>
                    <th scope="col">{t("cases.services.document")}</th>
                    <th scope="col">{t("cases.services.recipient")}</th>
                    <th scope="col">{t("cases.services.method")}</th>
                    <th scope="col">{t("cases.services.servedOn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.services.map((s) => (
                    <tr key={s.id}>
                      <td data-label={t("cases.services.document")}>
                        <span>
                          {t.label("documentKind", s.documentKind)}
                          {s.documentNumber ? <span className="mono small"> {s.documentNumber}</span> : null}
                        </span>
                      </td>
                      <td data-label={t("cases.services.recipient")}>
                        {recipientOf(s.agency, s.recipient)}
                      </td>
                      <td data-label={t("cases.services.method")}>{t.label("serviceMethod", s.method)}</td>
                      <td data-label={t("cases.services.servedOn")} className="nowrap">
                        {d(s.servedOn)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </Section>

      <Section id="follow-ups" title={t("cases.section.followUps")}>
        {c.followUps.length === 0 ? (
          <p className="muted">{t("cases.followUps.none")}</p>
        ) : (
          <div className="stack">
            {c.followUps.map((f) => (
              <article key={f.id} className="subcard">
                <h3>
                  {d(f.assessedOn)} ·{" "}
                  <Badge tone={f.conclusion === "rectified" ? "ok" : f.conclusion === "not_rectified" ? "danger" : "warn"}>
                    {t.label("followUpConclusion", f.conclusion)}
                  </Badge>
                </h3>
                <Facts
                  items={[
                    [t("cases.followUps.method"), f.method],
                    [t("cases.followUps.recommendation"), f.recommendation?.number ?? null],
                    [t("cases.followUps.findings"), f.findings],
                    [t("cases.followUps.disposition"), f.disposition ? t.label("cases.disposition", f.disposition) : null],
                  ]}
                />
              </article>
            ))}
          </div>
        )}
      </Section>

      <Section id="approvals" title={t("cases.section.approvals")}>
        {c.approvals.length === 0 ? (
          <p className="muted">{t("cases.approvals.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th scope="col">{t("cases.approvals.kind")}</th>
                  <th scope="col">{t("cases.approvals.subject")}</th>
                  <th scope="col">{t("cases.approvals.requested")}</th>
                  <th scope="col">{t("cases.approvals.decision")}</th>
                  <th scope="col">{t("cases.approvals.decided")}</th>
                </tr>
              </thead>
              <tbody>
                {c.approvals.map((a) => (
                  <tr key={a.id}>
                    <td data-label={t("cases.approvals.kind")} className="nowrap">
                      {t.label("approvalKind", a.kind)}
                    </td>
                    <td data-label={t("cases.approvals.subject")}>
                      <span>
                        {a.subject}
                        {a.comment ? <span className="muted small case-table__sub">{a.comment}</span> : null}
                      </span>
                    </td>
                    <td data-label={t("cases.approvals.requested")}>
                      <span>
                        {a.requestedBy.displayName}
                        <span className="muted small case-table__sub">{formatDateTime(a.requestedAt, t.locale)}</span>
                      </span>
                    </td>
                    <td data-label={t("cases.approvals.decision")}>
                      <DecisionBadge decision={a.decision} />
                    </td>
                    <td data-label={t("cases.approvals.decided")}>
                      {a.decidedBy ? (
                        <span>
                          {a.decidedBy.displayName}
                          <span className="muted small case-table__sub">
                            {a.decidedAt ? formatDateTime(a.decidedAt, t.locale) : ""}
                          </span>
                        </span>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="timeline" title={t("cases.section.timeline")}>
        {c.timeline.length === 0 ? (
          <p className="muted">{t("cases.timeline.none")}</p>
        ) : (
          <ol className="timeline">
            {c.timeline.map((e) => (
              <li key={e.key}>
                <div className="when">
                  {formatDateTime(e.at, t.locale)}
                  {e.actor ? ` · ${e.actor}` : ""}
                </div>
                {e.kind === "transition" ? (
                  <div>
                    {t("cases.timeline.transition", {
                      from: t.label("caseState", e.from),
                      to: t.label("caseState", e.to),
                    })}
                    {e.reason ? <div className="muted small">{e.reason}</div> : null}
                  </div>
                ) : (
                  <div>{auditLabel(t, e.action, e.entityType)}</div>
                )}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </div>
  );
}

/** "检察官助理 · 检察官助理" reads badly: the post is added only when it says something new. */
function withPost(role: string, post: string | null): string {
  return post && post !== role ? `${role} · ${post}` : role;
}

/** The agency and the person who signed for it, without repeating the agency's name. */
function recipientOf(agency: { name: string } | null, recipient: string): string {
  return agency && agency.name !== recipient ? `${agency.name} · ${recipient}` : recipient;
}

function auditLabel(t: ReturnType<typeof useT>, action: string, entityType: string): string {
  const label = t.label("cases.audit", action);
  // An action without a label reads as "<entity> · <action>", still meaningful to a clerk.
  return label === action ? `${entityType} · ${action}` : label;
}

function countOf(c: CaseDetail, section: (typeof SECTIONS)[number][0]): number | null {
  switch (section) {
    case "evidence":
      return c.evidence.length;
    case "consultations":
      return c.consultations.length;
    case "hearings":
      return c.hearingCases.length;
    case "recommendations":
      return c.recommendations.length;
    case "follow-ups":
      return c.followUps.length;
    case "approvals":
      return c.approvals.length;
    default:
      return null;
  }
}

function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <div id={id} className="case-section">
      <Card title={title}>{children}</Card>
    </div>
  );
}

function SectionCount({ count }: { count: number | null }) {
  if (count === null) return null;
  return <span className="tab-count">{count}</span>;
}

type Rec = CaseDetail["recommendations"][number];

function Recommendation({ rec }: { rec: Rec }) {
  const t = useT();
  const pointText = new Map(rec.points.map((p) => [p.ordinal, p.text]));
  return (
    <article className="subcard">
      <div className="subcard__head">
        <h3>
          <span className="mono">{rec.number ?? t("cases.recommendations.noNumber")}</span>
        </h3>
        <span className="actions">
          <Badge tone={rec.status === "served" ? "warn" : rec.status === "closed" || rec.status === "replied" ? "ok" : "info"}>
            {t.label("recommendationStatus", rec.status)}
          </Badge>
          <span className="muted small">
            {t("cases.recommendations.period", { period: t.label("replyPeriod", rec.replyPeriod) })}
            {rec.issuedOn ? ` · ${t("cases.recommendations.issuedOn", { date: formatDate(rec.issuedOn, t.locale) })}` : ""}
          </span>
        </span>
      </div>

      <h4>{t("cases.recommendations.points")}</h4>
      {rec.points.length === 0 ? (
        <p className="muted">{t("cases.recommendations.noPoints")}</p>
      ) : (
        <ol className="points">
          {rec.points.map((p) => (
            <li key={p.id}>{p.text}</li>
          ))}
        </ol>
      )}

      <h4>{t("cases.recommendations.services")}</h4>
      {rec.services.length === 0 ? (
        <p className="muted">{t("cases.recommendations.notServed")}</p>
      ) : (
        <ul className="plain-list">
          {rec.services.map((s) => (
            <li key={s.id}>
              <strong>{formatDate(s.servedOn, t.locale)}</strong> · {t.label("serviceMethod", s.method)} ·{" "}
              {recipientOf(s.agency, s.recipient)}
              {s.signedBy ? <span className="muted small"> ({t("cases.services.signedBy", { name: s.signedBy })})</span> : null}
            </li>
          ))}
        </ul>
      )}

      <h4>{t("cases.recommendations.replies")}</h4>
      {rec.replies.length === 0 ? (
        <p className="muted">{t("cases.recommendations.noReply")}</p>
      ) : (
        rec.replies.map((reply) => (
          <div key={reply.id} className="reply">
            <p>
              <strong>{reply.agency.name}</strong>{" "}
              <Badge tone={reply.status === "assessed" ? "ok" : "info"}>{t.label("replyStatus", reply.status)}</Badge>{" "}
              <span className="muted small">
                {reply.submittedAt ? formatDateTime(reply.submittedAt, t.locale) : ""}
                {reply._count.attachments ? ` · ${t("cases.recommendations.attachments", { count: reply._count.attachments })}` : ""}
              </span>
            </p>
            <p className="prewrap">{reply.summary}</p>
            {reply.answers.length ? (
              <ul className="answers">
                {reply.answers.map((a) => (
                  <li key={a.ordinal}>
                    <div>
                      <span className="muted small">{t("cases.recommendations.pointN", { n: a.ordinal })}</span>{" "}
                      <Badge
                        tone={a.status === "done" ? "ok" : a.status === "not_done" ? "danger" : a.status === "objection" ? "danger" : "warn"}
                      >
                        {t.label("answerStatus", a.status)}
                      </Badge>
                    </div>
                    {pointText.get(a.ordinal) ? <div className="muted small answer-point">{pointText.get(a.ordinal)}</div> : null}
                    <div className="prewrap">{a.text}</div>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ))
      )}
    </article>
  );
}
