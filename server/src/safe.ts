/** Runs request handlers so that one failure never takes the server down. */
import { ResponseError, LSPErrorCodes, type CancellationToken, type RemoteConsole } from 'vscode-languageserver';
import { CancelledError } from './engine';
import { noteActivity } from './slices';

/**
 * Runs `fn`; if the request was cancelled answers `RequestCancelled`, if `fn` throws
 * logs `Error while computing <what> for <uri>` and answers `fallback`.
 */
export async function runSafe<T>(console: RemoteConsole, what: string, uri: string | undefined, fallback: T, token: CancellationToken | undefined, fn: () => T | Promise<T>): Promise<T | ResponseError<void>> {
  noteActivity();
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = await fn();
    if (token?.isCancellationRequested) return cancelled();
    return result;
  } catch (e) {
    if (e instanceof CancelledError) return cancelled();
    const err = e as Error;
    console.error(`Error while computing ${what}${uri ? ` for ${uri}` : ''}: ${err?.stack ?? String(e)}`);
    return fallback;
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}
