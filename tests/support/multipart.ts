import { randomBytes } from "node:crypto";

// Multipart request bodies streamed chunk by chunk, as a browser sends an upload: for tests of
// the evidence upload route, which parses the body itself (it must never hold a file in memory).

export type Part =
  | { name: string; value: string }
  | { name: string; filename: string; contentType?: string; data: Uint8Array | (() => AsyncIterable<Uint8Array>) };

/** A deterministic stream of `size` bytes in 64 KiB chunks (pseudo-random, so it does not compress). */
export function generated(size: number, seed = 1): () => AsyncIterable<Uint8Array> {
  return async function* () {
    let x = seed >>> 0 || 1;
    for (let done = 0; done < size; ) {
      const n = Math.min(64 * 1024, size - done);
      const chunk = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        chunk[i] = x & 255;
      }
      done += n;
      yield chunk;
    }
  };
}

/** The body (a ReadableStream) and Content-Type of a multipart/form-data request. */
export function multipartBody(parts: Part[]): { body: ReadableStream<Uint8Array>; contentType: string } {
  const boundary = `----procura${randomBytes(8).toString("hex")}`;
  const enc = new TextEncoder();
  async function* generate() {
    for (const part of parts) {
      if ("value" in part) {
        yield enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`);
        continue;
      }
      yield enc.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename.replace(/"/g, "%22")}"\r\n` +
          `Content-Type: ${part.contentType ?? "application/octet-stream"}\r\n\r\n`,
      );
      if (part.data instanceof Uint8Array) yield part.data;
      else for await (const chunk of part.data()) yield chunk;
      yield enc.encode("\r\n");
    }
    yield enc.encode(`--${boundary}--\r\n`);
  }
  const iterator = generate();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A POST of a streamed multipart body, same-origin, asking for JSON like the upload component. */
export function multipartRequest(path: string, parts: Part[], init: { cookie?: string | null; headers?: Record<string, string> } = {}): Request {
  const url = new URL(path, "http://localhost");
  const { body, contentType } = multipartBody(parts);
  const headers = new Headers({ Origin: url.origin, Accept: "application/json", "Content-Type": contentType, ...init.headers });
  if (init.cookie) headers.set("Cookie", init.cookie);
  return new Request(url, { method: "POST", headers, body, duplex: "half" } as RequestInit);
}
