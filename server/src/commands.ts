/**
 * The server's commands (`workspace/executeCommand`). A connection takes one handler for the
 * request, so each feature registers its commands here, and the initialize result lists them all.
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';

export type CommandHandler = (args: readonly unknown[], token: CancellationToken) => unknown;

export class ServerCommands {
  private readonly handlers = new Map<string, CommandHandler>();

  /** Runs `handler` for `command` (one handler per command). */
  register(command: string, handler: CommandHandler): void {
    if (this.handlers.has(command)) throw new Error(`command ${command} is registered twice`);
    this.handlers.set(command, handler);
  }

  /** Every registered command, for `executeCommandProvider`. */
  get names(): string[] {
    return [...this.handlers.keys()];
  }

  /** Answers `workspace/executeCommand` on `connection` (null for an unknown command). */
  listen(connection: Connection): void {
    connection.onExecuteCommand(async (params, token) => {
      const handler = this.handlers.get(params.command);
      return handler ? ((await handler(params.arguments ?? [], token)) ?? null) : null;
    });
  }
}
