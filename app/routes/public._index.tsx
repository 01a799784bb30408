import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/components/case/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { HearingStatusBadge } from "~/components/portal";
import { isPublicHearingStatus } from "~/domain/hearing/states";
import { EmptyState, PageHeader } from "~/components/ui";
import { createT, formatDateTimeRange, localeFromRequest } from "~/i18n";
import { useT } from "~/i18n/react";
import { listPublicHearings } from "~/models/public-hearing.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "nav.public");

// Public page: no sign-in. Only public hearings whose announcement is published (听证规定 Arts 5, 10).
export async function loader({ request }: LoaderFunctionArgs) {
  const hearings = await listPublicHearings(new Date());
  return { ...hearings, title: createT(localeFromRequest(request))("portal.public.meta") };
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

export default function PublicHome() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("portal.public.title")} subtitle={t("portal.public.subtitle")} />
      <section className="portal-public-section" aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t("portal.public.upcoming")}</h2>
        {upcoming.length ? (
          <NoticeList items={upcoming} />
        ) : (
          <div className="card">
            <EmptyState title={t("portal.public.upcomingEmpty")}>
              <p className="muted small">{t("portal.public.upcomingEmptyHint")}</p>
            </EmptyState>
          </div>
        )}
      </section>
      <section className="portal-public-section" aria-labelledby="past-heading">
        <h2 id="past-heading">{t("portal.public.past")}</h2>
        {past.length ? (
          <NoticeList items={past} past />
        ) : (
          <div className="card">
            <EmptyState title={t("portal.public.pastEmpty")} />
          </div>
        )}
      </section>
    </>
  );
}

function NoticeList({ items, past }: { items: Item[]; past?: boolean }) {
  const t = useT();
  return (
    <ul className={past ? "portal-notices portal-notices--past" : "portal-notices"}>
      {items.map((h) => (
        <li key={h.id} className="portal-notice">
          <div className="portal-notice__org">{h.procuratorate}</div>
          <Link className="portal-notice__title" to={`/public/hearings/${h.id}`}>
            {h.title}
          </Link>
          <div className="portal-notice__meta">
            <span>
              <span className="muted">{t("portal.public.col.time")}</span>
              {formatDateTimeRange(h.startsAt, h.endsAt, t)}
            </span>
            <span>
              <span className="muted">{t("portal.public.col.venue")}</span>
              {h.venue}
            </span>
            {isPublicHearingStatus(h.status) ? <HearingStatusBadge status={h.status} /> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
