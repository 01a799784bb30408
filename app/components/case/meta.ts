import type { MetaDescriptor } from "@remix-run/node";
import type { Locale, MessageKey, Vars } from "~/i18n";
import { createT, DEFAULT_LOCALE, isLocale } from "~/i18n";

type Match = { id: string; data: unknown };

/** A page title in the visitor's language (the root loader carries the locale): "案件 · Procura". */
export function pageTitle(matches: readonly Match[], key: MessageKey, vars?: Vars, prefix?: string | null): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  const locale: Locale = isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
  const t = createT(locale);
  const title = prefix ? `${prefix} · ${t(key, vars)}` : t(key, vars);
  return [{ title: `${title} · ${t("app.shortName")}` }];
}
