// `npm run bench [name…]`: runs the benchmarks (all, or those named), each on its own platform
// started from the builds, and prints both sides of each with their ratio. Exits non-zero only
// when something failed (an error, a broken invariant), never for a missed target: those are
// reported, for docs/performance.md.
const os = require('node:os');
const { startBenchPlatform } = require('./harness');
const { proposalsList } = require('./proposals-list.bench');
const { proposalsExport } = require('./proposals-export.bench');
const { supportsSurge, users } = require('./supports-surge.bench');
const { commentsThread } = require('./comments-thread.bench');

const benchmarks = {
  'proposals-list': { run: proposalsList },
  'supports-surge': { run: supportsSurge, users },
  'proposals-export': { run: proposalsExport },
  'comments-thread': { run: commentsThread },
};

async function main() {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !benchmarks[name]);
  if (unknown.length) {
    console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(benchmarks).join(', ')}`);
    process.exit(2);
  }
  console.log(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${new Date().toISOString()}`,
  );
  let failed = false;
  for (const name of names.length ? names : Object.keys(benchmarks)) {
    const benchmark = benchmarks[name];
    console.log(`\n== ${name} ==`);
    const platform = await startBenchPlatform(name, { users: benchmark.users ?? [] });
    try {
      const result = await benchmark.run(platform);
      if (!result.ok) {
        failed = true;
        console.error(`${name}: ${result.errors} error(s). Platform output: ${platform.logFile}`);
      }
    } catch (error) {
      failed = true;
      console.error(`${name} failed: ${error.stack ?? error}\nPlatform output: ${platform.logFile}`);
    } finally {
      await platform.stop({ keepLog: failed }).catch((error) => console.error(`Stopping ${name}: ${error}`));
    }
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
