/**
 * A check run a slice at a time, so that a long check (a large draft, or the first check
 * against a large index) lets other requests in, and stops as soon as its caller cancels it
 * (a newer version of the document). It is the same check: each slice runs
 * `engine.check` with a token that expires after the slice, and the next slice starts
 * again from the top, finding the paragraphs already done in a {@link CacheSession}.
 */
import { CancelledError, throwIfCancelled, type CancellationToken } from './cancellation';
import type { CheckRequest, Engine } from './index';
import type { DraftDocument } from './check';
import { CacheSession } from './paragraphCache';
import type { Diagnostic } from 'vscode-languageserver-types';

export interface Slicing {
  /** Milliseconds of new work per slice, at least. */
  readonly sliceMs: number;
  /** A clock in milliseconds. */
  now(): number;
  /** Waits between slices (the server lets pending messages in). */
  pause(): Promise<void>;
}

/** Checks `draft` like `engine.check`, pausing between slices; rejects with `CancelledError` once `token` is cancelled. */
export async function checkInSlices(engine: Engine, draft: DraftDocument, request: CheckRequest, token: CancellationToken, slicing: Slicing): Promise<Diagnostic[]> {
  const session = new CacheSession();
  for (;;) {
    throwIfCancelled(token);
    const started = slicing.now();
    const madeBefore = session.made;
    // The slice's clock starts with its first new paragraph: going over the paragraphs already
    // done costs time in proportion to the draft, and a slice must always make progress. A
    // slice lasts at least as long as that walk, so the walks cost at most half the time.
    let deadline = Infinity;
    let walked = started;
    const sliceToken: CancellationToken = {
      get isCancellationRequested() {
        if (token.isCancellationRequested) return true;
        const now = slicing.now();
        if (session.made === madeBefore) {
          walked = now; // still going over paragraphs already done
          return false;
        }
        if (deadline === Infinity) deadline = now + Math.max(slicing.sliceMs, walked - started);
        return now >= deadline;
      },
    };
    try {
      return session.run(() => engine.check(draft, request, sliceToken));
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      throwIfCancelled(token);
    }
    await slicing.pause();
  }
}
