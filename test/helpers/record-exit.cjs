// Runs a command with the terminal as stdin/stdout and stderr to <out>.err; writes its pid to
// <out>.pid and "<code> <signal>" to <out>.rc. Survives the hangup it is used to test.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const [out, ...args] = process.argv.slice(2);
const err = fs.openSync(`${out}.err`, 'w');
const child = spawn(process.execPath, args, { stdio: ['inherit', 'inherit', err] });
process.on('SIGHUP', () => {});
process.on('SIGINT', () => {});
fs.writeFileSync(`${out}.pid`, String(child.pid));
child.on('exit', (code, signal) => {
  fs.writeFileSync(`${out}.rc`, `${code} ${signal}`);
  // The terminal is gone: closed streams make Node skip resetting it at exit, which would
  // otherwise fail its assertion on EIO and abort (a 45 MB core file where cores are kept).
  for (const fd of [0, 1, 2]) {
    try {
      fs.closeSync(fd);
    } catch {}
  }
  process.exit(0);
});
