/**
 * `spelling-variant`: a quotation that differs from its source only in how a word is spelled,
 * by a spelling the source's language pack knows as the same word (docs/rules/spelling-variant.md):
 * a Canadian or British `defence`, `programme`, `centre`, `organisation`, `labour` for an
 * American source's `defense`, `program`, `center`, `organization`, `labor`; a French `maitriser`
 * for `maîtriser`, `évènement` for `événement`. (A ligature, `œuvre` for `oeuvre`, is typography
 * and no difference at all: check/units.ts aligns quotations with ligatures written out.) The
 * words are the source's, so this is no misquote; but a quotation keeps its source's spelling, so
 * it is said at Information level, with a fix to it.
 * Every block of the alignment whose words pair one to one as spellings of the same word is
 * one finding; the misquote detector leaves those blocks alone.
 */
import type { Block } from '../../align';
import { Codes } from '../../findings';
import { flat } from '../messages';
import type { Detector, QuoteUnit } from '../types';

export const spellingVariant: Detector<QuoteUnit> = {
  id: 'spelling-variant',
  emits: [Codes.spellingVariant],
  unit: 'quotation',
  run(unit, _ctx, emit) {
    const { p, words, source, blocks } = unit;
    if (!source) return;
    const { para, srcWords } = source;
    for (const b of blocks) {
      if (!isSpellingBlock(unit, b)) continue;
      const start = words[b.a[0]].start;
      const end = words[b.a[b.a.length - 1]].end;
      const evidence = { start: srcWords[b.b[0]].start, end: srcWords[b.b[b.b.length - 1]].end };
      const drafted = flat(p.slice(start, end));
      const official = sameCase(flat(para.text.slice(evidence.start, evidence.end)), drafted);
      emit(
        {
          code: Codes.spellingVariant,
          category: 'misquote',
          kind: 'spelling',
          severity: 'information',
          start,
          end,
          message: `"${drafted}" is a spelling variant of the source's "${official}" (${para.label}): the same word, spelled another way. A quotation keeps the source's spelling.`,
          paragraphId: para.id,
          evidence,
          fix: { title: `Use the source's spelling: "${official}"`, start, end, newText: official },
          details: { draft: drafted, source: official },
        },
        'spelling-variant',
      );
    }
  },
};

/**
 * True if block `b` of a quotation pairs each of its words, one to one and in order, with a
 * source word spelled differently that the source's language knows as the same word.
 */
export function isSpellingBlock(unit: QuoteUnit, b: Block): boolean {
  const source = unit.source;
  if (!source || !b.a.length || b.a.length !== b.b.length) return false;
  const canonical = source.lang.spelling.canonical;
  return b.a.every((ai, k) => {
    const drafted = unit.words[ai].text;
    const official = source.srcWords[b.b[k]].text;
    return drafted !== official && canonical(drafted) === canonical(official);
  });
}

/** The source's words, capitalised where the draft's are (`Defense` for a quotation that opens on `Defence`); a capital of the source's stays. */
function sameCase(official: string, drafted: string): string {
  const d = drafted[0] ?? '';
  return d !== d.toLowerCase() ? official.charAt(0).toUpperCase() + official.slice(1) : official;
}
