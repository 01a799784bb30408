// Why a document generated from a case, a clue or a consultation cannot be made yet (409).
export const documentsCase = {
  "documentsCase.error.notFiled": "The case is not filed yet, so there is no filing decision to make (Rules Art 30).",
  "documentsCase.error.clueNotDecided": "No decision not to file has been made on this clue (Rules Art 30).",
  "documentsCase.error.notFactConfirmation": "This consultation was not held by a fact-confirmation letter (Rules Art 70).",
  "documentsCase.error.noMinutes": "This consultation has no minutes recorded (Rules Art 70).",
  "documentsCase.error.noRespondent": "The case has no respondent agency yet, so no document can be addressed to it.",
  "documentsCase.error.noRequestedItems": "No evidence handed over by an agency is recorded on the case, so there is no evidence request to make (Rules Art 38).",
  "documentsCase.error.noEvidence": "The case has no evidence recorded yet, so there is no evidence list to make.",
  "documentsCase.error.evidenceTruncated": "The case has more evidence than one list holds; a complete evidence list cannot be made.",
  "documentsCase.error.notSuspended": "The case has no approved suspension of review (Rules Art 78).",
  "documentsCase.error.notResumed": "The case was never resumed after a suspension of review (Rules Art 78).",
  "documentsCase.error.notClosed": "The chief has not decided to close the case (Rules Art 74).",
  "documentsCase.error.noClosureGround": "The closure approval names no ground of Rules Art 74, so the closure decision cannot be made.",
  "documentsCase.error.notPreSuit": "The case is not in pre-suit review or litigation, so there is no complaint to make (Rules Arts 46, 81).",
  "documentsCase.error.noRecommendation": "The case has no issued recommendation, so the pre-suit procedure is not done (Rules Art 81).",
  "documentsCase.error.notInLitigation": "No suit has been filed on the case, so there is no court appearance notice to make (Rules Art 49).",
  "documentsCase.error.noProsecutorInCourt": "The case team has no prosecutor to appear in court (Rules Art 49).",
} as const;
