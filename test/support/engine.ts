/**
 * The engine for tests. Typed from the sources, loaded from the compiled server/out at run
 * time (a relative import of server/src does not exist under test/out once compiled).
 */
import * as path from 'node:path';
import type * as EngineModule from '../../server/src/engine';
import type * as CheckModule from '../../server/src/engine/check';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const engine: typeof EngineModule = require(path.resolve(__dirname, '..', '..', '..', 'server', 'out', 'engine'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const check: typeof CheckModule = require(path.resolve(__dirname, '..', '..', '..', 'server', 'out', 'engine', 'check'));
