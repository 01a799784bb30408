import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "app/generated/**", "node_modules/**", "playwright-report/**", "test-results/**", "tests/.tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["../*"], message: "Import through the ~/ alias." }] },
      ],
    },
  },
  {
    // Thin routes: data goes through app/models, never Prisma directly (DESIGN.md, "Thin routes").
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "~/utils/db.server", message: "Routes read and write through app/models, not Prisma." }],
          patterns: [
            { group: ["../*"], message: "Import through the ~/ alias." },
            { group: ["~/generated/*", "@prisma/*"], message: "Routes read and write through app/models, not Prisma." },
          ],
        },
      ],
    },
  },
  {
    // Pure domain rules: no I/O, importable by the browser.
    files: ["app/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["~/models/*", "~/utils/*.server", "~/generated/*", "node:*", "*.server"] },
      ],
    },
  },
);
