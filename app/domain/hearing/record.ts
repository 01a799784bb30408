import type { OpinionTally } from "~/domain/hearing/majority";
import { tallyOpinions } from "~/domain/hearing/majority";
import { countedOpinions, opinionsUnsealed } from "~/domain/hearing/opinions";
import { HEARING_STAGES, hearingStageSchema } from "~/domain/hearing/states";
import type { HearingStage } from "~/domain/hearing/states";

// The hearing record (听证笔录, 听证规定 ~Art 17; DOMAIN.md §2), as structured data: the documents
// issue renders it to .docx, the record page prints it. Pure: the model gathers the rows.
// Fields (DOMAIN.md §2): time and place; cause; host; clerk; panelists (name, identity category);
// participants with their units and posts; public or closed, and attendance; each stage in order
// with its minutes; a summary of the deliberation result; each opinion (only once unsealed); final
// statements; the host's summary; a signature block (host, handling prosecutor, each panelist, each
// participant present).

export type RecordSource = {
  hearing: {
    id: string;
    title: string;
    purpose: string | null;
    venue: string;
    startsAt: Date;
    endsAt: Date | null;
    isPublic: boolean;
    closedReason: string | null;
    status: string;
    deliberationClosedAt: Date | null;
    deliberationSummary: string | null;
    hostSummary: string | null;
    concludedAt: Date | null;
  };
  host: { id: string; displayName: string; post: string | null };
  clerk: { id: string; displayName: string; post: string | null } | null;
  cases: {
    id: string;
    ordinal: number;
    number: string | null;
    title: string;
    respondent: string | null;
    issues: string | null;
    proposedHandling: string;
    proposal: string | null;
    lead: { id: string; displayName: string; post: string | null } | null;
  }[];
  panelists: {
    panelistId: string;
    name: string;
    category: string;
    workUnit: string | null;
    recused: boolean;
    recusalReason: string | null;
    attended: boolean | null;
  }[];
  participants: {
    id: string;
    kind: string;
    organisation: string;
    name: string;
    post: string | null;
    attended: boolean | null;
  }[];
  stages: { stage: string; startedAt: Date; endedAt: Date | null; minutes: string | null }[];
  opinions: {
    caseId: string;
    panelistId: string;
    stance: string;
    reasons: string;
    conditions: string | null;
    signedName: string;
    submittedAt: Date;
  }[];
};

export type SignatureRole = "host" | "handling_prosecutor" | "clerk" | "panelist" | "participant";
export type SignatureLine = { role: SignatureRole; name: string; unit: string | null; post: string | null };

export type HearingRecord = {
  hearingId: string;
  title: string;
  /** 听证事由: the hearing's title and its issues in brief, with each case heard. */
  cause: { title: string; purpose: string | null };
  startsAt: Date;
  endsAt: Date | null;
  venue: string;
  host: { name: string; post: string | null };
  clerk: { name: string; post: string | null } | null;
  isPublic: boolean;
  closedReason: string | null;
  cases: RecordSource["cases"];
  panelists: {
    name: string;
    category: string;
    workUnit: string | null;
    recused: boolean;
    recusalReason: string | null;
    attended: boolean | null;
  }[];
  participants: { kind: string; organisation: string; name: string; post: string | null; attended: boolean | null }[];
  attendance: { panelistsPresent: number; panelistsSeated: number; participantsPresent: number; participants: number };
  /** Each stage reached, in the order of business, with its minutes. */
  stages: { stage: HearingStage; startedAt: Date; endedAt: Date | null; minutes: string | null }[];
  deliberationSummary: string | null;
  /** The opinions per case with the tally, or null while they are sealed (opinionsUnsealed). */
  opinions:
    | {
        caseId: string;
        caseLabel: string;
        tally: OpinionTally;
        items: { panelistName: string; category: string; stance: string; reasons: string; conditions: string | null; signedName: string; submittedAt: Date }[];
      }[]
    | null;
  /** The minutes of stage 'final_statements' (听证规定 Art 15(6)). */
  finalStatements: string | null;
  hostSummary: string | null;
  concluded: boolean;
  concludedAt: Date | null;
  signatures: SignatureLine[];
};

