/**
 * A small element tree over an XML part, with the exact offsets of every tag in the part's
 * text, so that a reviewed copy can be made by inserting markup at those offsets and leaving
 * every other byte as it was. Parsing is saxes' (namespaces resolved, well-formedness
 * checked); text content is not kept in the tree: callers decode the raw slice they need
 * with {@link decodeXmlText}, which keeps a map back to the raw offsets.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

export interface XmlAttribute {
  readonly uri: string;
  readonly local: string;
  readonly value: string;
}

export interface XmlElement {
  readonly uri: string;
  readonly local: string;
  /** The prefix as written (`w` of `w:p`): markup inserted beside this element uses it. */
  readonly prefix: string;
  readonly attributes: readonly XmlAttribute[];
  /** Offset of `<` of the start tag. */
  readonly start: number;
  /** Offset just after the start tag's `>`. */
  readonly openEnd: number;
  /** Offset of `<` of the end tag (`openEnd` for an empty-element tag). */
  readonly closeStart: number;
  /** Offset just after the end tag (the start tag's end for an empty-element tag). */
  readonly end: number;
  readonly selfClosing: boolean;
  readonly children: readonly XmlElement[];
  readonly parent?: XmlElement;
}

/** WordprocessingML's main namespace: transitional (what Word writes) and strict. */
export const W_NAMESPACES: ReadonlySet<string> = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
export const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Thrown when a part is not well-formed XML. */
export class XmlError extends Error {}

interface MutableElement {
  uri: string;
  local: string;
  prefix: string;
  attributes: XmlAttribute[];
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  children: MutableElement[];
  parent?: MutableElement;
}

/** Parses `xml` (the whole part, as text) into its root element. Throws {@link XmlError}. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: MutableElement[] = [];
  let root: MutableElement | undefined;
  let failure: Error | undefined;
  parser.on('error', e => {
    failure ??= e;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const openEnd = parser.position;
    // saxes reports the start tag's position one past its `<`.
    const start = xml.lastIndexOf('<', openEnd - 1);
    const el: MutableElement = {
      uri: tag.uri,
      local: tag.local,
      prefix: tag.prefix,
      attributes: Object.values(tag.attributes).map(a => ({ uri: a.uri, local: a.local, value: a.value })),
      start,
      openEnd,
      closeStart: openEnd,
      end: openEnd,
      selfClosing: tag.isSelfClosing,
      children: [],
      parent: stack[stack.length - 1],
    };
    if (el.parent) el.parent.children.push(el);
    else root ??= el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    if (!el) return;
    el.end = parser.position;
    el.closeStart = el.selfClosing ? el.openEnd : xml.lastIndexOf('</', el.end - 1);
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    failure ??= e as Error;
  }
  if (failure || !root) throw new XmlError(failure ? failure.message.split('\n')[0] : 'no root element');
  return root;
}

/** The value of attribute `local` in `uri` (WordprocessingML by default), or undefined. */
export function attr(el: XmlElement, local: string, uri?: string): string | undefined {
  for (const a of el.attributes) {
    if (a.local !== local) continue;
    if (uri === undefined ? W_NAMESPACES.has(a.uri) : a.uri === uri) return a.value;
  }
  return undefined;
}

/** Whether `el` is WordprocessingML's `local` element. */
export function isW(el: XmlElement, local: string): boolean {
  return el.local === local && W_NAMESPACES.has(el.uri);
}

/** The first child that is WordprocessingML's `local`. */
export function childW(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el?.children.find(c => isW(c, local));
}

/** Text content decoded from a raw slice, with each decoded UTF-16 offset's raw offset. */
export interface DecodedText {
  readonly text: string;
  /** `raw[i]`: the offset in the part of decoded character `i`; `raw[text.length]` is the slice's end. Undefined when decoding changed nothing (offset + i). */
  readonly raw?: readonly number[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character data of `xml` between `from` and `to` (entities, character references, CDATA). */
export function decodeXmlText(xml: string, from: number, to: number): DecodedText {
  const slice = xml.slice(from, to);
  if (!/[&<\r]/.test(slice)) return { text: slice };
  let text = '';
  const raw: number[] = [];
  let i = from;
  while (i < to) {
    const c = xml[i];
    if (c === '&') {
      const semi = xml.indexOf(';', i);
      const name = semi > i && semi < to ? xml.slice(i + 1, semi) : '';
      let ch: string | undefined;
      if (name.startsWith('#x')) ch = String.fromCodePoint(parseInt(name.slice(2), 16));
      else if (name.startsWith('#')) ch = String.fromCodePoint(parseInt(name.slice(1), 10));
      else ch = ENTITIES[name];
      if (ch !== undefined) {
        for (let k = 0; k < ch.length; k++) raw.push(i);
        text += ch;
        i = semi + 1;
        continue;
      }
    } else if (xml.startsWith('<![CDATA[', i)) {
      const close = xml.indexOf(']]>', i);
      const end = close < 0 || close > to ? to : close;
      for (let k = i + 9; k < end; k++) {
        raw.push(k);
        text += xml[k];
      }
      i = end + 3;
      continue;
    } else if (c === '\r') {
      // XML end-of-line handling: CR LF and a lone CR are read as LF.
      raw.push(i);
      text += '\n';
      i += xml[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    raw.push(i);
    text += c;
    i++;
  }
  raw.push(to);
  return { text, raw };
}

/** The raw offset of decoded offset `i` of `d`, which starts at raw offset `from`. */
export function rawOffset(d: DecodedText, from: number, i: number): number {
  return d.raw ? d.raw[i] : from + i;
}

/** Escapes text for element content or an attribute value. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}
