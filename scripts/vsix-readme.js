#!/usr/bin/env node
// Writes the README that goes into the .vsix (out/vsix/README.md; `vsce package --readme-path`):
// the repository's README with its screenshots inlined as data: URLs. VS Code's extension page
// does not resolve a README's relative image links against the installed extension (measured in
// the real workbench: the images stayed broken when they were shipped beside the README), and
// it allows data: images, so inlined they render offline. The repository's README keeps its
// relative links for GitHub.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
let inlined = 0;
const out = readme.replace(/!\[([^\]]*)\]\(((?!https?:|data:)[^)\s]+\.png)\)/g, (_m, alt, rel) => {
  const file = path.join(root, rel);
  if (!fs.existsSync(file)) throw new Error(`README image ${rel} does not exist`);
  inlined++;
  return `![${alt}](data:image/png;base64,${fs.readFileSync(file).toString('base64')})`;
});
const target = path.join(root, 'out', 'vsix', 'README.md');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, out);
console.log(`wrote ${path.relative(root, target)} with ${inlined} image(s) inlined`);
