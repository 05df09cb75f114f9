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

/** Paragraphs of an index that a lookup structure is built for between yields. */
const INDEXED_PER_STEP = 500;

/** Whether a build over an index's paragraphs yields before paragraph `i`. */
export function stepBefore(i: number): boolean {
  return i % INDEXED_PER_STEP === INDEXED_PER_STEP - 1;
}

/** Passages a parse reads or builds between yields (each costs more than a paragraph of an index build). */
export const PASSAGES_PER_STEP = 250;
