import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { port: Number(process.env.PORT ?? 3000) },
  plugins: [remix(remixConfig), tsconfigPaths()],
  build: { target: "es2022" },
  ssr: { external: ["better-sqlite3", "@node-rs/argon2"] },
  // Server-only native packages: the dev server's dependency scan must not try to bundle them for
  // the browser (argon2's browser entry needs an optional wasm package that is not installed).
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3"] },
});
