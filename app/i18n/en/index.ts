import { common } from "~/i18n/en/common";
import type { zhCN } from "~/i18n/zh-CN";

export const en = {
  ...common,
} as const satisfies Record<keyof typeof zhCN, string>;
