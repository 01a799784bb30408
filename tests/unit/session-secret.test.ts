import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, test } from "vitest";
import { localSecret } from "~/utils/env.server";

// The session secret kept in DATA_DIR when SESSION_SECRET is not set. The production server starts
// one worker per core at the same moment (scripts/serve.mjs); they must all sign cookies alike.

const root = path.resolve(import.meta.dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "procura-secret-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const freshDir = () => path.join(tmp, `data-${++n}`);

describe("localSecret", () => {
  test("makes one secret, owner-only, and gives the same one back", () => {
    const dir = freshDir();
    const secret = localSecret(dir);
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(localSecret(dir)).toBe(secret);
    expect(fs.statSync(path.join(dir, "session-secret")).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(["session-secret"]); // no draft left behind
  });

  test("an empty secret file is an error, never an empty signing key", () => {
    const dir = freshDir();
    fs.mkdirSync(dir);
    // What a reader saw under the old create-then-write, when another worker had created the
    // file and not yet written it.
    fs.writeFileSync(path.join(dir, "session-secret"), "");
    expect(() => localSecret(dir)).toThrow(/is empty/);
  });

  test("four processes starting at once on a fresh folder all get the same secret", async () => {
    const dir = freshDir();
    const tsx = path.join(root, "node_modules/.bin/tsx");
    const script = `import { localSecret } from ${JSON.stringify(path.join(root, "app/utils/env.server.ts"))}; process.stdout.write(localSecret(${JSON.stringify(dir)}));`;
    const run = promisify(execFile);
    const outputs = await Promise.all(Array.from({ length: 4 }, () => run(tsx, ["-e", script], { cwd: root })));
    const secrets = new Set(outputs.map((o) => o.stdout));
    expect(secrets.size).toBe(1);
    expect([...secrets][0]).toBe(fs.readFileSync(path.join(dir, "session-secret"), "utf8"));
    expect([...secrets][0]).toMatch(/^[\w-]{43}$/);
  }, 60_000);
});
