// Date phrases shared by every page (app/i18n/dates.ts formats the dates themselves).
export const dates = {
  "dates.range": "{start} 至 {end}",
  "dates.countdown.today": "今天到期",
  "dates.countdown.left.one": "还剩 {n} 天",
  "dates.countdown.left.other": "还剩 {n} 天",
  "dates.countdown.overdue.one": "已逾期 {n} 天",
  "dates.countdown.overdue.other": "已逾期 {n} 天",
} as const;
