import { filingDecision } from "~/domain/documents/kinds/filing-decision";
import type { FilingDecisionSource } from "~/domain/documents/kinds/filing-decision";
import { notFilingDecision } from "~/domain/documents/kinds/not-filing-decision";
import type { NotFilingDecisionSource } from "~/domain/documents/kinds/not-filing-decision";
import { parseStoredApprovalPayload } from "~/domain/approval/payloads";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import type { DocumentSourceEntry } from "./registry.server";
import { sourceEntry } from "./registry.server";

// The loaders of the kinds generated from a case, a clue or a consultation, each paired with its
// definition through sourceEntry. Every read is scoped to the procuratorate (null: not in scope,
// the caller answers 404); a document that cannot be made yet throws DomainError 409 with a
// documentsCase.error.* key. Agency- and court-facing loaders never select the clue's informant
// (informantName/Phone/IdNumber; 个人信息保护法 Arts 33–34).

/** The reason of the approval behind a transition (typed payload), else the transition's own reason. */
function reasonOf(
  kind: "filing" | "not_filing" | "suspension" | "resumption",
  transition: { reason: string | null; approval: { payload: string | null } | null },
): string | null {
  const payload = transition.approval ? parseStoredApprovalPayload(kind, transition.approval.payload) : null;
  return payload?.reason?.trim() || transition.reason?.trim() || null;
}

export async function loadFilingDecision(procuratorateId: string, caseId: string): Promise<FilingDecisionSource | null> {
  const found = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: {
      number: true,
      title: true,
      summary: true,
      filedOn: true,
      respondentAgency: { select: { name: true } },
      // The kind of source only: never the informant.
      clue: { select: { source: true } },
      transitions: {
        where: { toState: "filed" },
        orderBy: { at: "desc" },
        take: 1,
        select: { reason: true, approval: { select: { payload: true } } },
      },
    },
  });
  if (!found) return null;
  const filed = found.transitions[0];
  // 规则 Art 30: the 立案决定书 follows the chief's decision to file.
  if (!filed || !found.filedOn || !found.number) throw new DomainError("documentsCase.error.notFiled", 409);
  return {
    caseNumber: found.number,
    caseTitle: found.title,
    summary: found.summary,
    agencyName: found.respondentAgency?.name ?? null,
    clueSource: found.clue?.source ?? null,
    filedOn: found.filedOn,
    reason: reasonOf("filing", filed),
  };
}

export async function loadNotFilingDecision(procuratorateId: string, clueId: string): Promise<NotFilingDecisionSource | null> {
  const clue = await prisma.clue.findFirst({
    where: { id: clueId, procuratorateId },
    select: { number: true, source: true, receivedOn: true, summary: true, location: true, status: true, evaluation: true },
  });
  if (!clue) return null;
  // 规则 Art 30: the decision not to file is the chief's, recorded on a case proposed from the clue.
  const decided = await prisma.case.findFirst({
    where: { clueId, procuratorateId, state: "not_filed" },
    orderBy: { updatedAt: "desc" },
    select: {
      title: true,
      respondentAgency: { select: { name: true } },
      transitions: {
        where: { toState: "not_filed" },
        orderBy: { at: "desc" },
        take: 1,
        select: { at: true, reason: true, approval: { select: { payload: true } } },
      },
    },
  });
  const transition = decided?.transitions[0];
  if (clue.status !== "not_filed" || !decided || !transition) throw new DomainError("documentsCase.error.clueNotDecided", 409);
  return {
    clueNumber: clue.number,
    clueSource: clue.source,
    receivedOn: clue.receivedOn,
    clueSummary: clue.summary,
    location: clue.location,
    caseTitle: decided.title,
    agencyName: decided.respondentAgency?.name ?? null,
    evaluation: clue.evaluation,
    reason: reasonOf("not_filing", transition) ?? clue.evaluation ?? "",
    decidedOn: dateInShanghai(transition.at),
  };
}

export const CASE_KIND_SOURCES: DocumentSourceEntry[] = [
  sourceEntry(filingDecision, loadFilingDecision),
  sourceEntry(notFilingDecision, loadNotFilingDecision),
];
