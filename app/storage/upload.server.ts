import busboy from "busboy";
import type { Readable } from "node:stream";
import type { StagedFile } from "~/storage/file-store.server";
import { discardStaged, FileTooLargeError, stageStream } from "~/storage/file-store.server";
import { sanitizeFileName } from "~/storage/file-name";
import { SNIFF_BYTES, sniffMimeType } from "~/storage/sniff.server";
import { MAX_DISCARD_BYTES, discardRest as discardUpTo, isCleanText } from "~/utils/form.server";
import { AppError } from "~/utils/errors";

// Streaming multipart parsing for evidence uploads (docs/decisions/0014-evidence-upload.md). The
// request body is fed to busboy chunk by chunk with backpressure; each file part is hashed and
// written to a temporary file as it arrives (stageStream), so memory stays flat whatever the size.
// Files are placed under their hash only once the whole request was read without error; on any
// error every temporary file of the request is removed and the rest of the body is drained (up to
// MAX_DISCARD_BYTES, so the client sees the answer) or the stream cancelled.

/** The field that carries files (repeatable), as evidenceUploadPath documents it. */
export const UPLOAD_FILE_FIELD = "file";
/** At most this many files in one request. */
export const MAX_FILES_PER_UPLOAD = 20;
const MAX_FIELDS = 10;
const MAX_FIELD_BYTES = 1024;

export type ReceivedFile = StagedFile & { fileName: string; mimeType: string };
export type ReceivedUpload = { files: ReceivedFile[]; fields: Record<string, string> };

/** A bad upload request (400); messageKey says what was wrong. */
export class BadUploadError extends AppError {
  constructor(messageKey = "evidenceItems.upload.bad") {
    super(messageKey, 400);
    this.name = "BadUploadError";
  }
}

/**
 * Reads a multipart/form-data upload: files of the "file" field staged (hashed, flushed, in
 * DATA_DIR/files/tmp; place them with placeStaged, or discardStaged), other fields as text. Throws
 * FileTooLargeError (413) when a file passes maxBytes, BadUploadError (400) for anything malformed
 * (not multipart, no file, an empty file, too many files or fields, an unclean field); in both
 * cases nothing is left in the store.
 */
