import { describe, expect, test } from "vitest";
import { ROLES } from "~/domain/auth/roles";
import { CASE_FIELDS, CASE_STATES } from "~/domain/case/states";
import { createT, DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, localeFromCookieHeader } from "~/i18n";
import { en } from "~/i18n/en";
import { zhCN } from "~/i18n/zh-CN";

const zh: Record<string, string> = zhCN;
const english: Record<string, string> = en;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  test("en has exactly the keys of zh-CN", () => {
    const zhKeys = Object.keys(zh);
    const enKeys = Object.keys(english);
    expect(enKeys.filter((k) => !(k in zh)), "keys only in en").toEqual([]);
    expect(zhKeys.filter((k) => !(k in english)), "keys missing from en").toEqual([]);
  });

  test.each([
    ["zh-CN", zh],
    ["en", english],
  ] as const)("%s has no empty strings", (_locale, dict) => {
    expect(Object.entries(dict).filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k)).toEqual([]);
  });

  test("placeholders {x} match between the locales", () => {
    const mismatched = Object.keys(zh).filter(
      (k) => english[k] !== undefined && placeholders(zh[k]!).join() !== placeholders(english[k]!).join(),
    );
    expect(mismatched).toEqual([]);
  });

  test("keys are namespaced (ns.name)", () => {
    expect(Object.keys(zh).filter((k) => !/^[a-zA-Z][\w-]*(\.[\w-]+)+$/.test(k))).toEqual([]);
  });

  test("every domain value has a label in both locales", () => {
    const wanted = [
      ...CASE_STATES.map((s) => `caseState.${s}`),
      ...CASE_FIELDS.map((f) => `caseField.${f}`),
      ...ROLES.map((r) => `role.${r}`),
    ];
    expect(wanted.filter((k) => !(k in zh) || !(k in english))).toEqual([]);
  });
});

describe("sentences", () => {
  test("a reply period inside an English sentence is lower-case (not 'within Fifteen days')", () => {
    const t = createT("en");
    for (const period of ["two_months", "fifteen_days"]) {
      const clause = t("portal.rec.replyClause", { period: t.label("replyPeriodPhrase", period) });
      expect(clause).toMatch(/within (two months|fifteen days) of/);
    }
    expect(createT("zh-CN").label("replyPeriodPhrase", "fifteen_days")).toBe("十五日");
  });
});

describe("translate", () => {
  test("fills placeholders and leaves unknown ones", () => {
    const t = createT("zh-CN");
    expect(t("auth.throttled", { minutes: 7 })).toContain("7 分钟");
    expect(t.dynamic("error.code", {})).toContain("{status}");
  });

  test("falls back to Chinese, then to the key", () => {
    expect(createT("en").dynamic("no.such.key")).toBe("no.such.key");
    expect(createT("en")("auth.submit")).toBe("Sign in");
  });

  test("labels of data values", () => {
    expect(createT("en").label("role", "panelist")).toBe(english["role.panelist"]);
    expect(createT("zh-CN").label("caseState", "unknown_state")).toBe("unknown_state");
    expect(createT("zh-CN").label("caseState", null)).toBe("");
  });

  test("locale comes from the cookie; Chinese by default", () => {
    expect(DEFAULT_LOCALE).toBe("zh-CN");
    expect(localeFromCookieHeader(null)).toBe("zh-CN");
    expect(localeFromCookieHeader(`a=b; ${LOCALE_COOKIE}=en`)).toBe("en");
    expect(localeFromCookieHeader(`${LOCALE_COOKIE}=fr`)).toBe("zh-CN");
    expect(isLocale("en")).toBe(true);
    expect(isLocale("EN")).toBe(false);
  });
});
