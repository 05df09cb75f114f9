/**
 * Reading the opposites table of the language pack: whether a block of differences pairs
 * opposite words (`weaken` for `strengthen`) or adds or drops a negative prefix (`legal` for
 * `illegal`), and where a draft's action word reverses the source's before the same object.
 * The opposite detector reports these; the strength detector leaves such blocks to it.
 */
import type { Block } from '../align';
import type { SourceSentence } from '../checkIndex';
import type { LanguagePack } from '../lang/pack';
import type { ClauseUnit, Restatement } from './types';

/** True if `keys` hold one of the phrases of `list` (a phrase of several words in order, joined by spaces). */
export function hasPhrase(keys: readonly string[], list: readonly string[]): boolean {
  let joined: string | undefined;
  for (const x of list) {
    if (x.includes(' ') ? (joined ??= keys.join(' ')).includes(x) : keys.includes(x)) return true;
  }
  return false;
}

/** What reverses the source in a substitution block: a pair of opposites, a negative prefix, or nothing. */
export type BlockReversal = { readonly pair: readonly [string[], string[]] } | { readonly prefixed: number } | undefined;

const reversals = new WeakMap<Block, BlockReversal | null>();

/** What reverses the source in block `b` of `r` (read once per block: the opposite and strength detectors both ask). */
export function blockReversal(lang: LanguagePack, unit: ClauseUnit, r: Restatement, b: Block): BlockReversal {
  let v = reversals.get(b);
  if (v === undefined) reversals.set(b, (v = reversalOf(lang, unit, r, b) ?? null));
  return v ?? undefined;
}

function reversalOf(lang: LanguagePack, unit: ClauseUnit, r: Restatement, b: Block): BlockReversal {
  const dk = b.a.map(i => unit.keys[i]);
  const sk = b.b.map(i => r.src.keys[i]);
  const dPhrase = b.a.map(i => unit.words[i].text);
  // `including but not limited to`: a word after a denial on either side says the reverse of itself.
  const denied = (keys: readonly string[], at: number) => lang.gate.negation.has(keys[at - 1] ?? '');
  if (denied(r.src.keys, b.b[0]) || denied(unit.keys, b.a[0])) return undefined;
  // A pair whose word both sides share (`cooperation`) is no reversal; another pair may be.
  for (const pair of lang.opposites.pairs) {
    const x = pair[0];
    const y = pair[1];
    const reversed = (hasPhrase(sk, x) && (hasPhrase(dk, y) || hasPhrase(dPhrase, y))) || (hasPhrase(sk, y) && (hasPhrase(dk, x) || hasPhrase(dPhrase, x)));
    if (!reversed || dk.some(k => sk.includes(k) && (x.includes(k) || y.includes(k)))) continue;
    // The source's word denied inside the block (`not limited to`, `including but not limited to`) says the reverse of itself.
    const at = sk.findIndex(k => x.includes(k) || y.includes(k));
    if (at > 0 && sk.slice(0, at).some(k => lang.gate.negation.has(k))) continue;
    return { pair };
  }
  // A negative prefix added or dropped in the same place (`legal flows` for `illegal flows`,
  // `fair trade` for `unfair trade`).
  if (b.a.length <= 3 && b.b.length <= 3) {
    const sWords = b.b.map(i => r.src.words[i].text);
    const prefixed = b.a.find(i => sWords.some(x => negativePrefixed(lang, unit.words[i].text, x) || negativePrefixed(lang, x, unit.words[i].text)));
    if (prefixed !== undefined) return { prefixed };
  }
  return undefined;
}

/** True if `neg` is `plain` with a negative prefix (`illegal`/`legal`, `unfair`/`fair`, `non-binding`/`binding`). */
function negativePrefixed(lang: LanguagePack, neg: string, plain: string): boolean {
  if (plain.length < 4) return false;
  const m = lang.opposites.negativePrefix.exec(neg);
  return !!m && m[1] === plain;
}

const phraseWords = new Map<string, string[]>();
function splitPhrase(x: string): string[] {
  let v = phraseWords.get(x);
  if (!v) phraseWords.set(x, (v = x.split(' ')));
  return v;
}

/** Where the draft's action word and the source's word before the same object are opposites. */
export function oppositeByObject(lang: LanguagePack, dk: readonly string[], src: SourceSentence): { di: number; dEnd: number; si: number; sEnd: number } | undefined {
  const FIRST = lang.opposites.firstWords;
  const isStopKey = lang.isStopKey;
  /** Length in words of the entry of `list` starting at `keys[i]` (0: none). */
  const phraseAt = (keys: readonly string[], i: number, list: readonly string[]): number => {
    if (!FIRST.has(keys[i])) return 0;
    for (const x of list) {
      const xs = splitPhrase(x);
      if (xs.every((w, k) => keys[i + k] === w)) return xs.length;
    }
    return 0;
  };
  for (let i = 0; i < dk.length; i++) {
    if (!FIRST.has(dk[i])) continue;
    for (const [x, y] of lang.opposites.pairs) {
      for (const [mine, theirs] of [[x, y], [y, x]] as const) {
        const len = phraseAt(dk, i, mine);
        if (!len || phraseAt(dk, i, theirs)) continue;
        // The object: the next content word after the action, skipping articles.
        let o = i + len;
        while (o < dk.length && isStopKey(dk[o])) o++;
        if (o >= dk.length || o > i + len + 2) {
          // A passive (`the existing MOU … would be allowed to lapse`): the object comes first, so
          // the source's object of the opposite action must be among the draft's earlier words.
          if (!dk.slice(Math.max(0, i - 3), i).some(k => lang.opposites.passiveMarks.has(k)) || src.keys.includes(dk[i])) continue;
          for (let h = 0; h < src.keys.length; h++) {
            const sl = phraseAt(src.keys, h, theirs);
            if (!sl) continue;
            let so = h + sl;
            while (so < src.keys.length && (isStopKey(src.keys[so]) || FIRST.has(src.keys[so]))) so++;
            if (so < src.keys.length && so <= h + sl + 4 && dk.slice(0, i).includes(src.keys[so])) return { di: i, dEnd: i + len - 1, si: h, sEnd: h + sl - 1 };
          }
          continue;
        }
        for (let j = 0; j < src.keys.length; j++) {
          if (src.keys[j] !== dk[o]) continue;
          // A two-word object (`refugee resettlement`) may sit further from its action
          // (`strengthen efforts in these areas, including refugee resettlement`).
          // A figure is no second word (`COVID-19 pandemic` is not `COVID-19 vaccine manufacturing`).
          const reach = o + 1 < dk.length && !isStopKey(dk[o + 1]) && !/^\d/.test(dk[o + 1]) && src.keys[j + 1] === dk[o + 1] ? 7 : 3;
          for (let h = j - 1; h >= Math.max(0, j - reach); h--) {
            const sl = phraseAt(src.keys, h, theirs);
            if (sl && h + sl <= j && !phraseAt(src.keys, h, mine) && !src.keys.includes(dk[i])) return { di: i, dEnd: i + len - 1, si: h, sEnd: h + sl - 1 };
          }
        }
      }
    }
  }
  return undefined;
}

/** The first `n` content words of `keys` from `from`, figures left out (`COVID-19 pandemic`: `covid`, `pandemic`). */
export function objectWords(lang: LanguagePack, keys: readonly string[], from: number, n: number): string[] {
  return keys.slice(from).filter(k => !lang.isStopKey(k) && !/^\d/.test(k)).slice(0, n);
}
