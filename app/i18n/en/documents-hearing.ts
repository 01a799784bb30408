// Documents generated from a hearing or a recommendation (issue 10): why one cannot be made yet.
export const documentsHearing = {
  "documentsHearing.error.recommendationNotApproved": "The recommendation has not been approved and numbered yet: its letter and proof of service cannot be made.",
  "documentsHearing.error.recommendationNoAgency": "The case names no agency to address the recommendation to.",
  "documentsHearing.error.hearingNotPublic": "A closed hearing has no public announcement.",
  "documentsHearing.error.hearingCancelled": "The hearing was cancelled: this document cannot be made.",
  "documentsHearing.error.hearingNotStarted": "The hearing has not started: there is no record yet.",
  "documentsHearing.error.participantIsObserver": "An observer is not a participant: no hearing notice is made for them.",
  "documentsHearing.error.seatRecused": "The panelist has withdrawn (recused): no document is made for their seat.",
} as const;
