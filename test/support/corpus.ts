/** Test helpers: the bundled corpus as in-memory sources, and an index over it. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCorpus, type CorpusIndex, type SourceInput } from '../../server/src/engine';

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

/** The three French official texts of test/real/french (the longer copies; the excerpts repeat their openings). */
export const FRENCH_SOURCES = [
  '2021-02-23-feuille-de-route-partenariat-renouvele.md',
  '2022-02-23-declaration-conjointe-premier-anniversaire-feuille-de-route.md',
  '2023-03-24-declaration-conjointe-trudeau-biden.md',
];

/** The French sources as engine inputs. */
export function frenchInputs(): SourceInput[] {
  return FRENCH_SOURCES.map(name => source(name, fs.readFileSync(path.join(repoRoot, 'test', 'real', 'french', name), 'utf8')));
}

let frenchCached: CorpusIndex | undefined;
/** A user's setup for French drafts: the bundled (English) sources and the French ones, in one index. */
export function frenchIndex(): CorpusIndex {
  return (frenchCached ??= loadCorpus([...bundledInputs(), ...frenchInputs()]));
}
