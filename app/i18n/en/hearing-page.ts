import type { hearingPage as zh } from "~/i18n/zh-CN/hearing-page";

export const hearingPage = {
  "hearings.tab.nav": "Hearing sections",
  "hearings.tab.overview": "Overview",
  "hearings.tab.panel": "Panel",
  "hearings.tab.participants": "Participants",
  "hearings.tab.observers": "Observer requests",
  "hearings.tab.evidence": "Evidence",
  "hearings.tab.opinions": "Deliberation and opinions",
  "hearings.observers.intro":
    "Members of the public ask to observe on the hearing's announcement page, which promises them a call. Accept or decline each request, then call the number given to tell them.",
  "hearings.observers.seats": "{seats} observer seats, {taken} taken (accepted and pending requests), {left} left.",
  "hearings.observers.seatsUnlimited": "No limit on observer seats; {taken} accepted and pending requests.",
  "hearings.observers.notPublic": "This hearing is held in private and takes no observers.",
  "hearings.observers.col.phone": "Phone",
  "hearings.observers.col.decision": "Decision",
  "hearings.observers.accept": "Accept",
  "hearings.observers.decline": "Decline",
  "hearings.observers.reason": "Reason for declining (optional)",
  "hearings.observers.decidedBy": "Decided by {name} on {time}",
  "hearings.observers.declineReason": "Reason: {reason}",
  "hearings.observers.accepted": "The request of {name} is accepted. Call them to say so.",
  "hearings.observers.declined": "The request of {name} is declined. Call them to say so.",
  "hearings.observers.refusal.hearingOver": "The hearing is over or cancelled: its observer requests can no longer be decided.",
  "hearings.observers.refusal.alreadyDecided": "This request has already been decided.",
  "hearings.observers.readOnly": "Only the prosecutors handling hearings decide observer requests.",
} as const satisfies Record<keyof typeof zh, string>;
