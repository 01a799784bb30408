import type { work as zh } from "~/i18n/zh-CN/work";

// "My work" (/work): a prosecutor's home.
export const work = {
  "nav.work": "My work",
  "nav.work.overdue": "{n} overdue",
  "work.metaTitle": "My work",
  "work.title": "My work",
  "work.subtitle": "Today is {date}. Overdue and upcoming items and pending requests of the cases you lead or work on.",
  "work.stat.overdue": "Overdue",
  "work.stat.dueSoon": "Due within 3 days",
  "work.stat.awaiting": "Awaiting approval",
  "work.stat.cases": "Active cases",
  "work.overdue": "Overdue",
  "work.dueSoon": "Due soon",
  "work.awaiting": "Requests awaiting approval",
  "work.returned": "Requests returned to you",
  "work.requestedOn": "requested {date}",
  "work.returnedOn": "returned {date}: {reason}",
  "work.empty": "Nothing overdue or due soon",
  "work.emptyHint": "The cases you lead have no deadline needing attention now, and no request is awaiting approval.",
} as const satisfies Record<keyof typeof zh, string>;
