import { describe, expect, test } from "vitest";
import { CONSULTATION_METHODS } from "~/domain/case/consultation";
import { CASE_MEMBER_ROLES } from "~/domain/case/members";
import { DOCUMENT_KINDS, documentKindLabelKey } from "~/domain/documents/kinds";
import { CUSTODY_ACTIONS, EVIDENCE_KINDS } from "~/domain/evidence/kinds";
import { HEARING_STATUSES, OBSERVER_REQUEST_STATUSES, PARTICIPANT_KINDS } from "~/domain/hearing/states";
import { FOLLOW_UP_CONCLUSIONS, FOLLOW_UP_DISPOSITIONS } from "~/domain/recommendation/follow-up";
import { ANSWER_STATUSES, REPLY_STATUSES } from "~/domain/recommendation/reply";
import { RECOMMENDATION_STATUSES, REPLY_PERIODS, SERVICE_METHODS } from "~/domain/recommendation/states";
import { en } from "~/i18n/en";
import { zhCN } from "~/i18n/zh-CN";

// Every value of the enums in app/domain has its label (t.label(prefix, value)) in both locales,
// so a new value cannot reach the screen as a raw code.
const LABELLED: [prefix: string, values: readonly string[]][] = [
  ["evidenceKind", EVIDENCE_KINDS],
  ["custodyAction", CUSTODY_ACTIONS],
  ["cases.consultationMethod", CONSULTATION_METHODS],
  ["hearingStatus", HEARING_STATUSES],
  ["participantKind", PARTICIPANT_KINDS],
  ["hearings.observerStatus", OBSERVER_REQUEST_STATUSES],
  ["recommendationStatus", RECOMMENDATION_STATUSES],
  ["replyPeriod", REPLY_PERIODS],
  ["replyPeriodPhrase", REPLY_PERIODS],
  ["serviceMethod", SERVICE_METHODS],
  ["documentKind", DOCUMENT_KINDS],
  ["replyStatus", REPLY_STATUSES],
  ["answerStatus", ANSWER_STATUSES],
  ["followUpConclusion", FOLLOW_UP_CONCLUSIONS],
  ["cases.disposition", FOLLOW_UP_DISPOSITIONS],
  ["cases.memberRole", CASE_MEMBER_ROLES],
];

const zh: Record<string, string> = zhCN;
const english: Record<string, string> = en;

describe("every enum value has a label in both locales", () => {
  test.each(LABELLED)("%s", (prefix, values) => {
    const keys = values.map((v) => `${prefix}.${v}`);
    expect(keys.filter((k) => !(k in zh)), "missing in zh-CN").toEqual([]);
    expect(keys.filter((k) => !(k in english)), "missing in en").toEqual([]);
  });

  test("a label prefix has no value the enum lacks (a stale label means a value was dropped)", () => {
    for (const [prefix, values] of LABELLED) {
      const labelled = Object.keys(zh)
        .filter((k) => k.startsWith(`${prefix}.`) && !k.slice(prefix.length + 1).includes("."))
        .map((k) => k.slice(prefix.length + 1));
      expect(labelled.filter((v) => !values.includes(v)), prefix).toEqual([]);
    }
  });

  test("document kinds: the label key of each kind", () => {
    for (const kind of DOCUMENT_KINDS) expect(zh[documentKindLabelKey(kind)]).toBeTruthy();
    expect(zh[documentKindLabelKey("recommendation")]).toBe("检察建议书");
  });
});
