import { common } from "~/i18n/en/common";
import type { zhCN } from "~/i18n/zh-CN";
import { portal } from "~/i18n/en/portal";
import { deadlines } from "~/i18n/en/deadlines";
import { cases } from "~/i18n/en/cases";
import { hearings } from "~/i18n/en/hearings";
import { approvals } from "~/i18n/en/approvals";
import { admin } from "~/i18n/en/admin";
import { casepage } from "~/i18n/en/casepage";

export const en = {
  ...common,
  ...cases,
  ...deadlines,
  ...approvals,
  ...hearings,
  ...portal,
  ...admin,
  ...casepage,
} as const satisfies Record<keyof typeof zhCN, string>;
