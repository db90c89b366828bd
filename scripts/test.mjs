// `npm test`: builds, then runs unit and integration tests, then the e2e and browser tests
// against the whole platform (started by the e2e project's global setup). Extra arguments go
// to jest, e.g. `npm test -- --selectProjects unit`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
const jest = path.join(root, 'node_modules/jest/bin/jest.js');
const extra = process.argv.slice(2);

if (run([path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json']) !== 0) process.exit(1);

if (extra.length > 0) process.exit(run([jest, ...extra]));

// Services and the platform compete for two cores: one stage at a time.
const stages = [
  ['--selectProjects', 'unit', 'integration'],
  ['--selectProjects', 'e2e', '--runInBand'],
];
mkdirSync(path.join(root, 'tmp'), { recursive: true });
let failed = 0;
const totals = { passed: 0, failed: 0 };
stages.forEach((stage, index) => {
  const report = path.join(root, 'tmp', `jest-stage-${process.pid}-${index}.json`);
  failed ||= run([jest, ...stage, '--json', `--outputFile=${report}`]);
  if (existsSync(report)) {
    const results = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += results.numPassedTests;
    totals.failed += results.numFailedTests;
    rmSync(report);
  }
});
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failed || (totals.failed > 0 ? 1 : 0));
