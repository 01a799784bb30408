import type { casepage as zh } from "~/i18n/zh-CN/casepage";

// The case page's tabs and the forms on them: next steps, consultation, the recommendation draft.
export const casepage = {
  "casepage.tab.service": "Service and replies",
  "casepage.tab.documents": "Documents",
  "casepage.tab.log": "Approvals and log",
  "casepage.service.recommendations": "Service of recommendations and replies",
  "casepage.service.noOther": "No other document has been served.",
  "casepage.documents.none": "No document has been generated for this case yet.",
  "casepage.documents.title": "Document",
  "casepage.documents.kind": "Kind",
  "casepage.documents.number": "Number",
  "casepage.documents.noNumber": "(no number)",
  "casepage.documents.created": "Generated",
  "casepage.documents.services": "Services",
  "casepage.documents.agencyVisible": "Visible to the agency",
  "casepage.consultation.minutes": "Minutes",
  "casepage.rec.facts": "Facts",
  "casepage.rec.reasons": "Reasons",
  "casepage.rec.legalBasis": "Legal basis",
  "casepage.rec.ccList": "Copies to",
} as const satisfies Record<keyof typeof zh, string>;
