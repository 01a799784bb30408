import type { KindDefinition } from "../spec";
import { hearingAnnouncementDefinition } from "./hearing-announcement";
import { hearingNoticeDefinition } from "./hearing-notice";
import { hearingRecordDefinition } from "./hearing-record";
import { panelOpinionFormDefinition } from "./panel-opinion-form";
import { panelistInvitationDefinition } from "./panelist-invitation";
import { proofOfServiceDefinition } from "./proof-of-service";
import { recommendationDefinition } from "./recommendation";

// The definitions of the kinds generated from a hearing or a recommendation: hearing_announcement,
// hearing_notice, panelist_invitation, hearing_record, panel_opinion_form, recommendation,
// proof_of_service. One file per kind beside this one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own source type
export const HEARING_KIND_DEFINITIONS: KindDefinition<any>[] = [
  hearingAnnouncementDefinition,
  hearingNoticeDefinition,
  panelistInvitationDefinition,
  hearingRecordDefinition,
  panelOpinionFormDefinition,
  recommendationDefinition,
  proofOfServiceDefinition,
];
