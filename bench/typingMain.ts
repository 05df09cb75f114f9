/**
 * `node out/bench/typingMain.js [--verbose]`: runs the typing benchmark alone and prints its
 * rows; with --verbose also the first examples of each counted event and the missed phrases.
 */
import * as path from 'node:path';
import { runTyping, typingRows } from './typing';

const repoRoot = path.resolve(__dirname, '..', '..');
const verbose = process.argv.includes('--verbose');
void runTyping(repoRoot, s => console.error(s)).then(r => {
  for (const row of typingRows(r)) console.log(`${row.benchmark} | ${row.corpus} | ${row.value} | ${row.note ?? ''}`);
  if (!verbose) return;
  for (const p of r.prose) {
    console.log(`\n# ${p.mode}, ${p.set}`);
    for (const e of p.counts.examples) console.log(`  ${e}`);
  }
  for (const p of r.phrases) {
    console.log(`\n# phrases not offered, ${p.mode} (${p.counts.missed.length})`);
    for (const m of p.counts.missed) console.log(`  ${m}`);
  }
});
