import { en } from "~/i18n/en";
import { zhCN } from "~/i18n/zh-CN";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "procura_locale";

export type MessageKey = keyof typeof zhCN;
export type Vars = Record<string, string | number>;
export type Translate = {
  (key: MessageKey, vars?: Vars): string;
  /** For keys built at run time from data (`caseState.${state}`); falls back to the value. */
  label(prefix: string, value: string | null | undefined): string;
  /** A message key that arrived as data (validation errors, error responses). */
  dynamic(key: string, vars?: Vars): string;
  locale: Locale;
};

const dictionaries: Record<Locale, Record<string, string>> = { "zh-CN": zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function fill(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function createT(locale: Locale): Translate {
  const dict = dictionaries[locale];
  const lookup = (key: string, vars?: Vars) => fill(dict[key] ?? dictionaries[DEFAULT_LOCALE][key] ?? key, vars);
  const t = ((key: MessageKey, vars?: Vars) => lookup(key, vars)) as Translate;
  t.label = (prefix, value) => {
    if (!value) return "";
    const key = `${prefix}.${value}`;
    return dict[key] ?? value;
  };
  t.dynamic = (key, vars) => lookup(key, vars);
  t.locale = locale;
  return t;
}

/** Reads the locale from the cookie; Chinese unless the user chose English. */
export function localeFromCookieHeader(cookieHeader: string | null): Locale {
  const match = cookieHeader?.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`));
  const value = match?.[1] ? decodeURIComponent(match[1]) : null;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function localeFromRequest(request: Request): Locale {
  return localeFromCookieHeader(request.headers.get("Cookie"));
}

// Date formatting lives in one module; re-exported here because pages import it with the dictionary.
export { formatCountdown, formatDate, formatDateTime, formatDateTimeRange, formatTime } from "~/i18n/dates";
