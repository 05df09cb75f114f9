/** `node out/bench/hoverMain.js [factor]`: prints the hover benchmark rows. */
import * as path from 'node:path';
import { benchHover } from './hover';

const repoRoot = path.resolve(__dirname, '..', '..');
const factor = Number(process.argv[2] ?? 100) || 100;
void benchHover(repoRoot, factor).then(rows => {
  const width = Math.max(...rows.map(r => r.name.length));
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${r.value}`);
});
