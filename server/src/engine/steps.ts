/**
 * Work done in slices. A long computation (parsing a large source, building a lookup
 * structure over a large index) is written as a generator that yields between slices of
 * work and returns its result. The engine never waits or schedules anything itself: the
 * CLI runs the steps straight through ({@link runSteps}), the language server runs them
 * a few milliseconds at a time and lets other requests in between.
 */

/** A computation in slices: `yield` between slices, `return` the result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once and returns the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
