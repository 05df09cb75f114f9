/** Heap measurements for memory tests: a full collection, then the bytes in use. */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let collect: (() => void) | undefined;

/** Runs a full garbage collection (without needing `node --expose-gc`). */
export function fullGc(): void {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    }
  }
  // Twice: the first pass may only schedule finalisers (weak maps, cached code).
  collect();
  collect();
}

/** Heap bytes in use after a full collection. */
export function heapAfterGc(): number {
  fullGc();
  return process.memoryUsage().heapUsed;
}