export function buildHearingRecord(src: RecordSource): HearingRecord {
  const h = src.hearing;
  const seated = src.panelists.filter((p) => !p.recused);
  const stageOrder = (s: string) => HEARING_STAGES.indexOf(s as HearingStage);
  const stages = src.stages
    .filter((s) => hearingStageSchema.safeParse(s.stage).success)
    .map((s) => ({ ...s, stage: s.stage as HearingStage }))
    .sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage));
  const byPanelist = new Map(src.panelists.map((p) => [p.panelistId, p]));
  const cases = [...src.cases].sort((a, b) => a.ordinal - b.ordinal);

  // The one sealing rule: no opinion in the record until the host closed deliberation.
  const opinions = opinionsUnsealed(h)
    ? cases.map((c) => {
        const counted = countedOpinions(
          src.opinions.filter((o) => o.caseId === c.id),
          src.panelists,
        );
        return {
          caseId: c.id,
          caseLabel: c.number ? `${c.number} ${c.title}` : c.title,
          tally: tallyOpinions(counted),
          items: counted.map((o) => ({
            panelistName: byPanelist.get(o.panelistId)?.name ?? o.signedName,
            category: byPanelist.get(o.panelistId)?.category ?? "",
            stance: o.stance,
            reasons: o.reasons,
            conditions: o.conditions,
            signedName: o.signedName,
            submittedAt: o.submittedAt,
          })),
        };
      })
    : null;

  // Signature block (DOMAIN.md §2): the host, the handling prosecutor(s) (each case's lead, once),
  // the clerk who kept the record, each seated panelist not marked absent, each participant present.
  const signatures: SignatureLine[] = [{ role: "host", name: src.host.displayName, unit: null, post: src.host.post }];
  const leads = new Map<string, { displayName: string; post: string | null }>();
  for (const c of cases) if (c.lead && !leads.has(c.lead.id)) leads.set(c.lead.id, c.lead);
  for (const lead of leads.values()) signatures.push({ role: "handling_prosecutor", name: lead.displayName, unit: null, post: lead.post });
  if (src.clerk) signatures.push({ role: "clerk", name: src.clerk.displayName, unit: null, post: src.clerk.post });
  for (const p of seated) {
    if (p.attended === false) continue;
    signatures.push({ role: "panelist", name: p.name, unit: p.workUnit, post: null });
  }
  for (const p of src.participants) {
    if (p.kind === "observer" || p.attended !== true) continue;
    signatures.push({ role: "participant", name: p.name, unit: p.organisation, post: p.post });
  }

  const participants = src.participants.filter((p) => p.kind !== "observer");
  return {
    hearingId: h.id,
    title: h.title,
    cause: { title: h.title, purpose: h.purpose },
    startsAt: h.startsAt,
    endsAt: h.endsAt,
    venue: h.venue,
    host: { name: src.host.displayName, post: src.host.post },
    clerk: src.clerk ? { name: src.clerk.displayName, post: src.clerk.post } : null,
    isPublic: h.isPublic,
    closedReason: h.isPublic ? null : h.closedReason,
    cases,
    panelists: src.panelists.map((p) => ({
      name: p.name,
      category: p.category,
      workUnit: p.workUnit,
      recused: p.recused,
      recusalReason: p.recusalReason,
      attended: p.recused ? null : p.attended,
    })),
    participants: participants.map((p) => ({ kind: p.kind, organisation: p.organisation, name: p.name, post: p.post, attended: p.attended })),
    attendance: {
      panelistsPresent: seated.filter((p) => p.attended === true).length,
      panelistsSeated: seated.length,
      participantsPresent: participants.filter((p) => p.attended === true).length,
      participants: participants.length,
    },
    stages,
    deliberationSummary: h.deliberationSummary,
    opinions,
    finalStatements: stages.find((s) => s.stage === "final_statements")?.minutes ?? null,
    hostSummary: h.hostSummary,
    concluded: h.status === "concluded",
    concludedAt: h.concludedAt,
    signatures,
  };
}
