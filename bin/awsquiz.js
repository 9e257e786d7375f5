#!/usr/bin/env node
import { main } from '../dist/cli.js';

// `awsquiz export | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv);
