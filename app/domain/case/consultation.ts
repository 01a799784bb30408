import { z } from "zod";

/**
 * How a 磋商 (consultation) with the agency was held, Consultation.method (规则 Art 70: by meeting
 * or by a 事实确认书). Labels: cases.consultationMethod.<method>.
 */
export const CONSULTATION_METHODS = [
  "meeting", // 磋商会议, with minutes (规则 Art 70)
  "fact_confirmation", // 事实确认书 sent to the agency (规则 Art 70)
] as const;
export const consultationMethodSchema = z.enum(CONSULTATION_METHODS);
export type ConsultationMethod = z.infer<typeof consultationMethodSchema>;
