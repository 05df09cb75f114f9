/**
 * Completion of official wording: phrase continuation (completion/phrases.ts), official names
 * (completion/names.ts, from names/table.ts), and keyword search of commitments (the `@@`
 * in-text trigger; the search is commitments.ts); ghost text; the Insert Commitment edits.
 *
 * Typing is never hijacked. Suggestions come only when the words before the cursor match a
 * source distinctively (a run of several words with at least three content words, or an
 * official name's first words including one that belongs to that name); never right after
 * `.`, `!` or `?`; and an item only ever replaces the word being typed (correcting a typo in
 * it), never other typed words or their case (completion/typed.ts). Items filter on that one
 * word, so a stale list closes as soon as the drafter types a space or punctuation the item
 * does not have. Every insert carries its citation (`citationStyle`).
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-types';
import { NeverCancelled, type CancellationToken } from './cancellation';
import { asQuotation, citationFor, type CitationStyle, type OffsetEdit } from './citations';
import { allCommitments, searchCommitments } from './commitments';
import { namesMatching, nameSuggestions } from './completion/names';
import { continuations, warmPhrases } from './completion/phrases';
import { labelFor, typingContext, type Suggestion } from './completion/typed';
import { WordIndex } from './wordIndex';
import type { CorpusIndex } from './corpusIndex';
import { LineIndex, type Position } from './positions';
import type { Steps } from './steps';
import { escapeMarkdown } from './text/markdown';
import type { Paragraph } from './types';

export { afterSentencePunctuation, type Suggestion } from './completion/typed';

/** The in-text trigger for keyword search: `@@methane` offers commitments about methane. */
export const SEARCH_TRIGGER = '@@';

/** `verbatim.suggestions`: what typing may bring up. `@@` search works in every mode. */
export type SuggestionsMode = 'off' | 'names' | 'all';

export interface CompletionOptions {
  /** How inserted text is cited (`verbatim.citationStyle`); default `none`. */
  readonly citationStyle?: CitationStyle;
  /** Maximum number of items (default 8). */
  readonly maxItems?: number;
  /** Which suggestions typing brings up (default `all`). */
  readonly suggestions?: SuggestionsMode;
}

/** Phrase continuations and official names for the text before the cursor; none unless the match is distinctive. */
export function suggest(index: CorpusIndex, linePrefix: string, token: CancellationToken = NeverCancelled, maxItems = 8, mode: SuggestionsMode = 'all'): Suggestion[] {
  if (mode === 'off') return [];
  const ctx = typingContext(linePrefix);
  if (!ctx) return [];
  const phrases = mode === 'all' ? continuations(index, ctx, token) : [];
  const names = nameSuggestions(index, ctx);
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const push = (s: Suggestion | undefined) => {
    if (!s) return;
    const key = `${s.replaceStart}\u0000${s.newText}`;
    if (seen.has(key) || s.newText === linePrefix.slice(s.replaceStart)) return;
    seen.add(key);
    out.push(s);
  };
  // Interleave: best phrase (short, sentence), best name, then the rest.
  phrases[0]?.forEach(push);
  push(names[0]);
  for (let i = 1; i < phrases.length || i < names.length; i++) {
    phrases[i]?.forEach(push);
    push(names[i]);
  }
  return out.slice(0, maxItems);
}

/** Builds completion's look-up structures (the language server warms a new index with them; the name table is warmed with hover's). */
export function* warmCompletion(index: CorpusIndex): Steps<void> {
  const words = yield* WordIndex.warm(index);
  yield;
  yield* words.warmDeletes();
  yield;
  warmPhrases(index);
}

/** The draft as completion sees it. */
export interface CompletionDraft {
  readonly text: string;
}

const SEARCH_LIMIT = 30;

/** Where a completion request is: the draft's lines, the cursor, and the text of its line before it. */
interface At {
  readonly draft: CompletionDraft;
  readonly lines: LineIndex;
  readonly position: Position;
  readonly linePrefix: string;
  readonly style: CitationStyle;
}

function at(draft: CompletionDraft, cursor: Position, style: CitationStyle): At {
  const lines = new LineIndex(draft.text);
  // Edit ranges end at the cursor: a cursor past the end of its line must not put them outside the document.
  const position = lines.clamp(cursor);
  const offset = lines.offsetAt(position);
  const lineStart = lines.lineStarts[Math.min(position.line, lines.lineCount - 1)];
  return { draft, lines, position, linePrefix: draft.text.slice(lineStart, offset), style };
}

