// zh-CN is the default locale and the source of the key set; en must match it key for key.
// Each area keeps its own namespace file; add it here and in ../en/index.ts.
import { common } from "~/i18n/zh-CN/common";
import { portal } from "~/i18n/zh-CN/portal";
import { deadlines } from "~/i18n/zh-CN/deadlines";
import { cases } from "~/i18n/zh-CN/cases";
import { hearings } from "~/i18n/zh-CN/hearings";
import { approvals } from "~/i18n/zh-CN/approvals";
import { admin } from "~/i18n/zh-CN/admin";
import { casepage } from "~/i18n/zh-CN/casepage";

export const zhCN = {
  ...common,
  ...cases,
  ...deadlines,
  ...approvals,
  ...hearings,
  ...portal,
  ...admin,
  ...casepage,
} as const;
