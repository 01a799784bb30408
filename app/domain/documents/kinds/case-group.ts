import type { KindDefinition } from "../spec";
import { closureDecision } from "./closure-decision";
import { complaint } from "./complaint";
import { consultationMinutes } from "./consultation-minutes";
import { courtAppearanceNotice } from "./court-appearance-notice";
import { evidenceList } from "./evidence-list";
import { evidenceRequest } from "./evidence-request";
import { factConfirmation } from "./fact-confirmation";
import { filingDecision } from "./filing-decision";
import { notFilingDecision } from "./not-filing-decision";
import { resumptionDecision } from "./resumption-decision";
import { suspensionDecision } from "./suspension-decision";

// The definitions of the kinds generated from a case, a clue or a consultation, one file per kind
// beside this one (shared wording in case-common.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own source type
export const CASE_KIND_DEFINITIONS: KindDefinition<any>[] = [
  filingDecision,
  notFilingDecision,
  factConfirmation,
  consultationMinutes,
  evidenceRequest,
  evidenceList,
  suspensionDecision,
  resumptionDecision,
  closureDecision,
  complaint,
  courtAppearanceNotice,
];
