import type { ReactNode } from "react";
import { Fragment } from "react";
import { evidenceFilePath } from "~/domain/evidence/urls";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import type { EvidenceItemView } from "~/models/evidence.server";

type CustodyEvent = EvidenceItemView["custody"][number];

/** Actions whose other side has its own label (received from, transferred to, returned to). */
const COUNTERPARTY_LABELLED = ["received", "transferred", "returned"];

/** An evidence item's chain of custody, oldest first: time, action, who, then file, other side, place, note. */
export function CustodyTimeline({ events }: { events: CustodyEvent[] }) {
  const t = useT();
  if (events.length === 0) return <p className="muted">{t("evidenceItems.custody.none")}</p>;
  return (
    <ol className="custody-timeline" data-testid="custody-timeline">
      {events.map((e) => {
        const meta: [string, ReactNode][] = [];
        if (e.file) {
          meta.push([
            "file",
            <>
              {t("evidenceItems.custody.file")}：<a href={evidenceFilePath(e.file.id)}>{e.file.originalName}</a>
              {e.file.redactionOfId ? ` (${t("evidenceItems.custody.redacted")})` : null}
            </>,
          ]);
        }
        if (e.counterparty) {
          const label = t.label("evidenceCustody.counterparty", COUNTERPARTY_LABELLED.includes(e.action) ? e.action : "other");
          meta.push(["counterparty", <span data-counterparty>{`${label}：${e.counterparty}`}</span>]);
        }
        if (e.location) meta.push(["location", `${t("evidenceItems.custody.place")}：${e.location}`]);
        if (e.note) meta.push(["note", `${t("evidenceItems.custody.note")}：${e.note}`]);
        return (
          <li key={e.id} data-action={e.action}>
            <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at, t.locale)}</time>
            <strong>{t.label("custodyAction", e.action)}</strong>
            {e.actor?.displayName || e.actorName ? <> · {[e.actor?.displayName, e.actorName].filter(Boolean).join("，")}</> : null}
            <span className="custody-meta">
              {meta.map(([key, part], i) => (
                <Fragment key={key}>
                  {i > 0 ? " · " : null}
                  {part}
                </Fragment>
              ))}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