/**
 * LSP completion items at `position` in `draft`: the `@@keyword` search if the cursor
 * follows one (right after `@@`, every commitment in source order, so that the list opens by
 * itself and narrows as the drafter types), else phrase continuations and official names.
 * Text edits replace at most the word being typed; every item carries its citation
 * (`citationStyle`).
 */
export function completeOfficialWording(index: CorpusIndex, draft: CompletionDraft, position: Position, options: CompletionOptions = {}, token: CancellationToken = NeverCancelled): CompletionList {
  const here = at(draft, position, options.citationStyle ?? 'none');
  const trigger = here.linePrefix.lastIndexOf(SEARCH_TRIGGER);
  if (trigger >= 0) return { isIncomplete: true, items: searchItems(index, here, trigger, token) };
  // Re-ask on every keystroke: the best continuation depends on the words, not on filtering.
  return { isIncomplete: true, items: suggestionItems(index, here, suggest(index, here.linePrefix, token, options.maxItems ?? 8, options.suggestions ?? 'all')) };
}

/** An item replacing `[startChar, cursor)` of the line with `newText` and its citation from `paragraph`. */
function item(index: CorpusIndex, here: At, paragraph: Paragraph, startChar: number, newText: string, fields: Omit<CompletionItem, 'detail' | 'textEdit' | 'insertTextFormat' | 'additionalTextEdits'>): CompletionItem {
  const cite = citationFor(index, paragraph, here.draft.text, here.style);
  const lsp = (e: OffsetEdit): TextEdit => ({ range: here.lines.rangeAt(e.start, e.end), newText: e.newText });
  return {
    ...fields,
    detail: paragraph.label,
    textEdit: { range: { start: { line: here.position.line, character: startChar }, end: here.position }, newText: newText + cite.suffix },
    insertTextFormat: InsertTextFormat.PlainText,
    additionalTextEdits: cite.additionalEdits.length ? cite.additionalEdits.map(lsp) : undefined,
  };
}

const sortText = (i: number) => String(i).padStart(4, '0');

/** The `@@` search: official names by their acronym or words first (`@@NORAD`, `@@crime forum`), then commitments. */
function searchItems(index: CorpusIndex, here: At, trigger: number, token: CancellationToken): CompletionItem[] {
  const typed = here.linePrefix.slice(trigger);
  const query = typed.slice(SEARCH_TRIGGER.length);
  const names = query.trim().length >= 2 ? namesMatching(index, query) : [];
  const items = names.map((name, i) => {
    const occ = name.occurrences.find(o => o.end - o.start > name.base.length) ?? name.occurrences[0];
    return item(index, here, occ.paragraph, trigger, name.text, {
      label: name.text,
      kind: CompletionItemKind.Constant,
      documentation: documentation(occ.paragraph, occ.start, occ.end),
      filterText: `${typed} ${name.text}`,
      sortText: sortText(i),
      data: { paragraphId: occ.paragraph.id, kind: 'name' },
    });
  });
  const hits = query.trim().length >= 2 ? searchCommitments(index, query, SEARCH_LIMIT, token) : allCommitments(index, SEARCH_LIMIT);
  hits.forEach((h, i) => {
    const sentence = h.paragraph.sentences[h.sentenceIndex];
    items.push(
      item(index, here, h.paragraph, trigger, asQuotation(h.text), {
        label: searchLabel(h.text, query),
        kind: CompletionItemKind.Reference,
        documentation: documentation(h.paragraph, sentence.start, sentence.end),
        filterText: `${typed} ${h.text}`,
        sortText: sortText(names.length + i),
        data: { paragraphId: h.paragraph.id, sentenceIndex: h.sentenceIndex },
      }),
    );
  });
  return items;
}

/** Phrase continuations and names as items, best first. */
function suggestionItems(index: CorpusIndex, here: At, suggestions: readonly Suggestion[]): CompletionItem[] {
  return suggestions.map((s, i) =>
    item(index, here, s.paragraph, s.replaceStart, s.newText, {
      label: s.label,
      kind: s.kind === 'name' ? CompletionItemKind.Constant : CompletionItemKind.Text,
      documentation: documentation(s.paragraph, s.matchStart, s.matchEnd),
      filterText: s.filterText,
      sortText: sortText(i),
      data: { paragraphId: s.paragraph.id, kind: s.kind },
    }),
  );
}

