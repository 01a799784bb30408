// zh-CN is the default locale and the source of the key set; en must match it key for key.
// Each area keeps its own namespace file; add it here and in ../en/index.ts.
import { common } from "~/i18n/zh-CN/common";
import { portal } from "~/i18n/zh-CN/portal";
import { deadlines } from "~/i18n/zh-CN/deadlines";
import { cases } from "~/i18n/zh-CN/cases";
import { hearings } from "~/i18n/zh-CN/hearings";
import { hearingPage } from "~/i18n/zh-CN/hearing-page";
import { approvals } from "~/i18n/zh-CN/approvals";
import { admin } from "~/i18n/zh-CN/admin";
import { work } from "~/i18n/zh-CN/work";
import { numbering } from "~/i18n/zh-CN/numbering";
import { documents } from "~/i18n/zh-CN/documents";
import { dates } from "~/i18n/zh-CN/dates";
import { clues } from "~/i18n/zh-CN/clues";
import { evidence } from "~/i18n/zh-CN/evidence";
import { evidenceItems } from "~/i18n/zh-CN/evidence-items";
import { casepage } from "~/i18n/zh-CN/casepage";
import { board } from "~/i18n/zh-CN/board";
import { search } from "~/i18n/zh-CN/search";
import { agencyHome } from "~/i18n/zh-CN/agency-home";
import { evidenceDisclosure } from "~/i18n/zh-CN/evidence-disclosure";
import { evidenceFiles } from "~/i18n/zh-CN/evidence-files";
import { hearingFlow } from "~/i18n/zh-CN/hearing-flow";
import { evidenceCustody } from "~/i18n/zh-CN/evidence-custody";
import { hearingDay } from "~/i18n/zh-CN/hearing-day";
import { calendar } from "~/i18n/zh-CN/calendar";
import { hearingSetup } from "~/i18n/zh-CN/hearing-setup";
import { hearingPanel } from "~/i18n/zh-CN/hearing-panel";
import { documentRender } from "~/i18n/zh-CN/document-render";
import { documentsCase } from "~/i18n/zh-CN/documents-case";
import { documentsHearing } from "~/i18n/zh-CN/documents-hearing";
import { templates } from "~/i18n/zh-CN/templates";
import { agencyAssess } from "~/i18n/zh-CN/agency-assess";
import { agencyReply } from "~/i18n/zh-CN/agency-reply";
import { notifications } from "~/i18n/zh-CN/notifications";

export const zhCN = {
  ...common,
  ...cases,
  ...deadlines,
  ...approvals,
  ...hearings,
  ...hearingPage,
  ...portal,
  ...admin,
  ...work,
  ...numbering,
  ...documents,
  ...dates,
  ...clues,
  ...evidence,
  ...evidenceItems,
  ...casepage,
  ...board,
  ...search,
  ...agencyHome,
  ...evidenceDisclosure,
  ...evidenceFiles,
  ...hearingFlow,
  ...evidenceCustody,
  ...hearingDay,
  ...calendar,
  ...hearingSetup,
  ...hearingPanel,
  ...documentRender,
  ...documentsCase,
  ...documentsHearing,
  ...templates,
  ...agencyAssess,
  ...agencyReply,
  ...notifications,
} as const;
