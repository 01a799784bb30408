import type { MetaDescriptor } from "@remix-run/node";
import type { Locale, MessageKey, Vars } from "~/i18n";
import { createT, DEFAULT_LOCALE, isLocale } from "~/i18n";

type Match = { id: string; data: unknown };

/** One message in the visitor's language, for a title's prefix ("行政机关" in "行政机关 · 系统管理"). */
export function titleIn(matches: readonly Match[], key: MessageKey, vars?: Vars): string {
  return createT(localeOf(matches))(key, vars);
}

function localeOf(matches: readonly Match[]): Locale {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}

/** A page title in the visitor's language (the root loader carries the locale): "案件 · Procura". */
export function pageTitle(matches: readonly Match[], key: MessageKey, vars?: Vars, prefix?: string | null): MetaDescriptor[] {
  const t = createT(localeOf(matches));
  const title = prefix ? `${prefix} · ${t(key, vars)}` : t(key, vars);
  return [{ title: `${title} · ${t("app.shortName")}` }];
}
