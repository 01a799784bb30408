// The enumerated columns of the schema and the zod enum (app/domain) each must hold values of: the
// one list, checked on the demo database (tests/integration/enum-columns.test.ts) and on scale data
// (tests/integration/seed-scale.test.ts). `seeded`: the demo scenario writes at least one value.
import { AGENCY_KINDS, HOLIDAY_KINDS, PANELIST_CATEGORIES } from "~/domain/admin/schemas";
import { APPROVAL_DECISIONS, APPROVAL_KINDS } from "~/domain/approval/schemas";
import { ROLES } from "~/domain/auth/roles";
import { CONSULTATION_METHODS } from "~/domain/case/consultation";
import { CASE_MEMBER_ROLES } from "~/domain/case/members";
import { CLUE_SOURCES, CLUE_STATUSES } from "~/domain/case/schemas";
import { CASE_FIELDS, CASE_STATES } from "~/domain/case/states";
import { DOCUMENT_KINDS } from "~/domain/documents/kinds";
import { BATCH_STATUSES, DOCUMENT_SUBJECTS, TEMPLATE_ORIGINS } from "~/domain/documents/spec";
import { CUSTODY_ACTIONS, EVIDENCE_KINDS } from "~/domain/evidence/kinds";
import { OPINION_STANCES } from "~/domain/hearing/majority";
import { HEARING_STATUSES, OBSERVER_REQUEST_STATUSES, PARTICIPANT_KINDS } from "~/domain/hearing/states";
import { FOLLOW_UP_CONCLUSIONS, FOLLOW_UP_DISPOSITIONS } from "~/domain/recommendation/follow-up";
import { ANSWER_STATUSES, REPLY_STATUSES } from "~/domain/recommendation/reply";
import { ASSESSMENT_OUTCOMES } from "~/domain/recommendation/assessment";
import { NOTIFICATION_KINDS, OUTBOX_STATUSES } from "~/domain/notifications/kinds";
import { RECOMMENDATION_STATUSES, REPLY_PERIODS, SERVICE_METHODS } from "~/domain/recommendation/states";

export type EnumColumn = { table: string; column: string; values: readonly string[]; seeded: boolean };

export const ENUM_COLUMNS: EnumColumn[] = [
  { table: "Evidence", column: "kind", values: EVIDENCE_KINDS, seeded: true },
  { table: "CustodyEvent", column: "action", values: CUSTODY_ACTIONS, seeded: true },
  { table: "Consultation", column: "method", values: CONSULTATION_METHODS, seeded: true },
  { table: "Hearing", column: "status", values: HEARING_STATUSES, seeded: true },
  { table: "HearingParticipant", column: "kind", values: PARTICIPANT_KINDS, seeded: true },
  { table: "HearingObserverRequest", column: "status", values: OBSERVER_REQUEST_STATUSES, seeded: false },
  { table: "Recommendation", column: "status", values: RECOMMENDATION_STATUSES, seeded: true },
  { table: "Recommendation", column: "replyPeriod", values: REPLY_PERIODS, seeded: true },
  { table: "Service", column: "method", values: SERVICE_METHODS, seeded: true },
  { table: "Service", column: "documentKind", values: DOCUMENT_KINDS, seeded: true },
  { table: "Reply", column: "status", values: REPLY_STATUSES, seeded: true },
  { table: "ReplyAnswer", column: "status", values: ANSWER_STATUSES, seeded: true },
  { table: "FollowUp", column: "conclusion", values: FOLLOW_UP_CONCLUSIONS, seeded: true },
  { table: "FollowUp", column: "disposition", values: FOLLOW_UP_DISPOSITIONS, seeded: true },
  { table: "CaseMember", column: "role", values: CASE_MEMBER_ROLES, seeded: true },
  // Columns whose enums were already in app/domain, checked the same way.
  { table: "Case", column: "state", values: CASE_STATES, seeded: true },
  { table: "Case", column: "field", values: CASE_FIELDS, seeded: true },
  { table: "CaseTransition", column: "fromState", values: CASE_STATES, seeded: true },
  { table: "CaseTransition", column: "toState", values: CASE_STATES, seeded: true },
  { table: "Clue", column: "status", values: CLUE_STATUSES, seeded: true },
  { table: "Clue", column: "source", values: CLUE_SOURCES, seeded: true },
  { table: "User", column: "role", values: ROLES, seeded: true },
  { table: "Invitation", column: "role", values: ROLES, seeded: false },
  { table: "Agency", column: "kind", values: AGENCY_KINDS, seeded: true },
  { table: "Panelist", column: "category", values: PANELIST_CATEGORIES, seeded: true },
  { table: "PanelOpinion", column: "stance", values: OPINION_STANCES, seeded: true },
  { table: "Approval", column: "kind", values: APPROVAL_KINDS, seeded: true },
  { table: "Approval", column: "decision", values: APPROVAL_DECISIONS, seeded: true },
  { table: "HolidayOverride", column: "kind", values: HOLIDAY_KINDS, seeded: false },
  { table: "DocumentTemplate", column: "kind", values: DOCUMENT_KINDS, seeded: false },
  { table: "GeneratedDocument", column: "kind", values: DOCUMENT_KINDS, seeded: false },
  { table: "GeneratedDocument", column: "subjectType", values: DOCUMENT_SUBJECTS, seeded: false },
  { table: "DocumentTemplateVersion", column: "origin", values: TEMPLATE_ORIGINS, seeded: false },
  { table: "DocumentBatch", column: "status", values: BATCH_STATUSES, seeded: false },
  { table: "PointAssessment", column: "outcome", values: ASSESSMENT_OUTCOMES, seeded: true },
  { table: "Notification", column: "kind", values: NOTIFICATION_KINDS, seeded: false },
  { table: "OutboxEmail", column: "status", values: OUTBOX_STATUSES, seeded: false },
  { table: "DocumentNumberCode", column: "kind", values: DOCUMENT_KINDS, seeded: true },
];
