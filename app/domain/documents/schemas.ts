import { z } from "zod";
import { documentKindSchema } from "./kinds";

// The forms of document generation (preview, issue, regenerate and verify, the series batch), each
// one schema used by the browser and the action. Pure.

const id = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(120);

/** Issue one document of a kind from its subject (a case, clue, consultation, hearing seat…). */
export const issueDocumentSchema = z.object({
  kind: documentKindSchema,
  subjectId: id,
});
export type IssueDocumentInput = z.infer<typeof issueDocumentSchema>;

/** The preview page's query (?kind=&subject=): the same pair, read from the URL. */
export const previewQuerySchema = z.object({
  kind: documentKindSchema,
  subject: id,
});

/** Start the series batch (recommendation letters and proofs of service): a confirmation only. */
export const startBatchSchema = z.object({
  intent: z.literal("startBatch"),
});

/** A batch that has run this long without finishing is shown as interrupted (its process died). */
export const BATCH_STALE_AFTER_MS = 10 * 60 * 1000;
/** How often the series page asks for a running batch's progress. */
export const BATCH_POLL_MS = 700;

/** A batch's failure, by the name of the document that could not be made. */
export const batchFailureSchema = z.object({ name: z.string(), error: z.string() });
export type BatchFailure = z.infer<typeof batchFailureSchema>;

/** What the page shows of a batch: running, done, failed, or interrupted (running past BATCH_STALE_AFTER_MS). */
export type BatchView = "running" | "done" | "failed" | "interrupted";

export function batchViewOf(batch: { status: string; createdAt: Date | string }, now: Date = new Date()): BatchView {
  if (batch.status === "running") {
    return now.getTime() - new Date(batch.createdAt).getTime() > BATCH_STALE_AFTER_MS ? "interrupted" : "running";
  }
  return batch.status === "done" ? "done" : "failed";
}

/** A document's file name for a download header and a zip entry: no control or path characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = name.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, "").replace(/\s+/g, " ").trim();
  return clean || "document.docx";
}

/**
 * Orders 文号 by year and then by the numeric sequence ("〔2022〕10号" after "〔2022〕2号", which a
 * string sort would reverse); a missing or unparsable number comes last, then by its text.
 */
export function compareDocumentNumbers(a: string | null, b: string | null): number {
  const parse = (n: string | null) => {
    const m = n ? /〔(\d{4})〕(\d+)号/.exec(n) : null;
    return m ? [Number(m[1]), Number(m[2])] : null;
  };
  const pa = parse(a);
  const pb = parse(b);
  if (pa && pb) return pa[0]! - pb[0]! || pa[1]! - pb[1]! || (a ?? "").localeCompare(b ?? "");
  if (pa) return -1;
  if (pb) return 1;
  return (a ?? "").localeCompare(b ?? "");
}
