import { Link, useSearchParams } from "@remix-run/react";
import { useT } from "~/i18n/react";

/**
 * First / previous / next links of a keyset-paged list (app/utils/keyset.ts). The links keep the
 * list's other search parameters and replace only the cursor.
 */
export function KeysetPager({
  total,
  capped,
  next,
  prev,
}: {
  total: number;
  capped: boolean;
  next: string | null;
  prev: string | null;
}) {
  const t = useT();
  const [params] = useSearchParams();
  const hrefWith = (name: "after" | "before" | null, cursor?: string) => {
    const out = new URLSearchParams(params);
    out.delete("after");
    out.delete("before");
    if (name && cursor) out.set(name, cursor);
    const query = out.toString();
    return query ? `?${query}` : "?";
  };
  const onLaterPage = params.has("after") || params.has("before");
  return (
    <nav className="pagination" aria-label={t("pager.label")}>
      <span className="muted">
        {capped ? t("pager.totalMore", { count: total }) : t("pager.total", { count: total })}
      </span>
      {onLaterPage || next ? (
        <span className="actions">
          {onLaterPage ? (
            <Link className="button button--secondary" to={hrefWith(null)}>
              {t("pager.first")}
            </Link>
          ) : null}
          {prev ? (
            <Link className="button button--secondary" to={hrefWith("before", prev)} rel="prev">
              {t("pager.prev")}
            </Link>
          ) : null}
          {next ? (
            <Link className="button button--secondary" to={hrefWith("after", next)} rel="next">
              {t("pager.next")}
            </Link>
          ) : null}
        </span>
      ) : null}
    </nav>
  );
}
