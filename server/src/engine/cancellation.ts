/**
 * The engine's view of cancellation: structurally the same as the LSP
 * `CancellationToken`, so the server passes its tokens straight through.
 */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export const NeverCancelled: CancellationToken = Object.freeze({ isCancellationRequested: false });

/** Thrown by long engine loops when the caller cancelled; the server maps it to `RequestCancelled`. */
export class CancelledError extends Error {
  constructor() {
    super('The operation was cancelled.');
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new CancelledError();
}
