import { httpError } from "~/utils/errors";

/** Forms carry text; files go through the evidence upload, which streams. */
export const MAX_FORM_BYTES = 256 * 1024;

/**
 * Reads a form body for an action: a body larger than MAX_FORM_BYTES answers 413 before it is
 * read, and a body that is not a form (JSON, plain text, a broken encoding) answers 400.
 */
export async function readForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormData> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) httpError(413);
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) httpError(400);
  let body: ArrayBuffer;
  try {
    body = await readCapped(request, maxBytes);
  } catch (error) {
    if (error instanceof Response) throw error;
    return httpError(400);
  }
  try {
    return await new Response(body, { headers: { "Content-Type": type } }).formData();
  } catch {
    return httpError(400);
  }
}

/** Reads the body, stopping at the cap even when Content-Length is missing or wrong. */
async function readCapped(request: Request, maxBytes: number): Promise<ArrayBuffer> {
  if (!request.body) return new ArrayBuffer(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      httpError(413);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out.buffer;
}
