// Integration tests of the development identity provider. They start the real
// provider (`node src/server.js`, as a child process: it is an ES module that
// CommonJS jest cannot import) and talk to it over HTTP.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'dev-idp',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: {
          target: 'ES2022',
          module: 'commonjs',
          moduleResolution: 'node',
          lib: ['ES2023', 'DOM'],
          types: ['node', 'jest'],
          strict: true,
          esModuleInterop: true,
          skipLibCheck: true,
          isolatedModules: true,
        },
      },
    ],
  },
  testTimeout: 20000,
};
