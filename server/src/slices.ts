/**
 * Long engine work run a slice at a time on the server's one thread: between slices,
 * pending messages (hovers, completions, edits) are handled, so no request waits for a
 * large load or a long check to finish.
 */
import { performance } from 'node:perf_hooks';
import { CancelledError, type CancellationToken, type Slicing, type Steps } from './engine';

/** Milliseconds of work between two looks at pending messages. */
export const SLICE_MS = 10;

const waiting: (() => void)[] = [];
let woken = false;
let lastActivity = -Infinity;

/** A slice waits until no message was handled for this long... */
const QUIET_MS = 2;
/** ...but not longer than this, so that checks go on under constant typing. */
const MAX_DEFER_MS = 100;

/** Called when a message from the client is handled (an edit, a request). */
export function noteActivity(): void {
  lastActivity = performance.now();
}

/**
 * Waits for this caller's turn: the checks and loads in progress take turns, one slice per
 * turn of the event loop, with the messages received in between. (With each check pausing
 * on its own, three open drafts meant three slices between two messages.)
 */
export function pause(): Promise<void> {
  return new Promise(resolve => {
    waiting.push(resolve);
    wakeNext();
  });
}

function wakeNext(): void {
  if (woken || !waiting.length) return;
  woken = true;
  const since = performance.now();
  const wake = () => {
    // Messages go first: the connection handles one per turn of the event loop, so while
    // they are coming (a burst of edits, requests behind them) the next slice waits for a
    // moment without any, instead of running one slice per message.
    const now = performance.now();
    if (now - lastActivity < QUIET_MS && now - since < MAX_DEFER_MS) {
      setTimeout(wake, QUIET_MS);
      return;
    }
    woken = false;
    // The caller's slice runs right after this callback (its promise resolves); the next
    // caller waits for the next turn, after the messages that came in meanwhile.
    waiting.shift()!();
    wakeNext();
  };
  setImmediate(wake);
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
