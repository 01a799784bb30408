-- CreateTable
CREATE TABLE "Procuratorate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "region" TEXT,
    "address" TEXT,
    "phone" TEXT,
    "parentId" TEXT,
    "clueEvaluationDays" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Procuratorate_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Procuratorate" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "post" TEXT,
    "department" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "locale" TEXT,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "agencyId" TEXT,
    "panelistId" TEXT,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "User_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_panelistId_fkey" FOREIGN KEY ("panelistId") REFERENCES "Panelist" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "userAgent" TEXT,
    "ip" TEXT,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "username" TEXT NOT NULL,
    "ip" TEXT,
    "success" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "username" TEXT,
    "agencyId" TEXT,
    "panelistId" TEXT,
    "invitedById" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "usedById" TEXT,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invitation_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Invitation_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Invitation_panelistId_fkey" FOREIGN KEY ("panelistId") REFERENCES "Panelist" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Invitation_usedById_fkey" FOREIGN KEY ("usedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "kind" TEXT,
    "head" TEXT,
    "address" TEXT,
    "phone" TEXT,
    "superiorAgencyId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Agency_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Agency_superiorAgencyId_fkey" FOREIGN KEY ("superiorAgencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Panelist" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" TEXT,
    "birthOn" TEXT,
    "category" TEXT NOT NULL,
    "workUnit" TEXT,
    "title" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "barred" BOOLEAN NOT NULL DEFAULT false,
    "barredReason" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "joinedOn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Panelist_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PanelistAffiliation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "panelistId" TEXT NOT NULL,
    "agencyId" TEXT,
    "organisation" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "sinceOn" TEXT,
    "untilOn" TEXT,
    CONSTRAINT "PanelistAffiliation_panelistId_fkey" FOREIGN KEY ("panelistId") REFERENCES "Panelist" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PanelistAffiliation_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Clue" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "receivedOn" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "location" TEXT,
    "informantName" TEXT,
    "informantPhone" TEXT,
    "informantIdNumber" TEXT,
    "status" TEXT NOT NULL DEFAULT 'registered',
    "evaluation" TEXT,
    "registeredById" TEXT NOT NULL,
    "assigneeId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Clue_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Clue_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Clue_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseSeries" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CaseSeries_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT NOT NULL,
    "seriesId" TEXT,
    "clueId" TEXT,
    "number" TEXT,
    "title" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'evaluation',
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "summary" TEXT,
    "respondentAgencyId" TEXT,
    "respondentUnknown" BOOLEAN NOT NULL DEFAULT false,
    "leadProsecutorId" TEXT NOT NULL,
    "filedOn" TEXT,
    "closedOn" TEXT,
    "suspendedOn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Case_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Case_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "CaseSeries" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Case_clueId_fkey" FOREIGN KEY ("clueId") REFERENCES "Clue" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Case_respondentAgencyId_fkey" FOREIGN KEY ("respondentAgencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Case_leadProsecutorId_fkey" FOREIGN KEY ("leadProsecutorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseMember" (
    "caseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    PRIMARY KEY ("caseId", "userId"),
    CONSTRAINT "CaseMember_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseTransition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "fromState" TEXT NOT NULL,
    "toState" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "approvalId" TEXT,
    "reason" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseTransition_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT,
    "collectedOn" TEXT,
    "collectedBy" TEXT,
    "source" TEXT,
    "isOriginal" BOOLEAN NOT NULL DEFAULT false,
    "containsPersonal" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Evidence_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evidenceId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EvidenceFile_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustodyEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evidenceId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "location" TEXT,
    "note" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CustodyEvent_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CustodyEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "heldOn" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "place" TEXT,
    "attendees" TEXT,
    "facts" TEXT,
    "agencyPosition" TEXT,
    "rectificationPlan" TEXT,
    "minutes" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Consultation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Hearing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT NOT NULL,
    "seriesId" TEXT,
    "title" TEXT NOT NULL,
    "purpose" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT true,
    "closedReason" TEXT,
    "venue" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME,
    "hostId" TEXT NOT NULL,
    "clerkId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "announcement" TEXT,
    "announcedAt" DATETIME,
    "contactPhone" TEXT,
    "observerSeats" INTEGER,
    "deliberationSummary" TEXT,
    "hostSummary" TEXT,
    "concludedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Hearing_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Hearing_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "CaseSeries" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Hearing_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Hearing_clerkId_fkey" FOREIGN KEY ("clerkId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HearingCase" (
    "hearingId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "sessionAt" DATETIME,
    "issues" TEXT,

    PRIMARY KEY ("hearingId", "caseId"),
    CONSTRAINT "HearingCase_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HearingCase_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HearingPanelist" (
    "hearingId" TEXT NOT NULL,
    "panelistId" TEXT NOT NULL,
    "invitedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "declaredAt" DATETIME,
    "declaration" TEXT,
    "recused" BOOLEAN NOT NULL DEFAULT false,
    "recusalReason" TEXT,
    "attended" BOOLEAN,

    PRIMARY KEY ("hearingId", "panelistId"),
    CONSTRAINT "HearingPanelist_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HearingPanelist_panelistId_fkey" FOREIGN KEY ("panelistId") REFERENCES "Panelist" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HearingParticipant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hearingId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "agencyId" TEXT,
    "organisation" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "post" TEXT,
    "phone" TEXT,
    "attended" BOOLEAN,
    CONSTRAINT "HearingParticipant_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HearingParticipant_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HearingEvidence" (
    "hearingId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "disclosedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disclosedById" TEXT NOT NULL,

    PRIMARY KEY ("hearingId", "evidenceId"),
    CONSTRAINT "HearingEvidence_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HearingEvidence_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PanelOpinion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hearingId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "panelistId" TEXT NOT NULL,
    "stance" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "conditions" TEXT,
    "signedName" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PanelOpinion_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PanelOpinion_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PanelOpinion_panelistId_fkey" FOREIGN KEY ("panelistId") REFERENCES "Panelist" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HearingObserverRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hearingId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "organisation" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HearingObserverRequest_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "number" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "facts" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "replyPeriod" TEXT NOT NULL DEFAULT 'two_months',
    "ccList" TEXT,
    "issuedOn" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Recommendation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecommendationPoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "RecommendationPoint_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "documentKind" TEXT NOT NULL,
    "documentNumber" TEXT,
    "recommendationId" TEXT,
    "documentId" TEXT,
    "agencyId" TEXT,
    "recipient" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "place" TEXT,
    "servedOn" TEXT NOT NULL,
    "signedBy" TEXT,
    "refusalReason" TEXT,
    "witness" TEXT,
    "serverName" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Service_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Service_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Service_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "GeneratedDocument" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Service_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reply" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "submittedById" TEXT,
    "summary" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Reply_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Reply_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Reply_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReplyAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "replyId" TEXT NOT NULL,
    "pointId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "ReplyAnswer_replyId_fkey" FOREIGN KEY ("replyId") REFERENCES "Reply" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReplyAnswer_pointId_fkey" FOREIGN KEY ("pointId") REFERENCES "RecommendationPoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReplyAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "replyId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReplyAttachment_replyId_fkey" FOREIGN KEY ("replyId") REFERENCES "Reply" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "recommendationId" TEXT,
    "assessedOn" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "findings" TEXT NOT NULL,
    "conclusion" TEXT NOT NULL,
    "disposition" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FollowUp_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT NOT NULL,
    "caseId" TEXT,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "payload" TEXT,
    "requestedById" TEXT NOT NULL,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "comment" TEXT,
    CONSTRAINT "Approval_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Approval_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Approval_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Approval_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeadlineExtension" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "extraDays" INTEGER,
    "extraMonths" INTEGER,
    "reason" TEXT NOT NULL,
    "approvalId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeadlineExtension_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeadlineExtension_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HolidayOverride" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HolidayOverride_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentNumberCode" (
    "procuratorateId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "code" TEXT NOT NULL,

    PRIMARY KEY ("procuratorateId", "kind"),
    CONSTRAINT "DocumentNumberCode_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentNumberCounter" (
    "procuratorateId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    PRIMARY KEY ("procuratorateId", "code", "year"),
    CONSTRAINT "DocumentNumberCounter_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "activeVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocumentTemplate_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentTemplateVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "templateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "fields" TEXT NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocumentTemplateVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "DocumentTemplate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GeneratedDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT NOT NULL,
    "caseId" TEXT,
    "hearingId" TEXT,
    "kind" TEXT NOT NULL,
    "number" TEXT,
    "title" TEXT NOT NULL,
    "templateVersionId" TEXT,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "agencyId" TEXT,
    "agencyVisible" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GeneratedDocument_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GeneratedDocument_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "GeneratedDocument_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "GeneratedDocument_templateVersionId_fkey" FOREIGN KEY ("templateVersionId") REFERENCES "DocumentTemplateVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "GeneratedDocument_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "GeneratedDocument_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "procuratorateId" TEXT,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "caseId" TEXT,
    "data" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "AuditEvent_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_panelistId_key" ON "User"("panelistId");

-- CreateIndex
CREATE INDEX "User_procuratorateId_role_idx" ON "User"("procuratorateId", "role");

-- CreateIndex
CREATE INDEX "User_agencyId_idx" ON "User"("agencyId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "LoginAttempt_username_createdAt_idx" ON "LoginAttempt"("username", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_procuratorateId_idx" ON "Invitation"("procuratorateId");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_procuratorateId_name_key" ON "Agency"("procuratorateId", "name");

-- CreateIndex
CREATE INDEX "Panelist_procuratorateId_category_idx" ON "Panelist"("procuratorateId", "category");

-- CreateIndex
CREATE INDEX "PanelistAffiliation_panelistId_idx" ON "PanelistAffiliation"("panelistId");

-- CreateIndex
CREATE INDEX "PanelistAffiliation_agencyId_idx" ON "PanelistAffiliation"("agencyId");

-- CreateIndex
CREATE INDEX "Clue_procuratorateId_status_idx" ON "Clue"("procuratorateId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Clue_procuratorateId_number_key" ON "Clue"("procuratorateId", "number");

-- CreateIndex
CREATE INDEX "CaseSeries_procuratorateId_idx" ON "CaseSeries"("procuratorateId");

-- CreateIndex
CREATE INDEX "Case_procuratorateId_state_idx" ON "Case"("procuratorateId", "state");

-- CreateIndex
CREATE INDEX "Case_seriesId_idx" ON "Case"("seriesId");

-- CreateIndex
CREATE INDEX "Case_respondentAgencyId_idx" ON "Case"("respondentAgencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_procuratorateId_number_key" ON "Case"("procuratorateId", "number");

-- CreateIndex
CREATE INDEX "CaseMember_userId_idx" ON "CaseMember"("userId");

-- CreateIndex
CREATE INDEX "CaseTransition_caseId_at_idx" ON "CaseTransition"("caseId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_caseId_ordinal_key" ON "Evidence"("caseId", "ordinal");

-- CreateIndex
CREATE INDEX "EvidenceFile_evidenceId_idx" ON "EvidenceFile"("evidenceId");

-- CreateIndex
CREATE INDEX "EvidenceFile_sha256_idx" ON "EvidenceFile"("sha256");

-- CreateIndex
CREATE INDEX "CustodyEvent_evidenceId_at_idx" ON "CustodyEvent"("evidenceId", "at");

-- CreateIndex
CREATE INDEX "Hearing_procuratorateId_startsAt_idx" ON "Hearing"("procuratorateId", "startsAt");

-- CreateIndex
CREATE INDEX "HearingCase_caseId_idx" ON "HearingCase"("caseId");

-- CreateIndex
CREATE INDEX "HearingPanelist_panelistId_idx" ON "HearingPanelist"("panelistId");

-- CreateIndex
CREATE INDEX "HearingParticipant_hearingId_idx" ON "HearingParticipant"("hearingId");

-- CreateIndex
CREATE INDEX "HearingParticipant_agencyId_idx" ON "HearingParticipant"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "PanelOpinion_hearingId_caseId_panelistId_key" ON "PanelOpinion"("hearingId", "caseId", "panelistId");

-- CreateIndex
CREATE INDEX "HearingObserverRequest_hearingId_idx" ON "HearingObserverRequest"("hearingId");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_caseId_number_key" ON "Recommendation"("caseId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationPoint_recommendationId_ordinal_key" ON "RecommendationPoint"("recommendationId", "ordinal");

-- CreateIndex
CREATE INDEX "Service_caseId_idx" ON "Service"("caseId");

-- CreateIndex
CREATE INDEX "Service_agencyId_idx" ON "Service"("agencyId");

-- CreateIndex
CREATE INDEX "Reply_recommendationId_idx" ON "Reply"("recommendationId");

-- CreateIndex
CREATE INDEX "Reply_agencyId_idx" ON "Reply"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "ReplyAnswer_replyId_pointId_key" ON "ReplyAnswer"("replyId", "pointId");

-- CreateIndex
CREATE INDEX "ReplyAttachment_replyId_idx" ON "ReplyAttachment"("replyId");

-- CreateIndex
CREATE INDEX "FollowUp_caseId_idx" ON "FollowUp"("caseId");

-- CreateIndex
CREATE INDEX "Approval_procuratorateId_decision_idx" ON "Approval"("procuratorateId", "decision");

-- CreateIndex
CREATE INDEX "Approval_caseId_idx" ON "Approval"("caseId");

-- CreateIndex
CREATE INDEX "DeadlineExtension_caseId_idx" ON "DeadlineExtension"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "HolidayOverride_procuratorateId_date_key" ON "HolidayOverride"("procuratorateId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentTemplate_procuratorateId_kind_key" ON "DocumentTemplate"("procuratorateId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentTemplateVersion_templateId_version_key" ON "DocumentTemplateVersion"("templateId", "version");

-- CreateIndex
CREATE INDEX "GeneratedDocument_caseId_idx" ON "GeneratedDocument"("caseId");

-- CreateIndex
CREATE INDEX "GeneratedDocument_agencyId_idx" ON "GeneratedDocument"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_procuratorateId_at_idx" ON "AuditEvent"("procuratorateId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_caseId_at_idx" ON "AuditEvent"("caseId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

