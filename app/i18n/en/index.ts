import { common } from "~/i18n/en/common";
import type { zhCN } from "~/i18n/zh-CN";
import { portal } from "~/i18n/en/portal";
import { deadlines } from "~/i18n/en/deadlines";
import { cases } from "~/i18n/en/cases";
import { hearings } from "~/i18n/en/hearings";
import { hearingPage } from "~/i18n/en/hearing-page";
import { approvals } from "~/i18n/en/approvals";
import { admin } from "~/i18n/en/admin";
import { work } from "~/i18n/en/work";
import { numbering } from "~/i18n/en/numbering";
import { documents } from "~/i18n/en/documents";
import { dates } from "~/i18n/en/dates";
import { clues } from "~/i18n/en/clues";
import { evidence } from "~/i18n/en/evidence";
import { evidenceItems } from "~/i18n/en/evidence-items";
import { casepage } from "~/i18n/en/casepage";
import { board } from "~/i18n/en/board";
import { search } from "~/i18n/en/search";
import { agencyHome } from "~/i18n/en/agency-home";
import { evidenceDisclosure } from "~/i18n/en/evidence-disclosure";
import { evidenceFiles } from "~/i18n/en/evidence-files";
import { hearingFlow } from "~/i18n/en/hearing-flow";
import { evidenceCustody } from "~/i18n/en/evidence-custody";
import { hearingDay } from "~/i18n/en/hearing-day";
import { calendar } from "~/i18n/en/calendar";
import { hearingSetup } from "~/i18n/en/hearing-setup";
import { hearingPanel } from "~/i18n/en/hearing-panel";
import { documentRender } from "~/i18n/en/document-render";
import { documentsCase } from "~/i18n/en/documents-case";
import { documentsHearing } from "~/i18n/en/documents-hearing";
import { templates } from "~/i18n/en/templates";
import { agencyAssess } from "~/i18n/en/agency-assess";
import { agencyReply } from "~/i18n/en/agency-reply";
import { notifications } from "~/i18n/en/notifications";

export const en = {
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
} as const satisfies Record<keyof typeof zhCN, string>;
