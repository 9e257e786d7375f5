#!/usr/bin/env node
// CommonJS (bin/package.json): a CommonJS entry starts ~10 ms sooner than an
// ES module. `awsquiz --version` alone is answered here, before the CLI is
// loaded (the same package.json as version() in src/version.ts reads).
// Everything else runs dist/cli.cjs through dist/boot.cjs, from a V8 code
// cache (src/boot.ts).
'use strict';
const { join } = require('node:path');

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = require('node:fs');
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
  process.stdout.write(`${manifest.version}\n`);
} else {
  // `awsquiz export | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const { run } = require('../dist/boot.cjs');
  run(process.argv, join(__dirname, '..', 'dist', 'cli.cjs')).then((code) => {
    process.exitCode = code;
  });
}
