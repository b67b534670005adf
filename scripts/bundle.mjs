/**
 * Second half of `npm run build` (the first is `tsc`, which type-checks and writes the library and
 * its .d.ts files to dist/). Bundles the command line and the batch worker into one file each, so
 * that starting winnow makes Node read one file instead of resolving and compiling a few hundred
 * modules (issue 3.5: a single small file must start in at most 3x `node -e 0`).
 *
 *   dist/cli/winnow.cjs         the CLI (src/cli/main.ts and everything it reaches). CommonJS, so
 *                               that bin/winnow.js can compile it as one vm.Script with a V8 code
 *                               cache; its dynamic imports stay lazy (esbuild wraps each module in
 *                               an init function that runs on first use).
 *   dist/cli/worker.bundle.mjs  the piscina worker (src/cli/worker.ts) as one ES module.
 *
 * Kept outside the bundles, loaded from node_modules only by the runs that need them: piscina
 * (it starts its own worker script from its own folder), cli-progress (a bar on a terminal), and
 * the packages src/on-demand.ts requires on first use (file types, legacy encodings, YAML, the
 * language guesser).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Loaded lazily at run time (see above): never worth their bytes in the start-up path. */
const external = ['piscina', 'cli-progress', 'chardet', 'iconv-lite', 'magic-bytes.js', 'yaml', 'franc-min'];

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  external,
  // stopword's ES build: the lists not imported by src/pipeline/words.ts are left out of the
  // bundle (its CommonJS build would bring all 62 languages).
  alias: { stopword: 'stopword/src/stopword.js' },
  // Minified (a smaller file is read, decoded and hashed sooner: about 6 ms of the start-up), with
  // a source map beside it for `node --enable-source-maps` when a stack trace needs reading.
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'error' },
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli/winnow.cjs',
    format: 'cjs',
    // CommonJS has no import.meta: the modules that locate files beside themselves
    // (package.json, the worker) get the bundle's own URL, which lies in dist/cli/ as they do.
    define: { 'import.meta.url': '__winnowBundleUrl' },
    banner: { js: 'var __winnowBundleUrl=require("node:url").pathToFileURL(__filename).href;' },
  }),
  build({
    ...common,
    entryPoints: ['src/cli/worker.ts'],
    outfile: 'dist/cli/worker.bundle.mjs',
    format: 'esm',
    // Bundled CommonJS packages call require() for Node's built-ins.
    banner: { js: 'import{createRequire as __winnowCreateRequire}from"node:module";const require=__winnowCreateRequire(import.meta.url);' },
  }),
]);
