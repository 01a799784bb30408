import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { Locale, Translate } from "~/i18n";
import { createT, DEFAULT_LOCALE } from "~/i18n";

/** The translator for the locale the root loader chose. */
export function useT(): Translate {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return useMemo(() => createT(locale), [locale]);
}
