#!/usr/bin/env node
'use strict';
// The `verbatim` CLI. Runs the bundled build (dist/) when present, else the tsc output.
const path = require('node:path');
const fs = require('node:fs');
const bundled = path.join(__dirname, '..', 'dist', 'cli.js');
const entry = fs.existsSync(bundled) ? bundled : path.join(__dirname, '..', 'out', 'server', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write("verbatim: the CLI is not built yet. Run 'npm run build' in " + path.join(__dirname, '..') + '.\n');
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then(code => {
    process.exitCode = code;
  });
