import { Link } from "@remix-run/react";
import type { DeadlineStatus } from "~/domain/deadlines/compute";
import { DaysBadge, HearingStatusBadge, ReplyStatusBadge, TwoLine } from "~/components/portal";
import { formatDate, formatDateTimeRange } from "~/i18n";
import { useT } from "~/i18n/react";

// The agency portal's tables (home and the paged lists): one layout per list.

type DateLike = string | Date;

export type ServedRecommendationRow = {
  id: string;
  number: string | null;
  caseTitle: string;
  servedOn: string;
  method: string;
  replyPeriod: string;
  dueOn: string;
  days: number;
  deadlineStatus: DeadlineStatus;
  replied: boolean;
  reply: { status: string; submittedAt: DateLike | null } | null;
};

export function ServedRecommendationsTable({ rows }: { rows: ServedRecommendationRow[] }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table table-responsive agency-recommendations">
        <thead>
          <tr>
            <th>{t("portal.agency.col.number")}</th>
            <th>{t("portal.agency.col.case")}</th>
            <th>{t("portal.agency.col.served")}</th>
            <th>{t("portal.agency.col.due")}</th>
            <th>{t("portal.agency.col.remaining")}</th>
            <th>{t("portal.agency.col.reply")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td data-label={t("portal.agency.col.number")} className="nowrap">
                <Link to={`/agency/recommendations/${r.id}`}>{r.number ?? t("portal.agency.unnumbered")}</Link>
              </td>
              <td data-label={t("portal.agency.col.case")}>{r.caseTitle}</td>
              <td data-label={t("portal.agency.col.served")}>
                <TwoLine main={formatDate(r.servedOn, t.locale)} sub={t.label("serviceMethod", r.method)} />
              </td>
              <td data-label={t("portal.agency.col.due")}>
                <TwoLine main={formatDate(r.dueOn, t.locale)} sub={t.label("replyPeriod", r.replyPeriod)} />
              </td>
              <td data-label={t("portal.agency.col.remaining")}>
                <DaysBadge days={r.days} status={r.deadlineStatus} replied={r.replied} />
              </td>
              <td data-label={t("portal.agency.col.reply")}>
                {!r.reply ? (
                  <span className="muted">{t("portal.agency.noReply")}</span>
                ) : r.reply.submittedAt ? (
                  t("portal.agency.replySubmitted", { date: formatDate(r.reply.submittedAt, t.locale) })
                ) : (
                  <ReplyStatusBadge status={r.reply.status} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type AgencyDocumentRow = {
  key: string;
  kind: string;
  number: string | null;
  title: string | null;
  caseTitle: string | null;
  servedOn: string | null;
  method: string | null;
  issuedAt: DateLike | null;
  /** A generated document released to the agency: downloadable at /documents/:id. */
  documentId?: string | null;
};

export function AgencyDocumentsTable({ rows }: { rows: AgencyDocumentRow[] }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table table-responsive agency-documents">
        <thead>
          <tr>
            <th>{t("portal.agency.col.document")}</th>
            <th>{t("portal.agency.col.case")}</th>
            <th>{t("portal.agency.col.served")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.key}>
              <td data-label={t("portal.agency.col.document")}>
                <TwoLine main={t.label("documentKind", d.kind)} sub={[d.number, d.title].filter(Boolean).join(" · ") || null} />
                {d.documentId ? (
                  <a href={`/documents/${d.documentId}`} download className="small" aria-label={t("documents.downloadFor", { name: d.title ?? t.label("documentKind", d.kind) })}>
                    {t("documents.download")}
                  </a>
                ) : null}
              </td>
              <td data-label={t("portal.agency.col.case")}>{d.caseTitle ?? "—"}</td>
              <td data-label={t("portal.agency.col.served")}>
                {d.servedOn ? (
                  <TwoLine main={formatDate(d.servedOn, t.locale)} sub={t.label("serviceMethod", d.method)} />
                ) : d.issuedAt ? (
                  t("portal.agency.releasedOn", { date: formatDate(d.issuedAt, t.locale) })
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type AgencyHearingRow = {
  id: string;
  title: string;
  venue: string;
  startsAt: DateLike;
  endsAt: DateLike | null;
  status: string;
  representatives: { name: string; post: string | null; attended: boolean | null }[];
};

export function AgencyHearingsTable({ rows }: { rows: AgencyHearingRow[] }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table table-responsive agency-hearings">
        <thead>
          <tr>
            <th>{t("portal.agency.col.hearing")}</th>
            <th>{t("portal.agency.col.time")}</th>
            <th>{t("portal.agency.col.venue")}</th>
            <th>{t("portal.agency.col.representatives")}</th>
            <th>{t("portal.agency.col.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr key={h.id}>
              <td data-label={t("portal.agency.col.hearing")}>{h.title}</td>
              <td data-label={t("portal.agency.col.time")} className="nowrap">
                {formatDateTimeRange(h.startsAt, h.endsAt, t)}
              </td>
              <td data-label={t("portal.agency.col.venue")}>{h.venue}</td>
              <td data-label={t("portal.agency.col.representatives")}>
                {h.representatives
                  .map((p) => {
                    const who = p.post ? `${p.name}（${p.post}）` : p.name;
                    return p.attended === false ? t("portal.agency.representativeAbsent", { name: who }) : who;
                  })
                  .join("、")}
              </td>
              <td data-label={t("portal.agency.col.status")}>
                <HearingStatusBadge status={h.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
