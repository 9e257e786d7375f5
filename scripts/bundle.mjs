/**
 * Bundles the CLI after tsc has type-checked and compiled dist/.
 *
 * Measured on Node 20 (2 cores): loading commander as CommonJS through the
 * ESM loader, plus resolving ~30 small modules, cost a warm `awsquiz topics`
 * ~25 ms, pushing it to 1.7x a bare `node -e 0` against a 1.6x budget.
 * One bundle with lazy chunks (each command, the parser, the prompts, the
 * store's conf) brings it to about 1.25x. dist/cli.js is the bundle's entry;
 * the rest of tsc's output stays for the bench and for debugging.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/chunks', { recursive: true, force: true });
await build({
  // The parse worker (content/parallel.ts) is its own entry: dist/content/parse-worker.js.
  entryPoints: ['src/cli.ts', 'src/content/parse-worker.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  // string-width is loaded with require() on demand (see ui/layout.ts).
  external: ['string-width'],
  // Bundled CommonJS packages (commander, conf's helpers) may call require().
  banner: {
    js: "import { createRequire as __awsquizRequire } from 'node:module'; const require = __awsquizRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
