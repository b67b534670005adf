// Starts the CLI fast (issue 3.5: one small file in at most 3x the time of `node -e 0`).
//
// `npm run build` bundles the CLI into one CommonJS file, dist/cli/winnow.cjs (scripts/bundle.mjs),
// so Node reads one file instead of resolving a few hundred modules. That file is compiled here as
// one vm.Script with a V8 code cache: bytecode of the functions a previous run compiled, kept in a
// folder of the user's own under os.tmpdir(). The cache only ever saves time: it is keyed by the
// bundle's content hash and the Node version, V8 rejects data that does not fit, and any failure to
// read or write it is ignored. WINNOW_CODE_CACHE=0 switches it off.
//
// Without the bundle (a tsc-only build), tsc's dist/cli/main.js is imported as it is.
'use strict';

const { createHash } = require('node:crypto');
const fs = require('node:fs');
const { createRequire } = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

const BUNDLE = path.join(__dirname, '..', 'dist', 'cli', 'winnow.cjs');

/**
 * @returns {Promise<{ main: (io: object) => Promise<number>, saveCache?: () => void }>}
 *   `saveCache` is called once the run is over: by then the functions the run needed are compiled,
 *   and the cache written from the script holds them too.
 */
async function loadCli() {
  let bytes;
  try {
    bytes = fs.readFileSync(BUNDLE);
  } catch {
    return import('../dist/cli/main.js');
  }
  const source = bytes.toString('utf8');
  const cacheFile = process.env.WINNOW_CODE_CACHE === '0' ? null : cachePath(bytes);
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
  // The CommonJS wrapper, as Node's own loader would add it.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: BUNDLE, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
  const cli = module.exports;
  const stale = !cachedData || script.cachedDataRejected === true;
  return {
    main: cli.main,
    saveCache() {
      // Only a run that cleaned a document has compiled what the next one will need.
      if (cacheFile && stale && cli.libraryLoaded?.()) writeCache(cacheFile, script);
    },
  };
}

/** The cache folder is the user's own (0700, owned by this uid): nobody else's bytecode is run. */
function cachePath(bytes) {
  try {
    const uid = typeof process.getuid === 'function' ? process.getuid() : null;
    const dir = path.join(os.tmpdir(), `winnow-code-cache${uid === null ? '' : `-${uid}`}`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    if (!st.isDirectory() || (uid !== null && st.uid !== uid) || (st.mode & 0o022) !== 0) return null;
    const key = createHash('sha256').update(process.version).update(process.arch).update(bytes).digest('hex').slice(0, 32);
    return path.join(dir, `winnow-${key}.bin`);
  } catch {
    return null;
  }
}

function readCache(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Caches of other builds kept beside the current one (another checkout or Node version). */
const KEEP = 4;

/** Atomically (temporary file + rename); only the most recently written caches are kept. */
function writeCache(file, script) {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temp, file);
    const dir = path.dirname(file);
    const old = fs.readdirSync(dir)
      .filter((name) => /^winnow-[0-9a-f]{32}\.bin$/.test(name))
      .map((name) => ({ name, time: fs.statSync(path.join(dir, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time)
      .slice(KEEP);
    for (const { name } of old) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // nothing more to do: the cache is an optimisation
    }
  }
}

module.exports = { loadCli };
