/**
 * `unsourced-quote`: a quotation of six words or more that the draft attributes to the
 * sources — the leaders together (`the leaders said`, `as they put it`, `President Biden and
 * Prime Minister Trudeau declared`) or a source document (`the Roadmap states`, `in the joint
 * statement`) — and that no indexed source contains (docs/rules/unsourced-quote.md). The
 * attribution is read in the quotation's own sentence, before it or in a short tag after it; a
 * quotation of one leader, a minister or anyone else is not attributed to the sources, and a
 * quoted name (`the "G20 Principles for Quality Infrastructure Investment"`) is no claim, and
 * neither is a quoted section heading of a source (« Catalyser l'énergie propre et créer de bons
 * emplois », a heading the source states as a commitment).
 */
import { Codes } from '../../findings';
import type { LanguagePack } from '../../lang/pack';
import { draftSentences } from '../../text/sentences';
import { wordsOf, type Word } from '../../text/words';
import type { Detector, DetectorContext, QuoteUnit } from '../types';

export const unsourcedQuote: Detector<QuoteUnit> = {
  id: 'unsourced-quote',
  emits: [Codes.unsourcedQuote],
  unit: 'quotation',
  run(unit, ctx, emit) {
    const { p, q, words, source } = unit;
    if (source || words.length < 6 || isTitleCase(p, words) || quotesHeading(words, ctx)) return;
    if (!attributedToSources(unit, ctx)) return;
    emit(
      {
        code: Codes.unsourcedQuote,
        category: 'unsupported',
        kind: 'unsourced',
        severity: 'information',
        start: q.start,
        end: q.end,
        message: 'This quotation is attributed to the leaders or the sources, but no indexed source contains it.',
        paragraphId: '',
      },
      'unsourced-quote',
    );
  },
};

/** Most of the quoted words capitalised: a name or a title, not a statement. */
function isTitleCase(p: string, words: readonly Word[]): boolean {
  const caps = words.filter(w => /^\p{Lu}/u.test(p.slice(w.start, w.end))).length;
  return caps * 2 > words.length;
}

/** The quoted content words are those of a source's section heading, or a run of them. */
function quotesHeading(words: readonly Word[], ctx: DetectorContext): boolean {
  const content = words.map(w => w.key).filter(k => !ctx.lang.isStopKey(k)).join(' ');
  return ctx.sources.headings().some(h => ` ${h} `.includes(` ${content} `));
}

/** Words of the tag after a quotation that may still attribute it (`," the leaders said.`). */
const TAG_WORDS = 8;

function attributedToSources(unit: QuoteUnit, ctx: DetectorContext): boolean {
  const { p, q } = unit;
  const lang = ctx.lang;
  // The quotation's sentence: what comes before it, and the short tag after it.
  let from = 0;
  for (const [s, e] of draftSentences(p)) {
    if (s <= q.start && q.start < e) {
      from = s;
      break;
    }
  }
  // Words inside another quotation (an odd number of quotation marks before them in the
  // sentence) are someone's words, not the attribution of this one.
  const quoted = (w: Word) => (p.slice(from, w.start).match(/["“”«»]/g)?.length ?? 0) % 2 === 1;
  const before = wordsOf(p, Math.max(from, q.start - 300), q.start, lang).filter(w => !quoted(w));
  const afterAll = wordsOf(p, q.end, Math.min(p.length, q.end + 80), lang);
  const stop = afterAll.findIndex(w => /[.!?;]/.test(p.slice(w.end, w.end + 1)));
  const after = afterAll.slice(0, Math.min(TAG_WORDS, stop < 0 ? TAG_WORDS : stop + 1));
  return bySources(p, before, lang, ctx) || bySources(p, after, lang, ctx);
}

/**
 * Words that attribute to the sources: the leaders together (a group word, or two parties
 * named) with a saying verb; or a source document named with a determiner and no other proper
 * name before it (`the Roadmap`, not `the Boe Declaration`), or by the words of its title.
 */
function bySources(p: string, words: readonly Word[], lang: LanguagePack, ctx: DetectorContext): boolean {
  if (!words.length) return false;
  const keys = words.map(w => w.key);
  const Q = lang.quotes;
  const saying = keys.some(k => Q.saying.has(k));
  const together = keys.some(k => Q.group.has(k)) || ctx.sources.allParties().some(P => P.namedParties(keys).size >= 2);
  if (together && saying) return true;
  for (let i = 0; i < words.length; i++) {
    if (!Q.documents.has(keys[i])) continue;
    // Back over the document's own words to its determiner: a capitalised word other than a
    // source title's is another document's name (`the Pacific Islands Forum's Boe Declaration`).
    let j = i - 1;
    let named = false;
    while (j >= 0 && !Q.determiners.has(keys[j]) && /^\p{Lu}/u.test(p.slice(words[j].start, words[j].end)) && i - j <= 6) {
      named = true;
      j--;
    }
    if (j < 0 || !Q.determiners.has(keys[j])) continue;
    if (!named || titleWords(keys.slice(j + 1, i + 1), ctx)) return true;
  }
  return false;
}

/** Two or more of these words, in order, begin or make the title of a source. */
function titleWords(keys: readonly string[], ctx: DetectorContext): boolean {
  const content = keys.filter(k => !ctx.lang.isStopKey(k));
  if (content.length < 2) return false;
  return ctx.sources.datedTitles().some(t => {
    const tk = t.keys.filter(k => !ctx.lang.isStopKey(k)).join(' ');
    return tk.includes(content.join(' '));
  });
}
