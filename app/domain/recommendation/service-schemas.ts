import { z } from "zod";

import { isoDateSchema } from "~/domain/common/dates";
import { serviceMethodSchema } from "~/domain/recommendation/states";

// The service form (送达, 规则 Art 76; 民诉法 Arts 87–89): how a recommendation, or another document
// addressed to the agency, reached it.
// One schema with the method's rules, read by the browser (Conform) and the action.

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const required = (max: number) =>
  z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");
const optional = (max: number) => z.preprocess(blank, z.string().trim().max(max, "validation.tooLong").optional());
const id = z.string({ error: "validation.invalid" }).min(1, "validation.invalid").max(64, "validation.invalid");

/** The fields of one service record, whatever is served; `today` (Asia/Shanghai) bounds the date: no service in the future. */
function serviceDetails(today: string) {
  return {
    method: serviceMethodSchema.or(z.undefined()).refine((v) => v !== undefined, "validation.required"),
    // The signature date on the 送达回证 is the service date and starts the reply clock (民诉法 Art 87).
    servedOn: isoDateSchema.refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || v <= today, "agencyReply.service.futureDate"),
    place: required(200),
    recipient: required(200),
    signedBy: optional(100),
    attendees: optional(1000),
    refusalReason: optional(1000),
    witness: optional(200),
    serverName: required(200),
    note: optional(2000),
  };
}

type MethodFields = { method?: string; attendees?: string; refusalReason?: string; witness?: string; signedBy?: string };

/** The method's rules, the same for a recommendation and for any other served document. */
function methodRules(v: MethodFields, ctx: z.RefinementCtx) {
  // 宣告送达 with NPC deputies or people's supervisors present (规则 Art 76; 建议规定 Art 18).
  if (v.method === "announcement" && !v.attendees) {
    ctx.addIssue({ code: "custom", path: ["attendees"], message: "agencyReply.service.attendeesRequired" });
  }
  // 留置送达: the refusal and a witness are recorded (民诉法 Art 89).
  if (v.method === "leaving") {
    if (!v.refusalReason) ctx.addIssue({ code: "custom", path: ["refusalReason"], message: "agencyReply.service.refusalRequired" });
    if (!v.witness) ctx.addIssue({ code: "custom", path: ["witness"], message: "agencyReply.service.witnessRequired" });
    if (v.signedBy) ctx.addIssue({ code: "custom", path: ["signedBy"], message: "agencyReply.service.leavingNoSigner" });
  }
  // Direct and announced service are signed for on the 送达回证 (民诉法 Art 87).
  if ((v.method === "direct" || v.method === "announcement") && !v.signedBy) {
    ctx.addIssue({ code: "custom", path: ["signedBy"], message: "agencyReply.service.signerRequired" });
  }
}

/** The service of an approved recommendation (规则 Art 76). */
export function serviceFieldsSchema(today: string) {
  return z
    .object({ intent: z.literal("serve"), recommendationId: id, ...serviceDetails(today) })
    .superRefine(methodRules);
}

/** The service of another issued document addressed to the agency (立案决定书, 事实确认书, 终结案件决定书 …). */
export function documentServiceFieldsSchema(today: string) {
  return z
    .object({ intent: z.literal("serveDocument"), documentId: id, ...serviceDetails(today) })
    .superRefine(methodRules);
}
export type ServiceFields = z.output<ReturnType<typeof serviceFieldsSchema>>;
export type DocumentServiceFields = z.output<ReturnType<typeof documentServiceFieldsSchema>>;
/** What a service record holds besides what was served. */
export type ServiceDetails = Omit<ServiceFields, "intent" | "recommendationId">;

/** The service tab's forms: record a service, or invite the agency's first liaison after one. */
export function serviceActionSchema(today: string) {
  return z.discriminatedUnion("intent", [
    serviceFieldsSchema(today),
    documentServiceFieldsSchema(today),
    z.object({
      intent: z.literal("inviteLiaison"),
      agencyId: id,
      displayName: required(100),
    }),
  ]);
}
