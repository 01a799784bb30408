import type { dates as zh } from "~/i18n/zh-CN/dates";

export const dates = {
  "dates.range": "{start} to {end}",
  "dates.countdown.today": "Due today",
  "dates.countdown.left.one": "{n} day left",
  "dates.countdown.left.other": "{n} days left",
  "dates.countdown.overdue.one": "{n} day overdue",
  "dates.countdown.overdue.other": "{n} days overdue",
} as const satisfies Record<keyof typeof zh, string>;
