// Lint configuration: typescript-eslint's type-aware recommended rules over all TypeScript sources, and the
// architecture's import rules (docs/ARCHITECTURE.md): content/ is the shared core, generator/ and skill/ are two
// apps that never import each other, lambda/ deploys the skill, bin/ is the one place that sees everything.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** One restricted-import rule: `patterns` are gitignore-style globs of specifiers, `why` is the fix people read. */
function forbid(files, groups) {
  return {
    files,
    rules: {
      "no-restricted-imports": ["error", { patterns: groups.map(([group, message]) => ({ group, message })) }],
    },
  };
}

const appsApart = "generator/ and skill/ are separate apps: share code through content/ (see docs/ARCHITECTURE.md)";
const coreAlone = "content/ is the shared core and imports only npm packages (see docs/ARCHITECTURE.md)";
const lambdaScope = "lambda/ deploys the skill: it may import skill/ and content/, not generator/ (see docs/ARCHITECTURE.md)";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", ".cache/**", "generator/tts/espeak-worker.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // Its autofix drops the casts yargs needs to narrow `choices` defaults, which tsc then rejects.
      "@typescript-eslint/no-unnecessary-type-assertion": "off",
    },
  },
  forbid(["content/**"], [
    [["**/generator/**", "**/skill/**", "**/lambda/**", "**/bin/**"], coreAlone],
  ]),
  forbid(["generator/**"], [
    [["**/skill/**"], appsApart],
    [["**/lambda/**", "**/bin/**"], "generator/ imports only content/ (see docs/ARCHITECTURE.md)"],
  ]),
  forbid(["skill/**"], [
    [["**/generator/**"], appsApart],
    [["**/lambda/**", "**/bin/**"], "skill/ imports only content/ (see docs/ARCHITECTURE.md)"],
  ]),
  forbid(["lambda/**"], [[["**/generator/**", "**/bin/**"], lambdaScope]]),
  {
    // Tests read JSON responses from the skill, the manifest and the feed: `any` is their subject, not a slip.
    files: ["test/**"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/unbound-method": "off",
      // Test servers and virtual-alexa take async callbacks where their types say void.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      parserOptions: { projectService: false },
      globals: { process: "readonly", console: "readonly" },
    },
  },
);
