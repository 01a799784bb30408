import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { AttendedText, HearingFormBadge, HearingStatusBadge, StanceBadge } from "~/components/hearing/hearing-badges";
import { Badge, Card, EmptyState, Facts, PageHeader } from "~/components/ui";
import { formatDate, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { getHearing } from "~/models/hearing.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "hearings.title", undefined, data?.hearing.title ?? null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  return getHearing(procuratorateId, params.hearingId);
}

type Data = Awaited<ReturnType<typeof loader>>;

function CaseLabel({ c }: { c: { id: string; number: string | null; title: string } }) {
  return (
    <span>
      <Link to={`/cases/${c.id}`}>{c.number ?? c.title}</Link>
      {c.number ? <span className="muted small"> {c.title}</span> : null}
    </span>
  );
}

function FactsCard({ data }: { data: Data }) {
  const t = useT();
  const h = data.hearing;
  const form = h.isPublic
    ? t("hearings.public")
    : h.closedReason
    ? t("hearings.closedBecause", { reason: t.label("hearings.closedReason", h.closedReason) })
    : t("hearings.closedNoReason");
  const announcement = !h.isPublic
    ? t("hearings.announcementNotNeeded")
    : h.announcedAt
    ? t("hearings.announcedOn", { date: formatDate(h.announcedAt, t.locale) })
    : t("hearings.notAnnounced");
  const person = (p: { displayName: string; post: string | null } | null) =>
    p ? (p.post ? `${p.displayName}（${p.post}）` : p.displayName) : null;
  return (
    <Card title={t("hearings.facts")}>
      <Facts
        items={[
          [t("hearings.purpose"), h.purpose],
          [t("hearings.host"), person(h.host)],
          [t("hearings.clerk"), person(h.clerk)],
          [t("hearings.venue"), h.venue],
          [t("hearings.startsAt"), formatDateTime(h.startsAt, t.locale)],
          [t("hearings.endsAt"), h.endsAt ? formatDateTime(h.endsAt, t.locale) : null],
          [t("hearings.form"), form],
          [t("hearings.announcement"), announcement],
          [t("hearings.contactPhone"), h.contactPhone],
          [t("hearings.observerSeats"), h.observerSeats],
          [t("hearings.series"), h.series ? <Link to={`/series/${h.series.id}`}>{h.series.name}</Link> : null],
          ...(h.concludedAt
            ? ([[t("hearings.concludedAt"), formatDateTime(h.concludedAt, t.locale)]] as [string, string][])
            : []),
        ]}
      />
      {h.isPublic && h.announcement ? (
        <details className="hearing-announcement">
          <summary>{t("hearings.announcementText")}</summary>
          <div className="announcement">
            <div className="body">{h.announcement}</div>
          </div>
        </details>
      ) : null}
    </Card>
  );
}

