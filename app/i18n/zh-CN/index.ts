// zh-CN is the default locale and the source of the key set; en must match it key for key.
// Each area keeps its own namespace file; add it here and in ../en/index.ts.
import { common } from "~/i18n/zh-CN/common";

export const zhCN = {
  ...common,
} as const;
