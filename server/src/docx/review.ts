/**
 * The reviewed copy's new XML: a Word comment on each finding, anchored on the flagged words.
 * Pure: it takes the parts as read and returns the parts to replace or add. Nothing but the
 * comment markup is written: `w:commentRangeStart`/`w:commentRangeEnd` and a reference run
 * around the words (a run is split where the words start or end inside it, each half keeping
 * the run's properties), the comments part (added to, or created with its relationship and
 * content type). Every other byte of every part stays as it was.
 */
import type { DocxPackage, TextPart } from './package';
import { relationshipTargets, relsPartOf } from './package';
import { paragraphAt, type DocxText, type TextPiece } from './read';
import { attr, escapeXml, isW, parseXml, rawOffset, type XmlElement } from './xml';

/** One comment: the words it is anchored on (offsets in the extracted text) and its paragraphs. */
export interface ReviewComment {
  readonly start: number;
  readonly end: number;
  readonly paragraphs: readonly string[];
}

export interface CommentOptions {
  readonly author: string;
  readonly initials: string;
  /** ISO 8601, as Word writes it (`2026-12-04T10:00:00Z`). */
  readonly date: string;
}

/** Parts to write (name → new XML) and the comments anchored. */
export interface ReviewEdits {
  /** Changed or new parts, by name; each with the encoding to write it in. */
  readonly parts: ReadonlyMap<string, TextPart>;
  /** How many comments were anchored (a comment whose words map to no run is left out). */
  readonly anchored: number;
}

const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

interface Insertion {
  readonly pos: number;
  /** The split of a run around the markup: the markup goes between `before` and `after`. */
  readonly before: string;
  readonly after: string;
  readonly prefix: string;
  starts: number[];
  ends: number[];
  /** A `w:t` start tag to give xml:space="preserve", now that its text is split. */
  readonly preserve?: XmlElement;
}

/** The edits that add `comments` to the document read as `draft` from `pkg`. */
export function addComments(pkg: DocxPackage, draft: DocxText, comments: readonly ReviewComment[], options: CommentOptions): ReviewEdits {
  const existing = pkg.comments ? parseXml(pkg.comments.xml) : undefined;
  let nextId = 0;
  for (const c of existing?.children ?? []) if (isW(c, 'comment')) nextId = Math.max(nextId, Number(attr(c, 'id') ?? -1) + 1);

  const byPart = new Map<string, Map<number, Insertion>>();
  const insertion = (part: string, at: Omit<Insertion, 'starts' | 'ends'>) => {
    let m = byPart.get(part);
    if (!m) byPart.set(part, (m = new Map()));
    let ins = m.get(at.pos);
    if (!ins) m.set(at.pos, (ins = { ...at, starts: [], ends: [] }));
    return ins;
  };
  const bodies: string[] = [];
  for (const c of comments) {
    const a = anchorPoint(draft, c.start, 'start');
    const b = anchorPoint(draft, c.end, 'end');
    if (!a || !b || a.part !== b.part) continue;
    const id = nextId++;
    insertion(a.part, a.at).starts.push(id);
    insertion(b.part, b.at).ends.push(id);
    bodies.push(commentXml(existing?.prefix || 'w', id, c.paragraphs, options));
  }
  const out = new Map<string, TextPart>();
  if (!bodies.length) return { parts: out, anchored: 0 };

  for (const [partName, points] of byPart) {
    const part = draft.parts.get(partName)!;
    const source = partName === pkg.document.name ? pkg.document : partName === pkg.footnotes?.name ? pkg.footnotes : pkg.endnotes!;
    out.set(partName, { ...source, xml: applyInsertions(part.xml, [...points.values()]) });
  }

  if (pkg.comments && existing) {
    out.set(pkg.comments.name, { ...pkg.comments, xml: pkg.comments.xml.slice(0, existing.closeStart) + bodies.join('') + pkg.comments.xml.slice(existing.closeStart) });
  } else {
    const names = new Set(pkg.entries.map(e => e.fileName.toLowerCase()));
    const dir = pkg.document.name.slice(0, pkg.document.name.lastIndexOf('/') + 1);
    let file = 'comments.xml';
    for (let k = 1; names.has((dir + file).toLowerCase()); k++) file = `comments${k}.xml`;
    const strict = /purl\.oclc\.org\/ooxml/.test(pkg.document.xml.slice(0, 2000));
    const wNs = strict ? 'http://purl.oclc.org/ooxml/wordprocessingml/main' : 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    out.set(dir + file, { name: dir + file, encoding: 'utf8', xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="${wNs}">${bodies.join('')}</w:comments>` });
    const relType = `${strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}/comments`;
    const rels = pkg.documentRels;
    if (rels && relationshipTargets(rels, pkg.document.name, t => t === relType).length === 0) {
      const root = parseXml(rels.xml);
      const ids = new Set(root.children.map(r => attr(r, 'Id', '')));
      let id = 'rIdVerbatimComments';
      for (let k = 1; ids.has(id); k++) id = `rIdVerbatimComments${k}`;
      const rel = `<Relationship Id="${id}" Type="${relType}" Target="${file}"/>`;
      out.set(rels.name, { ...rels, xml: rels.xml.slice(0, root.closeStart) + rel + rels.xml.slice(root.closeStart) });
    } else if (!rels) {
      const name = relsPartOf(pkg.document.name);
      out.set(name, { name, encoding: 'utf8', xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdVerbatimComments" Type="${relType}" Target="${file}"/></Relationships>` });
    }
    const types = parseXml(pkg.contentTypes.xml);
    const override = `<Override PartName="/${escapeXml(dir + file)}" ContentType="${COMMENTS_TYPE}"/>`;
    out.set(pkg.contentTypes.name, { ...pkg.contentTypes, xml: pkg.contentTypes.xml.slice(0, types.closeStart) + override + pkg.contentTypes.xml.slice(types.closeStart) });
  }
  return { parts: out, anchored: bodies.length };
}