function CasesCard({ data }: { data: Data }) {
  const t = useT();
  const rows = data.hearing.cases;
  return (
    <Card title={t("hearings.cases")}>
      {rows.length === 0 ? (
        <EmptyState title={t("hearings.cases.empty")} />
      ) : (
        <div className="table-wrap">
          <table className="table table-responsive">
            <thead>
              <tr>
                <th scope="col">{t("hearings.col.ordinal")}</th>
                <th scope="col">{t("hearings.col.case")}</th>
                <th scope="col">{t("hearings.col.agency")}</th>
                <th scope="col">{t("hearings.col.session")}</th>
                <th scope="col">{t("hearings.col.issues")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((hc) => (
                <tr key={hc.case.id}>
                  <td data-label={t("hearings.col.ordinal")}>{hc.ordinal}</td>
                  <td data-label={t("hearings.col.case")}>
                    <CaseLabel c={hc.case} />
                  </td>
                  <td data-label={t("hearings.col.agency")}>
                    {hc.case.respondentAgency?.name ?? (hc.case.respondentUnknown ? t("hearings.agencyUnknown") : "—")}
                  </td>
                  <td data-label={t("hearings.col.session")} className="nowrap">
                    {hc.sessionAt ? formatDateTime(hc.sessionAt, t.locale) : "—"}
                  </td>
                  <td data-label={t("hearings.col.issues")} className="pre-line">
                    {hc.issues ?? "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function PanelCard({ data }: { data: Data }) {
  const t = useT();
  const rows = data.hearing.panelists;
  return (
    <Card
      title={t("hearings.panel")}
      actions={
        rows.length ? <span className="muted">{t("hearings.panel.summary", { seated: data.seated })}</span> : null
      }
    >
      {rows.length === 0 ? (
        <EmptyState title={t("hearings.panel.empty")} />
      ) : (
        <div className="table-wrap">
          <table className="table table-responsive">
            <thead>
              <tr>
                <th scope="col">{t("hearings.col.name")}</th>
                <th scope="col">{t("hearings.col.category")}</th>
                <th scope="col">{t("hearings.col.workUnit")}</th>
                <th scope="col">{t("hearings.col.declaration")}</th>
                <th scope="col">{t("hearings.col.recusal")}</th>
                <th scope="col">{t("hearings.col.attended")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.panelistId} className={p.recused ? "muted" : undefined}>
                  <td data-label={t("hearings.col.name")} className="nowrap">
                    {p.panelist.name}
                  </td>
                  <td data-label={t("hearings.col.category")}>{t.label("panelistCategory", p.panelist.category)}</td>
                  <td data-label={t("hearings.col.workUnit")}>
                    {[p.panelist.workUnit, p.panelist.title].filter(Boolean).join(" ") || "—"}
                  </td>
                  <td data-label={t("hearings.col.declaration")}>
                    {p.declaredAt ? (
                      <Badge tone="ok">{t("hearings.declaredOn", { date: formatDate(p.declaredAt, t.locale) })}</Badge>
                    ) : (
                      <Badge tone="warn">{t("hearings.notDeclared")}</Badge>
                    )}
                  </td>
                  <td data-label={t("hearings.col.recusal")}>
                    {p.recused ? (
                      <div>
                        <Badge tone="danger">{t("hearings.recused")}</Badge>
                        {p.recusalReason ? <div className="small">{p.recusalReason}</div> : null}
                      </div>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td data-label={t("hearings.col.attended")}>
                    <AttendedText attended={p.attended} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

type Person = Data["otherParticipants"][number];

function PeopleTable({ people, unitLabel }: { people: Person[]; unitLabel?: boolean }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table table-responsive">
        <thead>
          <tr>
            {unitLabel ? <th scope="col">{t("hearings.col.unit")}</th> : null}
            <th scope="col">{t("hearings.col.name")}</th>
            <th scope="col">{t("hearings.col.post")}</th>
            <th scope="col">{t("hearings.col.attended")}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              {unitLabel ? <td data-label={t("hearings.col.unit")}>{p.agency?.name ?? p.organisation}</td> : null}
              <td data-label={t("hearings.col.name")}>{p.name}</td>
              <td data-label={t("hearings.col.post")}>{p.post ?? "—"}</td>
              <td data-label={t("hearings.col.attended")}>
                <AttendedText attended={p.attended} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ParticipantsCard({ data }: { data: Data }) {
  const t = useT();
  const requests = data.hearing.observerRequests;
  return (
    <Card title={t("hearings.participants")}>
      <h3>{t("hearings.agencyReps")}</h3>
      {data.agencyRepresentatives.length === 0 ? (
        <p className="muted">{t("hearings.agencyReps.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-responsive">
            <thead>
              <tr>
                <th scope="col">{t("hearings.col.unit")}</th>
                <th scope="col">{t("hearings.col.representatives")}</th>
              </tr>
            </thead>
            <tbody>
              {data.agencyRepresentatives.map((g) => (
                <tr key={g.unit}>
                  <td data-label={t("hearings.col.unit")}>{g.unit}</td>
                  <td data-label={t("hearings.col.representatives")}>
                    <ul className="rep-list">
                      {g.people.map((p) => (
                        <li key={p.id}>
                          {p.name}
                          {p.post ? <span className="muted"> {p.post}</span> : null}
                          {p.attended === false ? (
                            <>
                              {" "}
                              <Badge tone="warn">{t("hearings.attended.no")}</Badge>
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t("hearings.otherParticipants")}</h3>
      {data.otherParticipants.length === 0 ? (
        <p className="muted">{t("hearings.otherParticipants.empty")}</p>
      ) : (
        <PeopleTable people={data.otherParticipants} unitLabel />
      )}
      {data.observers.length ? (
        <>
          <h3>{t("hearings.observers")}</h3>
          <PeopleTable people={data.observers} unitLabel />
        </>
      ) : null}
      {data.hearing.isPublic || requests.length ? (
        <>
          <h3>{t("hearings.observerRequests")}</h3>
          {requests.length === 0 ? (
            <p className="muted">{t("hearings.observerRequests.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table-responsive">
                <thead>
                  <tr>
                    <th scope="col">{t("hearings.col.name")}</th>
                    <th scope="col">{t("hearings.col.unit")}</th>
                    <th scope="col">{t("hearings.col.requestedAt")}</th>
                    <th scope="col">{t("hearings.col.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {requests.map((r) => (
                    <tr key={r.id}>
                      <td data-label={t("hearings.col.name")}>{r.name}</td>
                      <td data-label={t("hearings.col.unit")}>{r.organisation ?? "—"}</td>
                      <td data-label={t("hearings.col.requestedAt")} className="nowrap">
                        {formatDateTime(r.createdAt, t.locale)}
                      </td>
                      <td data-label={t("hearings.col.status")}>
                        <Badge tone={r.status === "accepted" ? "ok" : r.status === "declined" ? "neutral" : "warn"}>
                          {t.label("hearings.observerStatus", r.status)}
                        </Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </Card>
  );
}

function EvidenceCard({ data }: { data: Data }) {
  const t = useT();
  const rows = data.hearing.disclosed;
  return (
    <Card title={t("hearings.evidence")}>
      {rows.length === 0 ? (
        <EmptyState title={t("hearings.evidence.empty")} />
      ) : (
        <div className="table-wrap">
          <table className="table table-responsive">
            <thead>
              <tr>
                <th scope="col">{t("hearings.col.case")}</th>
                <th scope="col">{t("hearings.col.evidence")}</th>
                <th scope="col">{t("hearings.col.kind")}</th>
                <th scope="col">{t("hearings.col.disclosedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.evidence.id}>
                  <td data-label={t("hearings.col.case")}>
                    <CaseLabel c={d.evidence.case} />
                  </td>
                  <td data-label={t("hearings.col.evidence")}>
                    <span>
                      <span className="muted mono">#{d.evidence.ordinal}</span> {d.evidence.title}
                    </span>
                  </td>
                  <td data-label={t("hearings.col.kind")}>{t.label("evidenceKind", d.evidence.kind)}</td>
                  <td data-label={t("hearings.col.disclosedAt")} className="nowrap">
                    {formatDateTime(d.disclosedAt, t.locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function OpinionsCard({ data }: { data: Data }) {
  const t = useT();
  const h = data.hearing;
  if (!data.opinionsOpen) {
    return (
      <Card title={t("hearings.opinions")}>
        <p className="muted">{t("hearings.opinions.sealed", { n: data.submittedOpinions })}</p>
      </Card>
    );
  }
  return (
    <Card title={t("hearings.opinions")}>
      {h.deliberationSummary ? (
        <>
          <h3>{t("hearings.deliberationSummary")}</h3>
          <p className="pre-line">{h.deliberationSummary}</p>
        </>
      ) : null}
      {h.cases.map((hc) => {
        const entry = data.opinionsByCase.find((o) => o.caseId === hc.case.id);
        if (!entry) return null;
        const { tally, opinions } = entry;
        return (
          <details key={hc.case.id} className="opinion-case" open={h.cases.length === 1}>
            <summary>
              <span className="opinion-case__title">
                {hc.ordinal}. {hc.case.number ?? hc.case.title}
                {hc.case.number ? <span className="muted small"> {hc.case.title}</span> : null}
              </span>
              <span className="opinion-case__tally">
                {opinions.length === 0 ? (
                  <span className="muted">{t("hearings.opinions.none")}</span>
                ) : (
                  <>
                    {t("hearings.opinions.tally", {
                      agree: tally.agree,
                      disagree: tally.disagree,
                      conditional: tally.conditional,
                      total: tally.total,
                    })}{" "}
                    {tally.majority ? (
                      <Badge tone="info">
                        {t(tally.absolute ? "hearings.opinions.majority" : "hearings.opinions.majorityRelative", {
                          stance: t.label("opinionStance", tally.majority),
                        })}
                      </Badge>
                    ) : (
                      <Badge tone="warn">{t("hearings.opinions.noMajority")}</Badge>
                    )}
                  </>
                )}
              </span>
            </summary>
            {opinions.length === 0 ? null : (
              <>
                <p className="small">
                  <Link to={`/cases/${hc.case.id}`}>{t("hearings.opinions.openCase")}</Link>
                </p>
                <div className="table-wrap">
                  <table className="table table-responsive">
                    <thead>
                      <tr>
                        <th scope="col">{t("hearings.col.panelist")}</th>
                        <th scope="col">{t("hearings.col.stance")}</th>
                        <th scope="col">{t("hearings.col.reasons")}</th>
                        <th scope="col">{t("hearings.col.signed")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {opinions.map((o) => (
                        <tr key={o.panelistId}>
                          <td data-label={t("hearings.col.panelist")}>
                            <div>
                              {o.panelist.name}
                              <div className="muted small">{t.label("panelistCategory", o.panelist.category)}</div>
                            </div>
                          </td>
                          <td data-label={t("hearings.col.stance")}>
                            <StanceBadge stance={o.stance} />
                          </td>
                          <td data-label={t("hearings.col.reasons")}>
                            <div>
                              <div className="pre-line">{o.reasons}</div>
                              {o.conditions ? (
                                <div className="small">{t("hearings.opinions.conditions", { text: o.conditions })}</div>
                              ) : null}
                            </div>
                          </td>
                          <td data-label={t("hearings.col.signed")}>
                            <div>
                              {o.signedName}
                              <div className="muted small nowrap">{formatDateTime(o.submittedAt, t.locale)}</div>
                            </div>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </details>
        );
      })}
      <p className="muted small">{t("hearings.opinions.departureNote")}</p>
      {h.hostSummary ? (
        <>
          <h3>{t("hearings.hostSummary")}</h3>
          <p className="pre-line">{h.hostSummary}</p>
        </>
      ) : null}
    </Card>
  );
}

export default function HearingDetail() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const h = data.hearing;
  return (
    <>
      <PageHeader
        crumbs={[{ to: "/hearings", label: t("hearings.title") }]}
        title={h.title}
        subtitle={
          <span className="hearing-header-meta">
            <HearingStatusBadge status={h.status} /> <HearingFormBadge isPublic={h.isPublic} />{" "}
            {formatDateTime(h.startsAt, t.locale)} · {h.venue}
          </span>
        }
      />
      <FactsCard data={data} />
      <CasesCard data={data} />
      <PanelCard data={data} />
      <ParticipantsCard data={data} />
      <EvidenceCard data={data} />
      <OpinionsCard data={data} />
    </>
  );
}
