/**
 * Deterministic synthetic corpora N times the size of the bundled one, for benchmarks.
 * Each copy keeps the Roadmap's structure (front matter, bold headings, bullets) but
 * swaps about a third of the words for pseudo-words from a seeded generator, so the
 * vocabulary and the word index grow the way a real, larger corpus would.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceInput } from '../server/src/engine';

/** Mulberry32: a small, fast, seeded PRNG; same seed, same corpus. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mer', 'tan', 'vi', 'sor', 'pel', 'qua', 'dri', 'nos', 'bel', 'tur', 'gan', 'fe', 'zil', 'ro', 'mun', 'cha', 'ple', 'dor'];

function pseudoWord(rand: () => number): string {
  const n = 2 + Math.floor(rand() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

/** The bundled corpus files as inputs. */
export function bundledSourceInputs(repoRoot: string): SourceInput[] {
  const dir = path.join(repoRoot, 'corpus');
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.md'))
    .sort()
    .map(f => ({ uri: `verbatim-source:/${f}`, displayPath: f, content: fs.readFileSync(path.join(dir, f), 'utf8'), bundled: true }));
}

/**
 * `factor` copies of the bundled corpus (the originals first), each with ~30% of its
 * words replaced by seeded pseudo-words. Deterministic for a given factor and seed.
 */
export function syntheticCorpus(repoRoot: string, factor: number, seed = 42): SourceInput[] {
  const originals = bundledSourceInputs(repoRoot);
  const out: SourceInput[] = [...originals];
  const rand = prng(seed);
  const vocabulary: string[] = [];
  for (let i = 0; i < 5000; i++) vocabulary.push(pseudoWord(rand));
  for (let copy = 1; copy < factor; copy++) {
    for (const original of originals) {
      const text = String(original.content);
      const body = text.replace(/^---[\s\S]*?\n---\n/, '');
      const mutated = body.replace(/\b[a-z]{4,}\b/g, w => (rand() < 0.3 ? vocabulary[Math.floor(rand() * vocabulary.length)] : w));
      const name = `synthetic-${copy}-${original.displayPath}`;
      out.push({ uri: `file:///synthetic/${name}`, displayPath: name, content: `---\ntitle: "Synthetic ${copy} of ${original.displayPath}"\ndate: '2021-02-23'\n---\n${mutated}` });
    }
  }
  return out;
}
