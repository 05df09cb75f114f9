/**
 * Long engine work run a slice at a time on the server's one thread: between slices,
 * pending messages (hovers, completions, edits) are handled, so no request waits for a
 * large load or a long check to finish.
 */
import { performance } from 'node:perf_hooks';
import { CancelledError, type CancellationToken, type Slicing, type Steps } from './engine';

/** Milliseconds of work between two looks at pending messages. */
export const SLICE_MS = 10;

/** Lets pending I/O (incoming messages) run, then resumes. */
export function pause(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}

/** How checks are sliced on the server. */
export const serverSlicing: Slicing = { sliceMs: SLICE_MS, now: () => performance.now(), pause };

/** Runs engine steps, pausing every {@link SLICE_MS}; rejects with `CancelledError` once `token` is cancelled. */
export async function runInSlices<T>(steps: Steps<T>, token?: CancellationToken): Promise<T> {
  let deadline = performance.now() + SLICE_MS;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() < deadline) continue;
    await pause();
    if (token?.isCancellationRequested) {
      steps.return(undefined as never);
      throw new CancelledError();
    }
    deadline = performance.now() + SLICE_MS;
  }
}