function commentXml(w: string, id: number, paragraphs: readonly string[], o: CommentOptions): string {
  const t = (s: string) => `<${w}:t xml:space="preserve">${escapeXml(s)}</${w}:t>`;
  const paras = paragraphs.map((text, i) => `<${w}:p>${i === 0 ? `<${w}:r><${w}:annotationRef/></${w}:r>` : ''}<${w}:r>${t(text)}</${w}:r></${w}:p>`);
  return `<${w}:comment ${w}:id="${id}" ${w}:author="${escapeXml(o.author)}" ${w}:date="${escapeXml(o.date)}" ${w}:initials="${escapeXml(o.initials)}">${paras.join('')}</${w}:comment>`;
}

/**
 * Where the comment's start (or end) goes for offset `offset` of the extracted text: between
 * runs when the words start (end) at a run's edge, else inside the run, which is then split.
 */
function anchorPoint(draft: DocxText, offset: number, side: 'start' | 'end'): { part: string; at: Omit<Insertion, 'starts' | 'ends'> } | undefined {
  const piece = pieceFor(draft, offset, side);
  if (!piece) return undefined;
  const { run, element: el } = piece;
  const part = draft.parts.get(run.part)!;
  const xml = part.xml;
  const o = side === 'start' ? Math.max(offset, piece.start) : Math.min(offset, piece.end);
  const k = piece.from + (o - piece.start);
  const length = piece.decoded ? piece.decoded.text.length : 1;
  const prefix = run.run.prefix;
  const runOpen = xml.slice(run.run.start, run.run.openEnd) + (run.rPr ? xml.slice(run.rPr.start, run.rPr.end) : '');
  const content = run.run.children.filter(c => c !== run.rPr);
  if (k > 0 && k < length && piece.decoded) {
    // Inside a w:t: close the text and the run, reopen both after the markup.
    const pos = rawOffset(piece.decoded, el.openEnd, k);
    const tOpen = `<${el.prefix ? el.prefix + ':' : ''}t xml:space="preserve">`;
    const needsPreserve = attr(el, 'space', 'http://www.w3.org/XML/1998/namespace') !== 'preserve';
    return { part: run.part, at: { pos, before: `</${el.prefix}:t></${prefix}:r>`, after: runOpen + tOpen, prefix, ...(needsPreserve ? { preserve: el } : {}) } };
  }
  const beforeElement = k === 0;
  const index = content.indexOf(el);
  if (beforeElement && index === 0) return { part: run.part, at: { pos: run.run.start, before: '', after: '', prefix } };
  if (!beforeElement && index === content.length - 1) return { part: run.part, at: { pos: run.run.end, before: '', after: '', prefix } };
  // Between two elements of one run: close the run, reopen it after the markup.
  return { part: run.part, at: { pos: beforeElement ? el.start : el.end, before: `</${prefix}:r>`, after: runOpen, prefix } };
}

/** The piece holding the first character at `offset` (start) or the last before it (end), within its paragraph. */
function pieceFor(draft: DocxText, offset: number, side: 'start' | 'end'): TextPiece | undefined {
  const p = paragraphAt(draft, side === 'end' ? offset - 1 : offset);
  if (!p) return undefined;
  if (side === 'start') return p.pieces.find(x => x.end > offset);
  for (let i = p.pieces.length - 1; i >= 0; i--) if (p.pieces[i].start < offset) return p.pieces[i];
  return undefined;
}

function applyInsertions(xml: string, points: Insertion[]): string {
  const edits: { at: number; to: number; text: string }[] = [];
  const preserved = new Set<XmlElement>();
  for (const p of points) {
    const w = p.prefix;
    // Ends first, so that a comment ending where another starts closes before it opens.
    const markup = p.ends.map(id => `<${w}:commentRangeEnd ${w}:id="${id}"/><${w}:r><${w}:commentReference ${w}:id="${id}"/></${w}:r>`).join('') + p.starts.map(id => `<${w}:commentRangeStart ${w}:id="${id}"/>`).join('');
    edits.push({ at: p.pos, to: p.pos, text: p.before + markup + p.after });
    if (p.preserve && !preserved.has(p.preserve)) {
      preserved.add(p.preserve);
      const el = p.preserve;
      const tag = xml.slice(el.start, el.openEnd);
      edits.push({ at: el.start, to: el.openEnd, text: tag.replace(/\s*>$/, ' xml:space="preserve">') });
    }
  }
  // Back to front; at one offset, a replaced start tag before the markup inserted in front of it.
  edits.sort((a, b) => b.at - a.at || b.to - a.to);
  let out = xml;
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.to);
  return out;
}