/** A search hit's label: the sentence around the first word searched for, so the list shows why it matched. */
function searchLabel(text: string, query: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= 50) return t;
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const lower = t.toLowerCase();
  const found = Math.min(...words.map(w => lower.search(new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u'))).filter(i => i >= 0), Infinity);
  if (!Number.isFinite(found) || found < 20) return labelFor(t);
  const from = t.lastIndexOf(' ', found - 14) + 1;
  const window = t.slice(from, from + 46);
  const cut = window.length < 46 ? window : window.slice(0, window.lastIndexOf(' '));
  return `… ${cut}${from + cut.length < t.length ? ' …' : ''}`;
}

/** The source paragraph as Markdown, escaped, with `[start, end)` in bold. */
export function documentation(paragraph: Paragraph, start: number, end: number) {
  const t = paragraph.text;
  const value = `${escapeMarkdown(t.slice(0, start))}**${escapeMarkdown(t.slice(start, end))}**${escapeMarkdown(t.slice(end))}\n\n— ${escapeMarkdown(paragraph.label)}`;
  return { kind: MarkupKind.Markdown, value };
}

/** A ghost-text suggestion: `insertText` replaces `range` (the word being typed, if any). */
export interface InlineSuggestion {
  readonly insertText: string;
  readonly range: { readonly start: Position; readonly end: Position };
  readonly paragraphId: string;
  /** With `footnote` citations: the footnote the inserted reference needs defined (see {@link footnoteDefinitionEdits}). */
  readonly footnoteFor?: string;
}

/**
 * Ghost text at `position`: the official continuation of the words before the cursor, only
 * when the typed words clearly start one official continuation (see {@link suggest}) and
 * what was typed is kept exactly (accepting with Tab only appends), followed by the citation.
 */
export function inlineContinuations(index: CorpusIndex, draft: CompletionDraft, position: Position, options: CompletionOptions = {}, token: CancellationToken = NeverCancelled): InlineSuggestion[] {
  const { linePrefix, position: cursor } = at(draft, position, 'none');
  if (linePrefix.includes(SEARCH_TRIGGER)) return [];
  const style = options.citationStyle ?? 'none';
  const out: InlineSuggestion[] = [];
  for (const s of suggest(index, linePrefix, token, 4, options.suggestions ?? 'all')) {
    if (!s.ghost) continue;
    const typed = linePrefix.slice(s.replaceStart);
    if (!s.newText.startsWith(typed) || s.newText.length <= typed.length) continue;
    const cite = citationFor(index, s.paragraph, draft.text, style);
    out.push({
      insertText: s.newText + cite.suffix,
      range: { start: { line: cursor.line, character: s.replaceStart }, end: cursor },
      paragraphId: s.paragraph.id,
      footnoteFor: cite.additionalEdits.length ? s.paragraph.id : undefined,
    });
  }
  return out;
}

/**
 * The edit defining the footnote of `paragraphId` at the end of the draft, if the draft
 * cites it and does not define it yet (after ghost text inserted the reference).
 */
export function footnoteDefinitionEdits(index: CorpusIndex, draft: CompletionDraft, paragraphId: string): TextEdit[] {
  const paragraph = index.getParagraph(paragraphId);
  if (!paragraph) return [];
  const cite = citationFor(index, paragraph, draft.text, 'footnote');
  const lines = new LineIndex(draft.text);
  return cite.additionalEdits.map(e => ({ range: lines.rangeAt(e.start, e.end), newText: e.newText }));
}

/**
 * The edits inserting sentence `sentenceIndex` of `paragraph` as a quotation at `position`,
 * followed by its citation in `style`.
 */
export function insertCommitmentEdits(index: CorpusIndex, draft: CompletionDraft, cursor: Position, paragraph: Paragraph, sentenceIndex: number, style: CitationStyle): TextEdit[] {
  const sentence = paragraph.sentences[sentenceIndex];
  if (!sentence) return [];
  const lines = new LineIndex(draft.text);
  const position = lines.clamp(cursor);
  const cite = citationFor(index, paragraph, draft.text, style);
  const here = { start: position, end: position };
  return [{ range: here, newText: asQuotation(sentence.text) + cite.suffix }, ...cite.additionalEdits.map(e => ({ range: lines.rangeAt(e.start, e.end), newText: e.newText }))];
}
