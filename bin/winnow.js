#!/usr/bin/env node
// Thin launcher: all behaviour lives in src/cli/main.ts. `npm run build` compiles it to dist/ and
// bundles it into dist/cli/winnow.cjs; see ./load.js for how the bundle is started quickly.
import { loadCli } from './load.js';

const cli = await loadCli();

// First Ctrl-C: stop cleanly (finished outputs stay, no partial files, exit 130). Second: now.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});

// A reader that goes away (`winnow --list-rules | head -1`) is not an error: nothing is left to say.
// Batch output handles EPIPE itself; this covers direct writes such as --list-rules and --help.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await cli.main({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  stdinIsTTY: Boolean(process.stdin.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  signal: interrupt.signal,
});

cli.saveCache?.();