export async function receiveUpload(request: Request, { maxBytes, root }: { maxBytes: number; root?: string }): Promise<ReceivedUpload> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type) || !request.body) {
    await request.body?.cancel().catch(() => undefined);
    throw new BadUploadError("evidenceItems.upload.notMultipart");
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": type },
      defParamCharset: "utf8", // browsers send file names as raw UTF-8 (Chinese names)
      limits: { files: MAX_FILES_PER_UPLOAD, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FILES_PER_UPLOAD + MAX_FIELDS },
    });
  } catch {
    await request.body.cancel().catch(() => undefined);
    throw new BadUploadError("evidenceItems.upload.notMultipart");
  }

  let failure: unknown = null;
  const active = new Set<Readable>();
  // What the body loop is waiting for (a read, the parser's drain, the parser's end) ends early at
  // the first failure. Never race against one long-lived "failed" promise: every race leaves a
  // reaction on it that holds the race's result, so a loop racing each read against it retained
  // every chunk of the body until the request ended (RSS grew by the file's size; addendum of
  // docs/decisions/0014). The interrupter below is set per wait and cleared when the wait ends.
  let interrupt: (() => void) | null = null;
  const fail = (error: unknown) => {
    if (failure) return;
    failure = error;
    for (const stream of active) stream.destroy(error instanceof Error ? error : new Error(String(error)));
    interrupt?.();
  };

  const pending: Promise<ReceivedFile | null>[] = [];
  const fields: Record<string, string> = {};

  parser.on("file", (name, stream, info) => {
    // A stream that is only drained must not throw when the parser is cut short under it.
    stream.on("error", () => undefined);
    if (failure) return void stream.resume();
    if (name !== UPLOAD_FILE_FIELD) {
      stream.resume();
      return fail(new BadUploadError());
    }
    // A file input with nothing chosen sends an empty part without a name: skip it.
    const unnamed = !info.filename;
    active.add(stream);
    const head: Buffer[] = [];
    let headSize = 0;
    async function* capture() {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (headSize < SNIFF_BYTES) {
          // A copy: a view would keep the whole chunk (and the buffer it lies in) alive.
          head.push(Buffer.from(chunk.subarray(0, SNIFF_BYTES - headSize)));
          headSize += Math.min(chunk.length, SNIFF_BYTES - headSize);
        }
        yield chunk;
      }
    }
    pending.push(
      (async () => {
        try {
          const staged = await stageStream(capture(), { maxBytes, root });
          if (staged.size === 0n) {
            await discardStaged([staged]);
            if (!unnamed) fail(new BadUploadError("evidenceItems.upload.empty"));
            return null;
          }
          return { ...staged, fileName: sanitizeFileName(info.filename), mimeType: await sniffMimeType(Buffer.concat(head)) };
        } catch (error) {
          fail(error);
          return null;
        } finally {
          active.delete(stream);
        }
      })(),
    );
  });
  parser.on("field", (name, value, info) => {
    if (info.nameTruncated || info.valueTruncated || !isCleanText(name) || !isCleanText(value)) return fail(new BadUploadError());
    fields[name] = value;
  });
  parser.on("filesLimit", () => fail(new BadUploadError("evidenceItems.upload.tooMany")));
  parser.on("fieldsLimit", () => fail(new BadUploadError()));
  parser.on("partsLimit", () => fail(new BadUploadError()));
  const parsed = new Promise<void>((resolve) => {
    parser.on("close", resolve);
    parser.on("error", () => {
      fail(new BadUploadError());
      resolve();
    });
  });

  /** Waits for `wait`, or until the first failure (then resolves undefined). */
  const untilFailure = <T>(wait: Promise<T>, stop?: () => void): Promise<T | undefined> =>
    failure
      ? Promise.resolve(undefined)
      : new Promise<T | undefined>((resolve, reject) => {
          const mine = () => {
            stop?.();
            resolve(undefined);
          };
          interrupt = mine;
          const done = () => {
            if (interrupt === mine) interrupt = null;
          };
          wait.then(
            (value) => {
              done();
              resolve(value);
            },
            (error: unknown) => {
              done();
              reject(error);
            },
          );
        });

  // Feed the body to the parser with backpressure, stopping at the first failure.
  const reader = request.body.getReader();
  try {
    for (;;) {
      if (failure) break;
      const next = await untilFailure(reader.read());
      if (failure || !next) break;
      if (next.done) {
        parser.end();
        break;
      }
      if (!parser.write(next.value)) {
        let onDrain: () => void = () => undefined;
        await untilFailure(new Promise<void>((r) => parser.once("drain", (onDrain = r))), () => parser.off("drain", onDrain));
      }
    }
  } catch {
    fail(new BadUploadError()); // the client went away or sent a broken body
  }
  if (!failure) await untilFailure(parsed);
  const settled = await Promise.all(pending);
  const files = settled.filter((f): f is ReceivedFile => f !== null);
  if (!failure && files.length === 0) fail(new BadUploadError("evidenceItems.upload.noFile"));
  if (failure) {
    await discardStaged(files);
    parser.removeAllListeners("file");
    parser.on("error", () => undefined); // a parser cut short complains of the missing end
    if (!parser.destroyed) parser.destroy();
    await discardRest(reader);
    throw failure instanceof AppError ? failure : new BadUploadError();
  }
  return { files, fields };
}

/** Drains (or cancels) a body nobody read, when a request is refused before its upload was parsed. */
export async function drainBody(request: Request): Promise<void> {
  const body = request.body;
  if (!body || body.locked) return;
  await discardRest(body.getReader());
}

/**
 * Reads and drops the rest of a refused body (up to MAX_DISCARD_BYTES, so that a client still
 * sending sees the answer rather than a reset), then cancels it, which closes the connection.
 */
const discardRest = (reader: ReadableStreamDefaultReader<Uint8Array>) => discardUpTo(reader, MAX_DISCARD_BYTES);

export { FileTooLargeError };
