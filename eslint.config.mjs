// ESLint: typescript-eslint's type-checked rules, React hooks, and the boundaries between the folders.
// `npm test` runs it and fails on any problem (warnings included).
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Which folder may import which. common/ is what server and browser both run: it imports neither.
// components/ run in the browser: from server/ they may take types only. server/ never imports components/.
const importsFrom = (folder, message) => ({
  group: [`@/${folder}/*`, `**/${folder}/*`, `../${folder}/*`, `../../${folder}/*`],
  message,
});
// Browser code takes zod from common/zod.ts, configured for the pages' CSP (no eval).
const zodForBrowsers = {
  name: "zod",
  allowTypeImports: true,
  message: 'Import { z } from "@/common/zod": it is configured not to use eval, which the pages\' CSP forbids.',
};
const commonStaysCommon = [
  importsFrom("server", "common/ runs in the browser too: it cannot import server/."),
  importsFrom("components", "common/ cannot import components/: move what both need into common/."),
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      "server/db/generated/",
      "bench/results/",
      "test-results/",
      "playwright-report/",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      // An async function that does not await still keeps its interface's promise contract and turns a throw
      // into a rejection (memory stores standing in for Redis ones, test doubles): not a mistake here.
      "@typescript-eslint/require-await": "off",
      eqeqeq: ["error", "smart"],
    },
  },
  {
    files: ["**/*.tsx", "components/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ["common/**/*.ts"],
    ignores: ["common/zod.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: commonStaysCommon, paths: [zodForBrowsers] }],
    },
  },
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              ...importsFrom("server", "components/ run in the browser: import from server/ with `import type` only."),
              allowTypeImports: true,
            },
          ],
          paths: [zodForBrowsers],
        },
      ],
    },
  },
  {
    files: ["server/**/*.ts"],
    ignores: ["server/test/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            importsFrom("components", "server/ never imports components/: what both need belongs in common/."),
          ],
        },
      ],
    },
  },
  {
    // A route handler parses, authorizes, runs one use case, applies its effects and answers. A write's result is
    // a Committed change that only runtime.apply opens (server/effects.ts); awaiting one and dropping it would
    // skip its effects, so no awaited value is dropped in a route.
    files: ["app/**/route.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ExpressionStatement > AwaitExpression",
          message: "Use what a use case returns: apply(await useCase(…)) for a write (server/effects.ts).",
        },
      ],
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@/server/effects",
              importNames: ["settle", "committed"],
              message: "A route opens a committed change with runtime.apply, which applies its effects.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests reach into values on purpose (mocks, parsed JSON, method references handed to expect).
    files: ["**/*.test.ts", "server/test/**", "e2e/**", "bench/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["public/**/*.js"],
    languageOptions: { globals: globals.browser, sourceType: "script" },
  },
  {
    files: ["scripts/**/*.mjs", "*.config.mjs", "*.config.ts"],
    languageOptions: { globals: globals.node },
  },
);
