import type { KindDefinition } from "../spec";
import { filingDecision } from "./filing-decision";
import { notFilingDecision } from "./not-filing-decision";

// The definitions of the kinds generated from a case, a clue or a consultation: filing_decision,
// not_filing_decision, fact_confirmation, consultation_minutes, evidence_request, evidence_list,
// suspension_decision, resumption_decision, closure_decision, complaint, court_appearance_notice.
// One file per kind beside this one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own source type
export const CASE_KIND_DEFINITIONS: KindDefinition<any>[] = [filingDecision, notFilingDecision];
