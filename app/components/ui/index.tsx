import { Link, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/react";

export function PageHeader({
  title,
  subtitle,
  crumbs,
  actions,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  crumbs?: { to: string; label: ReactNode }[];
  actions?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div>
        {crumbs?.length ? (
          <nav className="breadcrumbs" aria-label="breadcrumbs">
            {crumbs.map((c, i) => (
              <span key={c.to}>
                {i > 0 ? " / " : null}
                <Link to={c.to}>{c.label}</Link>
              </span>
            ))}
          </nav>
        ) : null}
        <h1>{title}</h1>
        {subtitle ? <p className="subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="actions">{actions}</div> : null}
    </div>
  );
}

export function Card({ title, actions, children }: { title?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="card">
      {title || actions ? (
        <div className="card-header">
          {title ? <h2>{title}</h2> : <span />}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}

export type Tone = "neutral" | "info" | "ok" | "warn" | "danger";

export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={tone === "neutral" ? "badge" : `badge badge--${tone}`}>{children}</span>;
}

export function EmptyState({ title, children }: { title?: ReactNode; children?: ReactNode }) {
  const t = useT();
  return (
    <div className="empty">
      <strong>{title ?? t("common.empty")}</strong>
      {children}
    </div>
  );
}

export function Facts({ items }: { items: [ReactNode, ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([k, v], i) => (
        <div key={i} style={{ display: "contents" }}>
          <dt>{k}</dt>
          <dd>{v === null || v === undefined || v === "" ? "—" : v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Stat({ value, label, to }: { value: ReactNode; label: ReactNode; to?: string }) {
  const body = (
    <>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </>
  );
  return to ? (
    <Link className="stat" to={to} style={{ color: "inherit", textDecoration: "none" }}>
      {body}
    </Link>
  ) : (
    <div className="stat">{body}</div>
  );
}

/** Previous / next links that keep the other search parameters. */
export function Pagination({ page, pages, total }: { page: number; pages: number; total: number }) {
  const t = useT();
  const [params] = useSearchParams();
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next.toString()}`;
  };
  return (
    <div className="pagination">
      <span className="muted">{t("common.total", { count: total })}</span>
      {pages > 1 ? (
        <span className="actions">
          {page > 1 ? (
            <Link className="button button--secondary" to={hrefFor(page - 1)}>
              {t("common.prev")}
            </Link>
          ) : null}
          <span>{t("common.page", { page, pages })}</span>
          {page < pages ? (
            <Link className="button button--secondary" to={hrefFor(page + 1)}>
              {t("common.next")}
            </Link>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}

/** A form field with its label, hint and (translated) error. */
export function Field({
  label,
  htmlFor,
  hint,
  errors,
  children,
}: {
  label: ReactNode;
  htmlFor: string;
  hint?: ReactNode;
  errors?: string[] | null;
  children: ReactNode;
}) {
  const t = useT();
  const errorId = `${htmlFor}-error`;
  return (
    <div className="field">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint ? <span className="hint">{hint}</span> : null}
      {errors?.length ? (
        <span className="error" id={errorId} role="alert">
          {errors.map((e) => t.dynamic(e)).join(" ")}
        </span>
      ) : null}
    </div>
  );
}

/** The errors of the form as a whole (not of one field), translated; nothing when there are none. */
export function FormError({ errors, id }: { errors?: string[] | null; id?: string }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <div className="form-error" id={id} role="alert">
      {errors.map((e) => t.dynamic(e)).join(" ")}
    </div>
  );
}

/** The buttons of a GET filter form: apply, and (once filtered) a link back to the unfiltered list. */
export function FilterActions({ resetTo, filtered, label }: { resetTo: string; filtered: boolean; label?: ReactNode }) {
  const t = useT();
  return (
    <div className="actions">
      <button type="submit" className="button">
        {label ?? t("common.filter")}
      </button>
      {filtered ? (
        <Link to={resetTo} className="button button--secondary">
          {t("common.reset")}
        </Link>
      ) : null}
    </div>
  );
}
