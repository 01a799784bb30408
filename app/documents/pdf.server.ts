import { spawn } from "node:child_process";
import { constants, existsSync, rmSync } from "node:fs";
import { access, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { DomainError } from "~/utils/errors";

// PDF preview of a generated .docx through LibreOffice (issue 10 §6), where it is installed:
// soffice --headless --convert-to pdf, with the project's font mapping (app/documents/fonts.conf:
// the Windows font names of GB/T 9704 → the installed Debian faces), a throwaway user profile, a
// timeout, and at most one conversion at a time (LibreOffice is heavy; the machine has 2 cores).

/** How long one conversion may take before soffice is killed. */
export const PDF_TIMEOUT_MS = Number(process.env.PROCURA_PDF_TIMEOUT_MS ?? 60_000);

/** LibreOffice is not installed here: the preview page says so and offers the .docx. */
export class PdfUnavailableError extends DomainError {
  constructor() {
    super("documentRender.pdfUnavailable", 409);
    this.name = "PdfUnavailableError";
  }
}

/** The conversion failed or timed out. */
export class PdfConversionError extends DomainError {
  constructor(public readonly detail: string) {
    super("documentRender.pdfFailed", 409);
    this.name = "PdfConversionError";
    this.message = `PDF conversion failed: ${detail}`;
  }
}

/** The soffice binary: $SOFFICE, or the first `soffice` on PATH. */
async function findSoffice(): Promise<string | null> {
  const candidates = process.env.SOFFICE
    ? [process.env.SOFFICE]
    : (process.env.PATH ?? "").split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, "soffice"));
  for (const file of candidates) {
    try {
      await access(file, constants.X_OK);
      return file;
    } catch {
      // next
    }
  }
  return null;
}

let sofficePath: Promise<string | null> | null = null;

/** Whether LibreOffice can render PDFs on this server (looked up once). */
export async function sofficeAvailable(): Promise<boolean> {
  sofficePath ??= findSoffice();
  return (await sofficePath) !== null;
}

/** app/documents/fonts.conf: from the working directory (the built server runs at the repo root), else beside this module. */
export function fontconfigFile(): string {
  const fromCwd = path.resolve(process.cwd(), "app/documents/fonts.conf");
  if (existsSync(fromCwd)) return fromCwd;
  return path.join(path.dirname(fileURLToPath(import.meta.url)), "fonts.conf");
}

// One LibreOffice profile for this process, made on first use and thrown away on exit, or at once
// after a failed conversion (a killed soffice can leave it locked or half written).
let profileDir: string | null = null;
async function profile(): Promise<string> {
  if (!profileDir) {
    profileDir = await mkdtemp(path.join(os.tmpdir(), "procura-lo-profile-"));
    const dir = profileDir;
    process.once("exit", () => {
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // best effort
      }
    });
  }
  return profileDir;
}
async function discardProfile(): Promise<void> {
  const dir = profileDir;
  profileDir = null;
  if (dir) await rm(dir, { recursive: true, force: true });
}

function run(binary: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout kills soffice.bin too, not only the launcher script.
    const child = spawn(binary, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
      reject(new PdfConversionError(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new PdfConversionError(e.message));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new PdfConversionError(`soffice exited with ${code}: ${output.trim().slice(0, 500)}`));
    });
  });
}

let queue: Promise<unknown> = Promise.resolve();

/** At most one conversion at a time: each waits for the one before it. */
function serially<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

/** Converts a .docx to PDF with LibreOffice. Throws PdfUnavailableError where it is not installed. */
export async function convertToPdf(docx: Uint8Array, opts: { timeoutMs?: number } = {}): Promise<Uint8Array> {
  const [pdf] = await convertManyToPdf([docx], opts);
  return pdf!;
}

/**
 * Converts several .docx files in one LibreOffice run (it starts once: about a second saved per
 * document), in order. The timeout is per document.
 */
export function convertManyToPdf(docxs: Uint8Array[], opts: { timeoutMs?: number } = {}): Promise<Uint8Array[]> {
  if (docxs.length === 0) return Promise.resolve([]);
  return serially(async () => {
    sofficePath ??= findSoffice();
    const binary = await sofficePath;
    if (!binary) throw new PdfUnavailableError();
    const work = await mkdtemp(path.join(os.tmpdir(), "procura-pdf-"));
    try {
      const inputs = docxs.map((_, i) => path.join(work, `document-${i}.docx`));
      await Promise.all(docxs.map((d, i) => writeFile(inputs[i]!, d)));
      const env = {
        ...process.env,
        FONTCONFIG_FILE: fontconfigFile(),
        HOME: work,
        SAL_USE_VCLPLUGIN: "svp",
      };
      const args = [
        `-env:UserInstallation=${pathToFileURL(await profile()).href}`,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        work,
        ...inputs,
      ];
      try {
        await run(binary, args, env, (opts.timeoutMs ?? PDF_TIMEOUT_MS) * docxs.length);
      } catch (e) {
        await discardProfile();
        throw e;
      }
      return await Promise.all(
        inputs.map(async (input) => {
          const output = input.replace(/\.docx$/, ".pdf");
          if (!existsSync(output)) throw new PdfConversionError(`soffice wrote no PDF for ${path.basename(input)}`);
          return new Uint8Array(await readFile(output));
        }),
      );
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
}
