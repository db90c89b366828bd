// One jest run, three kinds of test: unit (pure, beside the code), integration (one service or
// lib against real Postgres and NATS), e2e (the whole platform through the gateway, and the
// back office in Chromium).
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
};

const common = { testEnvironment: 'node', moduleNameMapper, transform, rootDir: __dirname };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,services,gateway}/**/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services,gateway,infra}/**/test/**/*.int-spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/{e2e,browser}/**/*.{e2e,browser}-spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
  // jest reads the timeout only here, not per project: the slowest kind (e2e) sets it.
  testTimeout: 60_000,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
