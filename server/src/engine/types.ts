/** Public data types of the Verbatim engine. All objects are immutable once built. */
import type { NormalizedText, Token } from './normalize';
import type { Range } from './positions';
import type { OffsetMap } from './offsetMap';

/** A source to load: the engine never reads files itself, callers hand it text. */
export interface SourceInput {
  /** Where the text came from: a `file:` URI for user sources, any stable URI for bundled ones. */
  readonly uri: string;
  /** A name shown in messages (usually the path as the user wrote it). */
  readonly displayPath: string;
  /** The file contents. A `Uint8Array` is accepted so that binary files can be recognised and refused. */
  readonly content: string | Uint8Array;
  /** True for the sources that ship inside Verbatim. */
  readonly bundled?: boolean;
  /** The document's date (ISO) as the caller knows it (a project file): used when its front matter gives none. */
  readonly date?: string;
  /** The document's language (`en`, `fr`) as the caller knows it (a project file): used when its front matter gives none. */
  readonly lang?: string;
}

export type ProblemSeverity = 'error' | 'warning';

/** Something wrong with a source; the source is skipped on `error`, loaded on `warning`. */
export interface SourceProblem {
  readonly uri: string;
  readonly displayPath: string;
  readonly severity: ProblemSeverity;
  /** A sentence a drafter can act on, naming the file and the reason. */
  readonly message: string;
  readonly range?: Range;
}

/** A sentence of a source paragraph. Offsets are into `Paragraph.text`. */
export interface Sentence {
  /** Globally unique within one index: `${paragraphId}/s${index}`. */
  readonly id: string;
  readonly paragraphId: string;
  /** Zero-based position within the paragraph. */
  readonly index: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly normalized: NormalizedText;
  readonly tokens: readonly Token[];
}

export type ParagraphKind = 'prose' | 'bullet' | 'quotation';

/** A citable passage: a prose paragraph, a bullet item or a quotation. */
export interface Paragraph {
  /** Stable citation id, e.g. `roadmap-2021-02-23#accelerating-climate-ambitions-4`. */
  readonly id: string;
  readonly documentId: string;
  readonly sectionId: string;
  readonly sectionTitle: string;
  /** 1-based number within its section (the `¶` number). */
  readonly number: number;
  /** Human citation, e.g. `Roadmap for a Renewed U.S.-Canada Partnership, Accelerating Climate Ambitions, ¶4`. */
  readonly label: string;
  readonly kind: ParagraphKind;
  /** The paragraph's text with hard-wrapped lines joined and list markers removed. */
  readonly text: string;
  /** `sourceOffsets.at(i)` is the offset in the source file of `text[i]`; one extra entry for the end. */
  readonly sourceOffsets: OffsetMap;
  /** Where the paragraph sits in the source file. */
  readonly range: Range;
  readonly normalized: NormalizedText;
  readonly sentences: readonly Sentence[];
  /** Who the paragraph is attributed to (the signature block under the Roadmap's opening quotation). */
  readonly attribution?: string;
}

export interface Section {
  /** Slug, unique in its document (`accelerating-climate-ambitions`); `opening` for text before the first heading; `statement` for the one section of a source without headings. */
  readonly id: string;
  readonly title: string;
  /** True for the untitled text before the first heading. */
  readonly isOpening: boolean;
  readonly range: Range;
  readonly paragraphIds: readonly string[];
}

/** A parsed source document. */
export interface SourceDocument {
  /** From the file name: `roadmap-2021-02-23`. Unique within an index. */
  readonly id: string;
  readonly uri: string;
  readonly displayPath: string;
  readonly bundled: boolean;
  readonly title: string;
  /** ISO date (`2021-02-23`): the front matter's, else the dateline's. */
  readonly date?: string;
  readonly url?: string;
  readonly publisher?: string;
  /** The language (`en`, `fr`): the front matter's `lang`, else the caller's (a project file), else guessed from the text. Labels Verbatim generates follow it. */
  readonly lang?: string;
  /** The place and date that opened the release (`WASHINGTON`, `OTTAWA, ON, le 23 févr. 2022`), left out of its first passage. */
  readonly dateline?: string;
  /** All front matter fields as parsed. */
  readonly metadata: Readonly<Record<string, unknown>>;
  /**
   * Headed sections, in order. The opening (text before the first heading) is {@link opening}.
   * A source without any heading has one section, `Statement` (id `statement`; `Déclaration`,
   * `declaration` in French), whose passages are labelled with the document's title alone.
   */
  readonly sections: readonly Section[];
  readonly opening?: Section;
  /** Every paragraph in reading order, opening included. */
  readonly paragraphs: readonly Paragraph[];
  /** The full source text, for opening it read-only in an editor. */
  readonly text: string;
}

export interface ParseResult {
  /** Undefined when the source could not be used at all. */
  readonly document?: SourceDocument;
  readonly problems: readonly SourceProblem[];
}
