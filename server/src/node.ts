/**
 * Node entry of the language server. The transport comes from the command line:
 * `--stdio`, `--node-ipc` or `--socket=N` (as vscode-languageserver parses them).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
startServer(connection);
