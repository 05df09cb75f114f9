#!/usr/bin/env node
// Regenerates server/src/engine/rules.ts from docs/rules/*.md (the engine cannot read files).
'use strict';
const fs = require('fs');
const path = require('path');
const root = path.resolve(__dirname, '..');
const dir = path.join(root, 'docs', 'rules');
const entries = fs.readdirSync(dir).filter(f => f.endsWith('.md')).sort()
  .map(f => `  ${JSON.stringify(f.slice(0, -3))}: ${JSON.stringify(fs.readFileSync(path.join(dir, f), 'utf8'))},`);
fs.writeFileSync(path.join(root, 'server', 'src', 'engine', 'rules.ts'),
  `/** Long explanations of each finding code. GENERATED from docs/rules/*.md by scripts/gen-rules.js; do not edit. */\n` +
  `export const RuleDocs: Readonly<Record<string, string>> = Object.freeze({\n${entries.join('\n')}\n});\n`);
