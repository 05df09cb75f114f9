#!/usr/bin/env node
'use strict';
// The Verbatim language server for any LSP editor: `verbatim-language-server --stdio`.
const path = require('node:path');
const fs = require('node:fs');
if (process.argv.includes('--help')) {
  process.stdout.write('Usage: verbatim-language-server --stdio | --node-ipc | --socket=PORT\n');
  process.exit(0);
}
if (!process.argv.some(a => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}
const bundled = path.join(__dirname, '..', 'dist', 'server.js');
const entry = fs.existsSync(bundled) ? bundled : path.join(__dirname, '..', 'out', 'server', 'src', 'node.js');
if (!fs.existsSync(entry)) {
  process.stderr.write("verbatim-language-server: not built yet. Run 'npm run build' in " + path.join(__dirname, '..') + '.\n');
  process.exit(2);
}
require(entry);
