import { Form, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";

/** countLabel: what the count means, read out with its number (e.g. "3 overdue"). */
export type NavItem = { to: string; label: MessageKey; count?: number; countLabel?: MessageKey; end?: boolean };
export type NavGroup = { title?: MessageKey; items: NavItem[] };

export type ShellUser = { displayName: string; roleLabel: string; organisation?: string | null };

/** The frame of every signed-in area: top bar, sidebar navigation (a menu on phones), content. */
export function AppShell({
  area,
  home,
  nav,
  user,
  notifications,
  children,
}: {
  area: MessageKey;
  home: string;
  nav: NavGroup[];
  user: ShellUser;
  /** The reader's notifications page and unread count (issue 11 §7); none for roles without. */
  notifications?: { to: string; unread: number };
  children: ReactNode;
}) {
  const t = useT();
  const items = nav.flatMap((g) => g.items);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="topbar">
        <a className="brand" href={home}>
          <span className="brand-mark" aria-hidden>
            检
          </span>
          <span>
            {t("app.shortName")} <small>{t("app.tagline")}</small>
          </span>
        </a>
        <span className="topbar-area">{t(area)}</span>
        <span className="topbar-spacer" />
        <details className="mobile-nav-menu">
          <summary>{t("nav.menu")}</summary>
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                {/* A client-side navigation, like the sidebar's; the menu closes behind it. */}
                <NavLink to={item.to} end={item.end} onClick={(e) => e.currentTarget.closest("details")?.removeAttribute("open")}>
                  {t(item.label)}
                  {item.count ? (
                    <>
                      {" "}
                      <NavCount item={item} />
                    </>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </details>
        <div className="topbar-user">
          {notifications ? (
            <NavLink
              to={notifications.to}
              className="topbar-notifications"
              data-testid="topbar-notifications"
              aria-label={`${t("nav.notifications")}${notifications.unread ? ` · ${t("nav.notifications.unread", { n: notifications.unread })}` : ""}`}
            >
              {t("nav.notifications")}
              {notifications.unread ? (
                <>
                  {" "}
                  <span className="nav-count" data-testid="unread-count">
                    {notifications.unread > NAV_COUNT_CAP ? `${NAV_COUNT_CAP}+` : notifications.unread}
                  </span>
                </>
              ) : null}
            </NavLink>
          ) : null}
          <span className="who">
            {user.displayName}
            <small>
              {user.roleLabel}
              {user.organisation ? ` · ${user.organisation}` : ""}
            </small>
          </span>
          <LocaleSwitch />
          <Form method="post" action="/logout">
            <button type="submit" className="link-button">
              {t("auth.logout")}
            </button>
          </Form>
        </div>
      </header>
      <aside className="sidebar">
        <nav aria-label={t("nav.main")}>
          {nav.map((group, i) => (
            <div key={group.title ?? i}>
              {group.title ? <div className="nav-group">{t(group.title)}</div> : null}
              <ul>
                {group.items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end} className={({ isActive }) => (isActive ? "active" : "")}>
                      <span>{t(item.label)}</span>
                      {item.count ? <NavCount item={item} /> : null}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      </aside>
      <main className="content" id="main">
        {children}
      </main>
    </div>
  );
}

/** Switches between 中文 and English; works without JavaScript. */
export function LocaleSwitch({ className = "link-button" }: { className?: string }) {
  const t = useT();
  const location = useLocation();
  return (
    <Form method="post" action="/locale" reloadDocument>
      <input type="hidden" name="locale" value={t.locale === "en" ? "zh-CN" : "en"} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className={className} lang={t.locale === "en" ? "zh-CN" : "en"}>
        {t("locale.switch")}
      </button>
    </Form>
  );
}

/** Badges are bounded counts (app/models/shell.server.ts counts up to 100): past 99 they read "99+". */
const NAV_COUNT_CAP = 99;

/** A navigation item's count (pending approvals, overdue items), read out with what it counts. */
function NavCount({ item }: { item: NavItem }) {
  const t = useT();
  const label = item.countLabel ? t(item.countLabel, { n: item.count ?? 0 }) : undefined;
  return (
    <span className="nav-count" title={label} aria-label={label}>
      {(item.count ?? 0) > NAV_COUNT_CAP ? `${NAV_COUNT_CAP}+` : item.count}
    </span>
  );
}
