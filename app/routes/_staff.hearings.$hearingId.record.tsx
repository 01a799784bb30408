import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { StanceBadge } from "~/components/hearing/hearing-badges";
import { Card } from "~/components/ui";
import { formatDateTime, formatDateTimeRange } from "~/i18n";
import { useT } from "~/i18n/react";
import { getHearingRecord } from "~/models/hearing-record.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import styles from "~/styles/hearing-day.css?url";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

// The hearing record (听证笔录, DOMAIN.md §2) as a printable page: the browser's print prints the
// record alone (the app's print styles hide the shell and the tabs). The same structured record
// (app/models/hearing-record.server.ts) feeds the .docx of the documents issue.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  return { record: await getHearingRecord(procuratorateId, params.hearingId) };
}

function Text({ value }: { value: string | null }) {
  const t = useT();
  return value ? <p className="pre-line">{value}</p> : <p className="muted">{t("hearingRecord.none")}</p>;
}

export default function HearingRecordPage() {
  const { record: r } = useLoaderData<typeof loader>();
  const t = useT();
  const attended = (a: boolean | null) =>
    a === true ? t("hearingRecord.present") : a === false ? t("hearingRecord.absent") : t("hearingRecord.unrecorded");
  return (
    <Card>
      <article className="hearing-record" aria-labelledby="record-title">
        <h2 id="record-title">{t("hearingRecord.title")}</h2>
        {!r.concluded ? <p className="notice notice--warn no-print">{t("hearingRecord.draft")}</p> : null}
        <dl className="facts">
          <dt>{t("hearingRecord.time")}</dt>
          <dd>{formatDateTimeRange(r.startsAt, r.endsAt, t)}</dd>
          <dt>{t("hearingRecord.venue")}</dt>
          <dd>{r.venue}</dd>
          <dt>{t("hearingRecord.cause")}</dt>
          <dd>
            {r.cause.title}
            {r.cause.purpose ? <div className="pre-line">{r.cause.purpose}</div> : null}
          </dd>
          <dt>{t("hearingRecord.host")}</dt>
          <dd>{[r.host.name, r.host.post].filter(Boolean).join(" · ")}</dd>
          <dt>{t("hearingRecord.clerk")}</dt>
          <dd>{r.clerk ? [r.clerk.name, r.clerk.post].filter(Boolean).join(" · ") : t("hearingRecord.none")}</dd>
          <dt>{t("hearingRecord.form")}</dt>
          <dd>
            {r.isPublic
              ? t("hearingRecord.public")
              : r.closedReason
                ? t("hearingRecord.closedReason", { reason: r.closedReason })
                : t("hearingRecord.closed")}
          </dd>
          <dt>{t("hearingRecord.attendance")}</dt>
          <dd>
            {t("hearingRecord.attendanceSummary", {
              seated: r.attendance.panelistsSeated,
              present: r.attendance.panelistsPresent,
              total: r.attendance.participants,
              participantsPresent: r.attendance.participantsPresent,
            })}
          </dd>
        </dl>
        <section>
          <h3>{t("hearingRecord.cases")}</h3>
          <ol>
            {r.cases.map((c) => (
              <li key={c.id}>
                {c.number ? `${c.number} ` : ""}
                {c.title}
                {c.respondent ? <div className="small">{t("hearingRecord.respondent", { name: c.respondent })}</div> : null}
                {c.issues ? <div className="small pre-line">{t("hearingRecord.issues", { text: c.issues })}</div> : null}
                <div className="small pre-line">
                  {t("hearingRecord.proposal", {
                    handling: t.label("proposedHandling", c.proposedHandling),
                    text: c.proposal ? `：${c.proposal}` : "",
                  })}
                </div>
              </li>
            ))}
          </ol>
        </section>
        <section>
          <h3>{t("hearingRecord.panelists")}</h3>
          <ul className="plain-list">
            {r.panelists.map((p, i) => (
              <li key={i}>
                {p.name} · {t.label("panelistCategory", p.category)}
                {p.workUnit ? ` · ${p.workUnit}` : ""} ·{" "}
                {p.recused ? t("hearingRecord.recused", { reason: p.recusalReason ?? "" }) : attended(p.attended)}
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h3>{t("hearingRecord.participants")}</h3>
          <ul className="plain-list">
            {r.participants.map((p, i) => (
              <li key={i}>
                {p.organisation} · {p.name}
                {p.post ? ` · ${p.post}` : ""} · {attended(p.attended)}
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h3>{t("hearingRecord.stages")}</h3>
          {r.stages.length === 0 ? <p className="muted">{t("hearingRecord.noStages")}</p> : null}
          {r.stages.map((s, i) => (
            <div key={s.stage} className="hearing-record__stage">
              <h4>
                {i + 1}. {t.label("hearingStage", s.stage)}{" "}
                <span className="muted small">
                  {formatDateTime(s.startedAt, t.locale)}
                  {s.endedAt ? ` – ${formatDateTime(s.endedAt, t.locale)}` : ""}
                </span>
              </h4>
              <Text value={s.minutes} />
            </div>
          ))}
        </section>
        <section>
          <h3>{t("hearingRecord.deliberationSummary")}</h3>
          <Text value={r.deliberationSummary} />
        </section>
        <section>
          <h3>{t("hearingRecord.opinions")}</h3>
          {r.opinions === null ? (
            <p className="muted">{t("hearingRecord.opinionsSealed")}</p>
          ) : (
            r.opinions.map((c) => (
              <div key={c.caseId}>
                <h4>{c.caseLabel}</h4>
                <p className="small">{t("hearingRecord.tally", { agree: c.tally.agree, conditional: c.tally.conditional, disagree: c.tally.disagree, total: c.tally.total })}</p>
                {c.items.length === 0 ? <p className="muted">{t("hearingRecord.noOpinions")}</p> : null}
                <ul className="plain-list">
                  {c.items.map((o, i) => (
                    <li key={i}>
                      {o.panelistName} ({t.label("panelistCategory", o.category)}) <StanceBadge stance={o.stance} />
                      <div className="pre-line">{o.reasons}</div>
                      {o.conditions ? <div className="pre-line small">{o.conditions}</div> : null}
                      <div className="muted small">
                        {o.signedName} · {formatDateTime(o.submittedAt, t.locale)}
                      </div>
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </section>
        <section>
          <h3>{t("hearingRecord.finalStatements")}</h3>
          <Text value={r.finalStatements} />
        </section>
        <section>
          <h3>{t("hearingRecord.hostSummary")}</h3>
          <Text value={r.hostSummary} />
        </section>
        <section>
          <h3>{t("hearingRecord.signatures")}</h3>
          <div className="hearing-record__signatures">
            {r.signatures.map((s, i) => (
              <div key={i} className="hearing-record__sign">
                <div className="small">
                  {t(`hearingRecord.sign.${s.role}`)}：{s.name}
                  {s.unit ? ` · ${s.unit}` : ""}
                  {s.post ? ` · ${s.post}` : ""}
                </div>
                <div>{t("hearingRecord.signLine")}</div>
              </div>
            ))}
          </div>
        </section>
      </article>
    </Card>
  );
}
