// The agency portal's paged lists.
export const agencyHome= {
  "agencyHome.stat.replied": "Recommendations replied to",
  "agencyHome.recommendationsOrder": "Awaiting a reply first, soonest due; then the answered ones, latest served first.",
  "agencyHome.latestDocuments": "The latest {count}",
  "agencyHome.allDocuments": "All documents",
  "agencyHome.latestHearings": "The latest {count}",
  "agencyHome.allHearings": "All hearings",
  "agencyHome.documents.title": "All documents",
  "agencyHome.documents.subtitle": "Other legal documents served on or released to your agency, latest first.",
  "agencyHome.hearings.title": "All hearings your agency attended",
  "agencyHome.hearings.subtitle": "Hearings your agency took part in, latest first.",
  "agencyHome.back": "Back to documents received",
} as const;
