/**
 * Bundles the CLI after tsc has type-checked and compiled dist/.
 *
 * dist/cli.cjs is the whole CLI as one CommonJS script, which bin/awsquiz.js
 * runs through dist/boot.cjs (src/boot.ts) from a V8 code cache: Node 20 has
 * no compile cache for ES modules, and resolving and compiling the ~22 ES
 * chunks this build made before cost a warm `awsquiz topics` about 50 ms
 * (1.75x a bare `node -e 0`; with the code cache about 1.5x, bench/RESULTS.md).
 * The lazy import()s of the sources (each command, the parser, the prompts)
 * stay lazy: esbuild runs a module's top level only when it is first imported.
 * The first line of dist/cli.cjs is the hash of the rest, the code cache's key.
 * Last, scripts/first-run-cache.mjs makes the code cache a first run runs
 * from (dist/first-run-<key>.bin, see src/boot.ts firstRunCachePath).
 * Its code has no blanks and comments (700 kB instead of 1 MB): less to read,
 * and what the code cache does not hold is parsed faster. Names are kept as
 * they are. It is not made ASCII only: esbuild leaves kana and full-width
 * brackets in regular expressions, and written as \uXXXX escapes they would
 * keep content/regex.ts from giving those patterns their fast twin.
 *
 * The parse workers (content/parallel.ts) are ES-module entries of their own:
 * dist/content/parse-worker.js, and dist/quiz/ask-worker.js that the commands
 * parse on (it also tells which cards are asked). The rest of tsc's output stays for the bench
 * and for debugging.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * commander loads node:child_process when it loads, for subcommands that are
 * programs of their own (awsquiz has none): ~5 ms of every start on this
 * machine (~0.05x of `node -e 0`, and more under load). Loaded when spawn is
 * first called instead. The build fails if commander's line changes.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, ({ path }) => {
      const line = "const childProcess = require('node:child_process');";
      const code = readFileSync(path, 'utf8');
      if (!code.includes(line)) throw new Error(`${path}: commander no longer reads: ${line}`);
      const lazy =
        "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: code.replace(line, lazy), loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // string-width is loaded with require() on demand (see ui/layout.ts).
  external: ['string-width'],
  logLevel: 'warning',
};

// The ES chunks of earlier builds.
rmSync('dist/chunks', { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli.ts'],
    format: 'cjs',
    outfile: 'dist/cli.cjs',
    // boot.ts runs the bundle in a wrapper that passes the bundle's file URL.
    define: { 'import.meta.url': '__awsquizUrl' },
    plugins: [lazyChildProcess],
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
  }),
  build({ ...common, entryPoints: ['src/boot.ts'], format: 'cjs', outfile: 'dist/boot.cjs' }),
  ...[
    ['src/content/parse-worker.ts', 'dist/content/parse-worker.js'],
    ['src/quiz/ask-worker.ts', 'dist/quiz/ask-worker.js'],
  ].map(([entry, outfile]) =>
    build({
      ...common,
      entryPoints: [entry],
      format: 'esm',
      outfile,
      // Bundled CommonJS packages may call require().
      banner: {
        js: "import { createRequire as __awsquizRequire } from 'node:module'; const require = __awsquizRequire(import.meta.url);",
      },
    }),
  ),
]);

const source = readFileSync('dist/cli.cjs', 'utf8');
const key = createHash('sha256').update(source).digest('hex').slice(0, 32);
writeFileSync('dist/cli.cjs', `// awsquiz-bundle ${key}\n${source}`);

// The code cache of a first run (src/boot.ts firstRunCachePath), made in a process of its own.
try {
  execFileSync(process.execPath, ['scripts/first-run-cache.mjs'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
} catch (error) {
  console.warn(`awsquiz build: no first-run code cache (${String(error.stderr ?? error).trim()})`);
}
