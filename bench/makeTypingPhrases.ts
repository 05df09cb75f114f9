/**
 * `node out/bench/makeTypingPhrases.js > bench/typing-phrases.json`: writes the fixed list of
 * official phrases the typing benchmark types. Run once; the list is committed so that the
 * benchmark's figures stay comparable when the code changes.
 *
 * The phrases: every clause of every sentence of the bundled sources (split at , ; : ( ) —)
 * that has at least six words, cut after sixteen words; in source order, without repeats.
 * (Official names are not listed on their own: the extracted table also holds pairs such as
 * "United States and Canada" that are ordinary prose; the names drafters type are inside
 * these clauses.)
 */
import * as path from 'node:path';
import { loadCorpus } from '../server/src/engine';
import { bundledSourceInputs } from './synthetic';

const repoRoot = path.resolve(__dirname, '..', '..');
const index = loadCorpus(bundledSourceInputs(repoRoot));
const phrases: string[] = [];
const seen = new Set<string>();
const add = (p: string) => {
  const t = p.replace(/\s+/g, ' ').replace(/[\s,;:.!?"“”]+$/u, '').replace(/^[\s"“]+/u, '');
  if (!t || seen.has(t.toLowerCase())) return;
  seen.add(t.toLowerCase());
  phrases.push(t);
};
for (const paragraph of index.paragraphs) {
  for (const sentence of paragraph.sentences) {
    for (const clause of sentence.text.split(/[,;:()—]/)) {
      const words = clause.trim().split(/\s+/).filter(Boolean);
      if (words.length >= 6) add(words.slice(0, 16).join(' '));
    }
  }
}
process.stdout.write(
  JSON.stringify(
    {
      about: 'Official phrases typed by the typing benchmark (bench/typing.ts); made by bench/makeTypingPhrases.ts from the bundled sources.',
      phrases,
    },
    null,
    2,
  ) + '\n',
);
