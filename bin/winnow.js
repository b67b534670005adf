#!/usr/bin/env node
// Thin launcher: all behaviour lives in src/cli/main.ts. `npm run build` compiles it to dist/ and
// bundles it into dist/cli/winnow.cjs; ./load.js starts that bundle quickly. This folder is
// CommonJS (bin/package.json): a CommonJS entry spares Node its ES module loader at start-up.
'use strict';

const tty = require('node:tty');
const { loadCli } = require('./load.js');

loadCli().then(async (cli) => {
  // First Ctrl-C: stop cleanly (finished outputs stay, no partial files, exit 130). Second: now.
  const interrupt = new AbortController();
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  });

  // A reader that goes away (`winnow --list-rules | head -1`) is not an error: nothing is left to
  // say. Batch output handles EPIPE itself; this covers direct writes such as --list-rules and --help.
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });

  const code = await cli.main({
    argv: process.argv.slice(2),
    // Created only when read: a run on files never pays for the stdin stream.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdinIsTTY: tty.isatty(0),
    stderrIsTTY: tty.isatty(2),
    signal: interrupt.signal,
  });
  cli.saveCache?.();
  // The run is over (outputs written, workers closed): leave as soon as stdout and stderr have
  // taken what was written to them, instead of waiting for the event loop to wind down.
  process.exitCode = code;
  flushed(process.stdout, () => flushed(process.stderr, () => process.exit(code)));
});

/** Calls `then` once everything written to `stream` before has been handed to the system. */
function flushed(stream, then) {
  if (stream.destroyed || stream.writableEnded) then();
  else stream.write('', () => then());
}
