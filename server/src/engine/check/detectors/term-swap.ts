/**
 * A specific term swapped in an otherwise faithful restatement (`solar panel` for `battery`,
 * `Global Affairs Canada` for `the Department of Natural Resources Canada`): code `changed-term`,
 * kind `wording` (docs/rules/changed-term.md). A group's code put for another's (`G20` for `G7`)
 * is found with the figures (changed-figure.ts) and reported under the same code.
 */
import { Codes } from '../../findings';
import { flat, replacing } from '../messages';
import type { SourceSentence } from '../../checkIndex';
import type { Detector } from '../types';

export const termSwap: Detector = {
  id: 'term-swap',
  emits: [Codes.changedTerm],
  unit: 'clause',
  run(unit, ctx, emit) {
    const r = unit.restatement;
    if (!r || r.top.coverage < 0.6 || r.blocks.length > 5) return;
    const lang = ctx.lang;
    const isStopKey = lang.isStopKey;
    const { words, keys: draftKeys } = unit;
    const { src, al } = r;
    const opposites = lang.opposites.pairs;
    for (const b of r.blocks) {
      if (!b.a.length || !b.b.length || b.a.length > 3 || b.b.length > 5) continue;
      const dk = b.a.map(i => draftKeys[i]);
      const sk = b.b.map(i => src.keys[i]);
      const dw = b.a.map(i => words[i].text);
      const sw = b.b.map(i => src.words[i].text);
      // Words of three letters or more (`C` in `1.5 degrees C` is a unit, not a term).
      const M = lang.morphology;
      const contentOnly = (ks: string[], ws: string[], gerunds: boolean) =>
        !isStopKey(ks[0]) && !isStopKey(ks[ks.length - 1]) && ws.every(w => (!M.modifier.test(w) || (gerunds && ws.length === 1 && M.gerund.test(w) && !M.participle.test(w))) && !/\d/.test(w) && w.length >= 3);
      // The source's side may be a noun in -ing (`decarbonizing shipping`) when the draft's is a plain noun.
      if (!contentOnly(dk, dw, false) || !contentOnly(sk, sw, true)) continue;
      // `to reach` for `to achieve`: a verb after `to` in both is an action, which the strength
      // and opposite checks judge; a swapped term is a thing named.
      // So is a verb after `will` in both (`will fund 100 fellowships` for `will provide 100 fellowships`).
      const verbMark = (w: string) => w === lang.word.to || w === lang.word.will;
      const before = b.aBefore >= 0 ? words[b.aBefore].text.toLowerCase() : '';
      if (verbMark(before) && b.b[0] > 0 && src.words[b.b[0] - 1].text.toLowerCase() === before) continue;
      // `exploring the idea of a facilitator` for `exploring the establishment of`: a general
      // noun framing the thing named is no swapped term.
      if (dk.some(k => lang.nouns.frame.has(k))) continue;
      // `regional bodies` for `regional organizations`: one general word for a group for another.
      if ([...dk, ...sk].every(k => lang.nouns.group.has(k))) continue;
      // `a cornerstone of peace and prosperity` for `… of peace and security`: another stock phrase.
      if ([...dk, ...sk].every(k => lang.nouns.values.has(k))) continue;
      if ([...dk, ...sk].some(k => k in lang.strength.ladder || lang.strength.strengthNouns.has(k) || ctx.sources.isPartyWord(k) || opposites.some(([x, y]) => x.includes(k) || y.includes(k)))) continue;
      if (dk.some(k => sk.includes(k) || src.keys.includes(k)) || sk.some(k => draftKeys.includes(k))) continue;
      // `the Paris call` for `the Agreement's call`: the two together are an official name (`Paris Agreement`), one thing named two ways.
      if (ctx.sources.names.isOfficial([...dk, ...sk].join(' ')) || ctx.sources.names.isOfficial([...sk, ...dk].join(' '))) continue;
      // `treatment` for `egregious mistreatment`: one word inside the other is a softening, not a swap.
      if (dw.some(w => w.length >= 5 && sw.some(x => x.length >= 5 && (x.includes(w) || w.includes(x))))) continue;
      // `long-term sustainability` for `sustainable use`, `lead the delivery coordination` for
      // `lead in coordinating the delivery efforts`: a word of the source sentence in another form is a rewording.
      if (dw.some(w => src.words.some(x => commonPrefix(w.toLowerCase(), x.text.toLowerCase()) >= 7))) continue;
      // `une déclaration conjointe` for `la déclaration suivante`: the words of the source's own
      // title after the same word (« Déclaration conjointe du … ») describe that document, not a swap.
      if (b.aBefore >= 0 && inOrder(ctx.sources.titleKeys(src.paragraph.documentId), [draftKeys[b.aBefore], ...dk])) continue;
      // Anchored on the left by a matched content word, or by a matched function word after one.
      const matched = (i: number) => al.ops.some(o => o.t === 'eq' && o.a === i);
      const leftOk = b.aBefore >= 0 && matched(b.aBefore) && (!isStopKey(draftKeys[b.aBefore]) || (b.aBefore >= 1 && matched(b.aBefore - 1) && !isStopKey(draftKeys[b.aBefore - 1])));
      // The last item of a list replaced (`batteries …, and small modular reactors` for `…, and
      // renewable energy storage`): `and` before it on both sides, and both sentences end with it.
      const lastItem = () => {
        const and = lang.key.and;
        const endsDraft = b.a[b.a.length - 1] === words.length - 1;
        return endsDraft && endsSentence(src, b.b[b.b.length - 1]) && b.aBefore >= 0 && draftKeys[b.aBefore] === and && b.b[0] > 0 && src.keys[b.b[0] - 1] === and;
      };
      const rightOk = b.aAfter >= 0 || lastItem();
      if (!leftOk || !rightOk) continue;
      emit({ code: Codes.changedTerm, kind: 'wording', start: words[b.a[0]].start, end: words[b.a[b.a.length - 1]].end, ...r.base, message: `"${flat(r.dSlice(b.a))}" where the source says "${flat(r.sSlice(b.b))}" (${r.label}).`, details: replacing(r.dSlice(b.a), r.sSlice(b.b)) }, 'term-swap');
    }
  },
};

/** True if the source word `j` ends its sentence (or a clause closed by `;` or `:`). */
function endsSentence(src: SourceSentence, j: number): boolean {
  return j === src.words.length - 1 || /^\s*[.;:]/.test(src.paragraph.text.slice(src.words[j].end, src.words[j].end + 3));
}

/** True if `run` occurs as consecutive keys of `keys`. */
function inOrder(keys: readonly string[], run: readonly string[]): boolean {
  for (let i = 0; i + run.length <= keys.length; i++) if (run.every((k, j) => keys[i + j] === k)) return true;
  return false;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
