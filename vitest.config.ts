import os from "node:os";
import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Unit and integration tests (Playwright runs tests/e2e on its own). The global setup builds one
// migrated and seeded template database; every test file gets a fresh copy of it (tests/setup/db.ts).
// The Remix plugin is left out on purpose: route modules are imported as plain modules.
const cores = Math.max(1, os.availableParallelism());

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    environment: "node",
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}", "app/**/*.test.{ts,tsx}"],
    exclude: ["tests/e2e/**", "node_modules/**", "build/**"],
    globalSetup: ["tests/setup/global.ts"],
    setupFiles: ["tests/setup/db.ts"],
    // Separate processes: each test file starts with its own Prisma client on its own database copy.
    pool: "forks",
    poolOptions: { forks: { isolate: true, minForks: 1, maxForks: Math.min(cores, 4) } },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    teardownTimeout: 10_000,
    benchmark: { include: ["tests/bench/**/*.bench.ts"] },
  },
});
