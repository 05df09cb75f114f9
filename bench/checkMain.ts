/** Prints the checker benchmarks: `node bench/out/checkMain.js` after `npm run build`. */
import * as path from 'node:path';
import { benchCheck } from './check';

void benchCheck(path.resolve(__dirname, '..', '..')).then(rows => {
  for (const r of rows) console.log(`${r.name.padEnd(58)} ${r.value}`);
});
