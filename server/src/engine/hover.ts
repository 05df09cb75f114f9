/**
 * Hover citations: what the draft quotes or restates under the cursor, shown as the
 * source paragraph (matched words in bold), its section, document, date, link and
 * citation id; a word-by-word difference when the draft's wording is not the source's;
 * the commitment's history when later dated sources restate or update it (series.ts); and,
 * on an official name, where it first appears and how often the sources use it.
 *
 * All text from sources and drafts is escaped: the Markdown built here never contains
 * HTML, links other than a source's own http(s) URL, or command links.
 */
import { diffWords } from 'diff';
import { NeverCancelled, type CancellationToken } from './cancellation';
import type { CorpusIndex } from './corpusIndex';
import { escapeMarkdown, safeLink, strong } from './text/markdown';
import { matchAt, type NameMatch, type SourceMatch } from './match';
import { normalizeText } from './normalize';
import { seriesOf, type SeriesEntry } from './series';
import type { Paragraph } from './types';

/** Hover content for a span of the draft. */
export interface HoverContent {
  /** Markdown, safe to render untrusted (no HTML, no command links). */
  readonly markdown: string;
  /** Offsets into the draft of the words the hover is about. */
  readonly start: number;
  readonly end: number;
  /** The citation id of the paragraph shown. */
  readonly paragraphId: string;
}

/** Longest paragraph excerpt shown in a hover, in characters, around the matched words. */
const MAX_EXCERPT = 1200;

/**
 * The hover for `offset` in the draft `text`, or undefined when nothing there matches a
 * source (so the client shows no box at all).
 */
export function hoverAt(index: CorpusIndex, text: string, offset: number, token: CancellationToken = NeverCancelled): HoverContent | undefined {
  const { match, name } = matchAt(index, text, offset, token);
  if (!match && !name) return undefined;
  const paragraph = match ? match.paragraph : name!.first.paragraph;
  const span = match ? { start: match.sourceStart, end: match.sourceEnd } : name!.first;
  const parts: string[] = [];
  parts.push(heading(index, paragraph));
  parts.push(quoteBlock(paragraph, span.start, span.end));
  if (name) parts.push(nameNote(name));
  if (match && !match.exact) parts.push(differenceNote(text, match));
  const history = match ? seriesOf(index).historyOf(match.paragraph, match.sourceStart, match.sourceEnd) : undefined;
  if (history) parts.push(historyNote(index, history, match!));
  parts.push(`Citation: \`${paragraph.id.replace(/`/g, '')}\``);
  const start = Math.min(match?.draftStart ?? Infinity, name?.draftStart ?? Infinity);
  const end = Math.max(match?.draftEnd ?? -1, name?.draftEnd ?? -1);
  return { markdown: parts.join('\n\n'), start, end, paragraphId: paragraph.id };
}

/** `**Title** · Section · ¶n · date · [source](url)` */
export function heading(index: CorpusIndex, paragraph: Paragraph): string {
  const doc = index.getDocument(paragraph.documentId);
  const bits = [strong(doc?.title ?? paragraph.documentId), escapeMarkdown(paragraph.sectionTitle), `¶${paragraph.number}`];
  if (doc?.date) bits.push(escapeMarkdown(doc.date));
  const link = safeLink('source', doc?.url);
  if (link) bits.push(link);
  return bits.join(' · ');
}

/** The paragraph as a block quote with `[start, end)` in bold, shortened around it if very long. */
export function quoteBlock(paragraph: Paragraph, start: number, end: number): string {
  const text = paragraph.text;
  let from = 0;
  let to = text.length;
  if (to > MAX_EXCERPT) {
    const room = Math.max(0, MAX_EXCERPT - (end - start)) / 2;
    from = Math.max(0, Math.floor(start - room));
    to = Math.min(text.length, Math.ceil(end + room));
  }
  const before = escapeMarkdown(text.slice(from, start));
  const matched = text.slice(start, end);
  const after = escapeMarkdown(text.slice(end, to));
  const body = `${from > 0 ? '… ' : ''}${before}${matched.trim() ? strong(matched) : ''}${after}${to < text.length ? ' …' : ''}`;
  const lines = [`> ${body}`];
  if (paragraph.attribution) lines.push('>', `> — ${escapeMarkdown(paragraph.attribution)}`);
  return lines.join('\n');
}

