import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Newest modification time under a folder (the generated Prisma client left out). */
function newest(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? max : Math.max(max, newest(abs));
    return Math.max(max, fs.statSync(abs).mtimeMs);
  }, 0);
}

/** Builds the app unless build/ is newer than every file under app/ (the benchmarks serve the build). */
export function ensureBuild(root: string, log: (line: string) => void) {
  const built = path.join(root, "build/server/index.js");
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > newest(path.join(root, "app"))) return;
  log(fs.existsSync(built) ? "build/ is older than app/: building …" : "no build/: building …");
  execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}
