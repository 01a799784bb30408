import { describe, expect, test } from "vitest";
import { LIVE_DEADLINE_KINDS } from "~/domain/deadlines/live";
import { NOTIFICATION_KINDS } from "~/domain/notifications/kinds";
import { notificationText } from "~/domain/notifications/message";
import { parseStoredParams, readParams, reminderParams, replyArrivedParams, storeParams } from "~/domain/notifications/params";
import { dueReminder } from "~/domain/notifications/reminders";
import { createT, LOCALES } from "~/i18n";

// Every kind of notification rendered in both languages from the params its producer really
// writes (reminderParams: the reminders job; replyArrivedParams: the reply submission), stored
// and read back as the list does: no placeholder left, no "undefined" or "null".

const today = "2026-12-01";
const days = [7, 3, 1];

/** What the list shows for a row the producers wrote: through JSON, as stored. */
function shown(locale: (typeof LOCALES)[number], kind: string, json: string) {
  return notificationText(createT(locale), kind, parseStoredParams(json));
}

function expectClean(text: string, min = 8) {
  expect(text).not.toMatch(/[{}]/);
  expect(text).not.toMatch(/undefined|null|NaN|\[object/);
  expect(text.trim().length).toBeGreaterThanOrEqual(min);
}

function reminderRows() {
  const rows: { name: string; kind: string; json: string; caseShown: boolean }[] = [];
  for (const dueOn of ["2026-12-08", "2026-12-04", "2026-12-02", "2026-12-01", "2026-11-30", "2026-11-27"]) {
    const reminder = dueReminder(dueOn, today, days);
    if (!reminder) throw new Error(`no reminder for ${dueOn}`);
    for (const deadlineKind of LIVE_DEADLINE_KINDS) {
      for (const forLiaison of [false, true]) {
        const made = reminderParams({
          deadlineKind,
          dueOn,
          reminder,
          caseNumber: "桂检行公立〔2026〕7号",
          caseTitle: "东河河道垃圾案",
          agencyName: "桂阳县水利局",
          forLiaison,
        });
        const json = made.kind === "due_soon" ? storeParams("due_soon", made.params) : storeParams("overdue", made.params);
        rows.push({ name: `${made.kind} ${dueOn} ${deadlineKind} ${forLiaison ? "liaison" : "staff"}`, kind: made.kind, json, caseShown: !forLiaison });
      }
    }
  }
  return rows;
}

describe("notification texts from the producers' params", () => {
  test("every kind is produced by one of the builders below", () => {
    const kinds = new Set([...reminderRows().map((r) => r.kind), "reply_arrived"]);
    expect([...kinds].sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  for (const locale of LOCALES) {
    test(`reminders (due_soon, due today, tomorrow, overdue) in ${locale}`, () => {
      for (const row of reminderRows()) {
        const { label, text } = shown(locale, row.kind, row.json);
        expectClean(label, 2);
        expectClean(text);
        expect(text, row.name).toContain(JSON.parse(row.json).dueOn);
        // A liaison's copy never names the case.
        if (row.caseShown) expect(text, row.name).toContain("桂检行公立〔2026〕7号");
        else expect(text, row.name).not.toMatch(/桂检行公立|东河河道/);
      }
    });

    test(`reply_arrived, on time and late, in ${locale}`, () => {
      for (const late of [false, true]) {
        const json = storeParams(
          "reply_arrived",
          replyArrivedParams({ recommendationNumber: "桂检行公建〔2026〕3号", caseTitle: "东河河道垃圾案", agencyName: "桂阳县水利局", receiptNumber: "桂回〔2026〕12号", late }),
        );
        const { label, text } = shown(locale, "reply_arrived", json);
        expectClean(label, 2);
        expectClean(text);
        expect(text).toContain("桂阳县水利局");
        expect(text).toContain("桂检行公建〔2026〕3号");
        expect(text).toContain("桂回〔2026〕12号");
        expect(text.includes(createT(locale)("notifications.text.reply_arrived_late", { agency: "", subject: "", receipt: "" }).slice(-6))).toBe(late);
      }
    });
  }

  test("the day counts read naturally: 0 today, 1 tomorrow / yesterday, n days", () => {
    const t = createT("zh-CN");
    const text = (dueOn: string) => {
      const made = reminderParams({ deadlineKind: "agency_reply", dueOn, reminder: dueReminder(dueOn, today, days)!, caseNumber: null, caseTitle: null, agencyName: null, forLiaison: true });
      return notificationText(t, made.kind, made.params).text;
    };
    expect(text("2026-12-01")).toContain("今天");
    expect(text("2026-12-02")).toContain("明天");
    expect(text("2026-12-04")).toContain("还剩 3 天");
    expect(text("2026-11-30")).toContain("昨天");
    expect(text("2026-11-27")).toContain("已逾期 4 天");
    const en = createT("en");
    const made = reminderParams({ deadlineKind: "agency_reply", dueOn: "2026-12-02", reminder: dueReminder("2026-12-02", today, days)!, caseNumber: null, caseTitle: null, agencyName: null, forLiaison: true });
    expect(notificationText(en, made.kind, made.params).text).not.toMatch(/\b1 days\b/);
  });
});

describe("the params contract", () => {
  test("a producer's params that do not fit its kind are refused when stored", () => {
    expect(() => storeParams("reply_arrived", { recommendationNumber: "x", caseTitle: "c", receiptNumber: "r", late: false } as never)).toThrow();
    expect(() => storeParams("due_soon", { deadlineKind: "agency_reply", dueOn: "2026-12-01", caseNumber: null, caseTitle: null, agencyName: null } as never)).toThrow();
    expect(() => storeParams("overdue", { deadlineKind: "nonsense", dueOn: "2026-12-01", daysLate: 2, caseNumber: null, caseTitle: null, agencyName: null } as never)).toThrow();
  });

  test("old or damaged rows still read: missing fields have their own words, never a placeholder", () => {
    for (const locale of LOCALES) {
      const t = createT(locale);
      for (const kind of NOTIFICATION_KINDS) {
        for (const raw of ["{}", "not json", "[1,2]", '{"daysLeft":"three","dueOn":5,"agencyName":7}', "null"]) {
          const { label, text } = notificationText(t, kind, parseStoredParams(raw));
          expectClean(label, 2);
          expectClean(text);
        }
      }
      // The reply_arrived rows written before the agency's name was stored.
      const old = notificationText(t, "reply_arrived", parseStoredParams('{"recommendationNumber":"N1","caseTitle":"c","receiptNumber":"R1","late":false}')).text;
      expect(old).toContain(t("notifications.agency.unknown"));
      expectClean(old);
    }
    expect(readParams("due_soon", { daysLeft: 2, dueOn: "bad", extra: 1 })).toEqual({ daysLeft: 2 });
  });
});