function nameNote(name: NameMatch): string {
  const times = name.count === 1 ? 'once' : `${name.count} times`;
  const passages = name.passages === 1 ? '1 passage' : `${name.passages} passages`;
  return `Official name ${strong(name.text)}: used ${times} in ${passages} of the sources; first appears in ${escapeMarkdown(name.first.paragraph.label)}.`;
}

/** Longest sentence shown in a history, in characters. */
const MAX_HISTORY_SENTENCE = 300;

const KIND_LABELS: Readonly<Record<SeriesEntry['kind'], string>> = { first: 'First stated', restated: 'Restated', updated: 'Updated' };

/**
 * The commitment's history, oldest first: each statement with its date, its words, its citation
 * label and link; the latest wording named as such, and the statement the draft follows marked.
 */
export function historyNote(index: CorpusIndex, history: readonly SeriesEntry[], match: SourceMatch): string {
  const latest = history[history.length - 1];
  const followed = history.find(e => e.paragraph === match.paragraph && e.start < match.sourceEnd && match.sourceStart < e.end);
  const lines = history.map(e => {
    const doc = index.getDocument(e.paragraph.documentId);
    const sentence = e.paragraph.text.slice(e.start, e.end).replace(/\s+/g, ' ').trim();
    const shown = sentence.length > MAX_HISTORY_SENTENCE ? `${sentence.slice(0, MAX_HISTORY_SENTENCE - 1)}…` : sentence;
    const link = safeLink('source', doc?.url);
    const notes = [e === latest ? strong('latest wording') : '', e === followed ? 'your draft follows this' : ''].filter(Boolean);
    return `- ${strong(`${KIND_LABELS[e.kind]}, ${e.date}`)}: “${escapeMarkdown(shown)}” (${escapeMarkdown(e.paragraph.label)}${link ? ` · ${link}` : ''})${notes.length ? ` · ${notes.join(' · ')}` : ''}`;
  });
  const outdated = followed && followed !== latest && history.some(e => e.date > followed.date && e.kind === 'updated');
  const summary = outdated
    ? `The wording your draft follows (${escapeMarkdown(followed.date)}) has been updated since: the latest is that of ${escapeMarkdown(latest.date)}.`
    : `The latest wording is that of ${escapeMarkdown(latest.date)}.`;
  return `**History of this commitment** (${history.length} statements). ${summary}\n\n${lines.join('\n')}`;
}

/** The draft's words against the source's, word by word: ~~draft only~~, **source only**. */
export function differenceNote(draft: string, match: SourceMatch): string {
  const words = (s: string) => normalizeText(s, { keepCase: true }).text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const draftText = words(draft.slice(match.draftStart, match.draftEnd));
  const sourceText = words(match.paragraph.text.slice(match.sourceStart, match.sourceEnd));
  const parts = diffWords(sourceText, draftText, { ignoreCase: true });
  const out: string[] = [];
  const mark = (value: string, draftOnly: boolean) => {
    const core = value.trim();
    if (!core) return value;
    const lead = /^\s*/.exec(value)![0];
    const trail = /\s*$/.exec(value)![0];
    return `${lead}${draftOnly ? `~~${escapeMarkdown(core)}~~` : strong(core)}${trail}`;
  };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      // A replacement: the draft's words first, then the source's.
      out.push(`${mark(next.value, true)} ${mark(part.value, false)}`);
      i++;
    } else if (part.added || part.removed) {
      out.push(mark(part.value, part.added));
    } else {
      out.push(escapeMarkdown(part.value));
    }
  }
  return `**The wording differs from the source** (~~struck~~: only in your draft; **bold**: the source's words):\n\n> ${out.join('')}`;
}
