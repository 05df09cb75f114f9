/**
 * Quick fixes from what a finding knows. A detector that knows the source's words for the
 * words it flags puts them in `details` (`draft`: the draft's words, `source`: the source's);
 * one function here turns that into a fix, so that fixes are built the same way for every code
 * and the detectors only state facts.
 */
import type { Finding } from './findings';

/** The details a detector gives when it knows the source's words for the flagged ones. */
export interface ReplacementDetails {
  /** The draft's words the source's words stand for (the flagged words, or a phrase around them). */
  readonly draft: string;
  /** The source's words, as the source gives them. */
  readonly source: string;
}

const TITLES: Readonly<Record<string, (s: string) => string>> = {
  'misquote': () => 'Replace with the official wording',
  'changed-figure': s => `Restore the source's figure: "${s}"`,
  'changed-actor': s => `Restore the source's actor: "${s}"`,
  'altered-name': s => `Restore the official wording: "${s}"`,
  'changed-term': s => `Restore the source's term: "${s}"`,
  'negated': s => `Restore what the source affirms: "${s}"`,
  'overstated': s => `Restore the source's strength: "${s}"`,
  'understated': s => `Restore the source's strength: "${s}"`,
  'opposite': s => `Restore the source's action: "${s}"`,
};

/** The source's text as a drafter should type it: lines joined, hyphenation artefacts and Markdown escapes gone. */
export function cleanOfficialText(s: string): string {
  return s
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/(\p{L})-\s+(?=\p{Ll})/gu, '$1-')
    .replace(/\s+/g, ' ')
    .trim();
}

function flat(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The first letter of `source` in the case the draft's place asks for: `the President` inside a
 * sentence for `The President`, `The President` at its start; a proper name keeps its capital.
 */
function matchCase(source: string, atSentenceStart: boolean): string {
  const first = source.match(/^\p{L}+/u)?.[0] ?? '';
  if (!first) return source;
  if (atSentenceStart) return source[0].toUpperCase() + source.slice(1);
  const functionWord = /^(?:the|a|an|both|their|its|our|his|her|this|these|those|each|all|only|they)$/i.test(first);
  if (functionWord) return source[0].toLowerCase() + source.slice(1);
  return source;
}

/** True when `text[at]` opens a sentence (after `.`, `!`, `?`, a line start or a Markdown marker). */
function opensSentence(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 200), at);
  return /(?:^|[.!?]["'”’)]*\s+|\n[ \t]*(?:[-*+>]\s+|\d+[.)]\s+|#+\s+)?)["'“‘(]*$/.test(before);
}

/** A replacement that reads as the same part of speech, with its brackets closed. */
function plausible(draft: string, source: string): boolean {
  const balanced = (t: string) => (t.match(/\(/g) ?? []).length === (t.match(/\)/g) ?? []).length && (t.match(/\[/g) ?? []).length === (t.match(/]/g) ?? []).length;
  if (!balanced(source)) return false;
  // `agreed to eliminate` must not become `agreed to addressing`.
  const one = (t: string) => /^\p{L}+$/u.test(t.trim());
  if (one(draft) && one(source) && /ing$/i.test(draft.trim()) !== /ing$/i.test(source.trim())) return false;
  return true;
}

/**
 * The finding with a fix, when it has none yet and its details name the source's words for
 * words of the draft around the flagged span; otherwise the finding as it is.
 */
export function withFix(f: Finding, text: string): Finding {
  if (f.fix) return f;
  const d = f.details as Partial<ReplacementDetails> | undefined;
  if (!d || typeof d.source !== 'string' || typeof d.draft !== 'string' || !d.source.trim() || !d.draft.trim()) return f;
  const title = TITLES[f.code];
  if (!title) return f;
  // Where the draft's words are: the flagged span itself, or a phrase around it.
  const target = flat(d.draft);
  let start = -1;
  let end = -1;
  if (flat(text.slice(f.start, f.end)) === target) {
    start = f.start;
    end = f.end;
  } else {
    const re = new RegExp(target.split(' ').map(escapeRegExp).join('\\s+'), 'g');
    const from = Math.max(0, f.start - d.draft.length - 8);
    re.lastIndex = from;
    for (let m = re.exec(text); m && m.index <= f.start; m = re.exec(text)) {
      if (m.index <= f.start && m.index + m[0].length >= f.end) {
        start = m.index;
        end = m.index + m[0].length;
        break;
      }
    }
  }
  if (start < 0 || !plausible(text.slice(start, end), d.source)) return f;
  const official = matchCase(cleanOfficialText(d.source), opensSentence(text, start));
  if (flat(text.slice(start, end)) === official) return f;
  return { ...f, fix: { title: title(official), start, end, newText: official } };
}

/** Every finding with the fix its details allow. */
export function withFixes(findings: readonly Finding[], text: string): Finding[] {
  return findings.map(f => withFix(f, text));
}
