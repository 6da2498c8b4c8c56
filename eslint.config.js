import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** What the domain and the layers below it never import (docs/architecture.md). */
const FRAMEWORK = [
  "react",
  "react-dom",
  "react-router",
  "@react-router/*",
  "@conform-to/*",
  "i18next",
  "remix-i18next",
];

export default tseslint.config(
  { ignores: ["build/", ".react-router/", "app/generated/", "node_modules/", "tests/.tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "separate-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Zod's and Prisma's results are typed; these rules mostly flag JSON.parse and test code.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/only-throw-error": "off",
      "no-empty-pattern": "off",
    },
  },
  {
    // The layers of docs/architecture.md: the domain takes parsed values and returns facts, so it
    // imports nothing above it — not the framework, the HTTP edge, the words (i18n, mail) or the UI.
    // The rule for app/platform and app/db, below it, is the next block.
    files: ["app/domain/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/server/*", "~/routes/*", "~/i18n/*", "~/mail/*", "~/components/*", "~/root", "~/entry.*"],
              message: "The domain and the layers below it do not import the layers above (docs/architecture.md).",
            },
            {
              group: FRAMEWORK,
              message: "The domain is framework-free: parse in the route, pass plain values (docs/architecture.md).",
            },
            {
              group: ["~/env.server"],
              message:
                "The domain takes its settings from its caller, not from the environment (docs/architecture.md).",
            },
          ],
        },
      ],
    },
  },
  {
    // Below the domain: the low-level services know nothing of it.
    files: ["app/platform/**/*.ts", "app/db/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/domain/*", "~/server/*", "~/routes/*", "~/i18n/*", "~/mail/*", "~/components/*"],
              message: "app/platform and app/db sit below the domain (docs/architecture.md).",
            },
            {
              group: FRAMEWORK,
              message: "app/platform and app/db are framework-free (docs/architecture.md).",
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures call their callback `use`, which is not React's hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
