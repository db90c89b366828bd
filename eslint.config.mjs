// ESLint flat config for the whole monorepo (`npm run lint` = `eslint .`).
// Syntactic rules only (no type-aware linting) so that a full run stays fast; `tsc -b` does the type checking.
import js from '@eslint/js';
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// @nx/enforce-module-boundaries only reads Nx's *cached* project graph and silently skips itself when there is
// none (a fresh clone, or `eslint .` run outside Nx): compute it (and refresh the cache) before linting.
await createProjectGraphAsync({ exitOnError: true });

const unusedVarsOptions = {
  args: 'after-used',
  argsIgnorePattern: '^_',
  varsIgnorePattern: '^_',
  caughtErrorsIgnorePattern: '^_',
  destructuredArrayIgnorePattern: '^_',
  ignoreRestSiblings: true,
};

// Node built-ins must not reach code that runs in the browser (contracts are bundled into the admin UI).
const browserSafeImports = [
  'error',
  {
    patterns: [{ group: ['node:*'], message: 'This code also runs in the browser: no Node.js built-ins.' }],
    paths: ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'stream', 'util', 'events'].map(
      (name) => ({ name, message: 'This code also runs in the browser: no Node.js built-ins.' }),
    ),
  },
];

/** Options of @nx/enforce-module-boundaries: who may import whom, by project.json tag. */
function moduleBoundaries({ allow = [], allowCircularSelfDependency = false, ignoredCircularDependencies = [] } = {}) {
  return {
    enforceBuildableLibDependency: false,
    allowCircularSelfDependency,
    ignoredCircularDependencies,
    allow,
    depConstraints: [
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
      { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
      { sourceTag: 'type:gateway', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts'] },
      { sourceTag: 'type:infra', onlyDependOnLibsWithTags: [] },
      { sourceTag: 'type:tests', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
    ],
  };
}

export default defineConfig([
  globalIgnores([
    '**/dist/**',
    '**/node_modules/**',
    'admin-ui/dist/**',
    '.nx/**',
    '**/coverage/**',
    '.data/**',
    'tmp/**',
    'test-results/**',
  ]),

  {
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
  },

  // Everything: core recommended rules.
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    extends: [js.configs.recommended],
    rules: {
      'no-unused-vars': ['error', unusedVarsOptions],
    },
  },

  // TypeScript (services, gateway, libs, tests, admin UI).
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', unusedVarsOptions],
      '@typescript-eslint/no-explicit-any': 'error',
      // NestJS dependency injection needs value imports of the classes used in constructors.
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },

  // Nx module boundaries, from the `tags` of each project.json.
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    plugins: { '@nx': nx },
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries()] },
  },
  // The e2e setup drives the platform through the root scripts/ (which belong to no project).
  {
    files: ['tests/**/*.ts', 'tests/load/**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        moduleBoundaries({ allow: ['^(\\.\\./)+scripts/[\\w.-]+\\.(js|mjs|cjs)$'] }),
      ],
    },
  },

  // Tests of a lib or service (`<project>/test/**`, `*.spec.ts`) exercise it through its public entry point and may
  // use harnesses built on it (libs/testing, libs/service-runtime). Nothing imports a test file, so such an import
  // cannot close a runtime cycle. (The Nx graph is built from package.json dependencies only — nx.json
  // pluginsConfig["@nx/js"].analyzeSourceFiles: false — so test-only imports never create build-order cycles.)
  {
    files: [
      '{libs,services}/*/test/**/*.ts',
      'gateway/test/**/*.ts',
      '{libs,services}/*/src/**/*.spec.ts',
      'gateway/src/**/*.spec.ts',
    ],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        moduleBoundaries({
          allowCircularSelfDependency: true,
          ignoredCircularDependencies: [
            ['database', 'testing'],
            ['messaging', 'service-runtime'],
          ],
        }),
      ],
    },
  },

  // The identity provider's tests read raw OpenID JSON from the wire; their assertions check its shape.
  {
    files: ['infra/dev-idp/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  // Shared contracts: zod only, they are bundled into the admin UI too.
  {
    files: ['libs/contracts/src/**/*.ts'],
    rules: { 'no-restricted-imports': browserSafeImports },
  },

  // Admin UI: React + Vite, in the browser.
  {
    files: ['admin-ui/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': browserSafeImports,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['admin-ui/**/*.tsx'],
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  },

  // Plain JavaScript: ES modules (dev identity provider, *.mjs scripts) ...
  {
    files: ['infra/dev-idp/**/*.js', '**/*.mjs'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node } },
  },
  // ... and CommonJS (scripts/*.js, jest configs, *.cjs).
  {
    files: ['scripts/**/*.js', 'tests/load/**/*.js', 'jest.config.js', '**/*.cjs'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs', globals: { ...globals.node } },
  },

  // Must stay last: turns off every stylistic rule that Prettier handles.
  prettier,
]);
