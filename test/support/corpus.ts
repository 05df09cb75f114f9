/** Test helpers: the bundled corpus as in-memory sources, and an index over it. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CorpusIndex, SourceInput } from '../../server/src/engine';
import { engine } from './engine';
const { loadCorpus } = engine;

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const corpusDir = path.join(repoRoot, 'corpus');
export const ROADMAP = 'roadmap-2021-02-23';
export const STATEMENT = 'roadmap-statement-2021-02-23';

/** The bundled sources as engine inputs (read here, in the test; the engine never reads files). */
export function bundledInputs(): SourceInput[] {
  return [ROADMAP, STATEMENT].map(name => {
    const file = path.join(corpusDir, `${name}.md`);
    return { uri: `verbatim-source:/${name}.md`, displayPath: `${name}.md`, content: fs.readFileSync(file, 'utf8'), bundled: true };
  });
}

let cached: CorpusIndex | undefined;
/** One index over the bundled corpus, shared by tests (it is immutable). */
export function bundledIndex(): CorpusIndex {
  return (cached ??= loadCorpus(bundledInputs()));
}

/** An in-memory source. */
export function source(name: string, content: string | Uint8Array): SourceInput {
  return { uri: `file:///sources/${name}`, displayPath: name, content };
}
