#!/usr/bin/env node
// `awsquiz --version` alone is answered here, before the CLI and commander are
// loaded: that takes a bare `node` start from ~1.35x to ~1.1x (bench/run.mjs).
// The same package.json as version() in src/version.ts reads.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${manifest.version}\n`);
} else {
  const { main } = await import('../dist/cli.js');
  // `awsquiz export | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = await main(process.argv);
}
