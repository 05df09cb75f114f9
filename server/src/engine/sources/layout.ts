/**
 * What the blocks of an official statement are, beyond Markdown's own structure: end marks,
 * datelines, page furniture, captions, numbered headings, and the language labels are
 * generated in. Pure string tests; parse.ts decides where each applies.
 */

/** `###`, `# # #` (escaped or not), `-30-`, `- 30 -`: the end of a press release. */
export function isEndMark(text: string): boolean {
  const t = text.trim();
  return /^(?:\\?#[ \t\u00a0]*){3}$/.test(t) || /^-[ \u00a0]?30[ \u00a0]?-$/.test(t);
}

/** Words and phrases of a web page around a statement, never part of it (compared lower-case, without final punctuation). */
const FURNITURE = new Set([
  'stay connected', 'scroll to top', 'back to top', 'top of page', 'to top', 'share', 'share this', 'share this page', 'share on',
  'print', 'print this page', 'email', 'e-mail', 'tweet', 'facebook', 'twitter', 'x', 'linkedin', 'whatsapp', 'reddit',
  'copy link', 'copy url', 'link copied', 'skip to content', 'skip to main content', 'main content', 'main container',
  'sign up', 'subscribe', 'menu', 'open menu', 'close menu', 'search', 'read more', 'see more', 'next', 'previous',
  'related', 'related content', 'for immediate release', 'briefing room', 'statements and releases', 'statements & releases',
  'partager', 'partager cette page', 'imprimer', 'courriel', 'haut de la page', 'haut de page', 'retour en haut',
  'retour en haut de la page', 'restez connectés', 'restez branchés', 'contenu principal', 'pour diffusion immédiate',
]);
const FURNITURE_PREFIX = /^(?:date modified|last updated|updated|published|date de modification|mis à jour|publié)\s*:\s*\S[^.!?]{0,40}$/i;
const LONGEST_FURNITURE = 4;

/**
 * Whether a paragraph is page furniture: one or more of {@link FURNITURE}'s phrases and
 * nothing else (`Share`, `Share | Print`, `Scroll to Top`), or a `Date modified:` line.
 */
export function isFurniture(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 80) return false;
  if (FURNITURE_PREFIX.test(t)) return true;
  const words = t
    .toLowerCase()
    .replace(/[|•·,:;!.]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return false;
  // Cover the words left to right with known phrases, longest first.
  let i = 0;
  while (i < words.length) {
    let n = Math.min(LONGEST_FURNITURE, words.length - i);
    for (; n > 0; n--) if (FURNITURE.has(words.slice(i, i + n).join(' '))) break;
    if (n === 0) return false;
    i += n;
  }
  return true;
}

/** `Photo: …`, `(Photo by …)`, `Credit: …`, `Crédit photo : …`: a picture's caption or credit line. */
export function isCaptionLine(text: string): boolean {
  return /^\(?(?:photo(?:graph)?|image|picture|credit|photo credit|caption|crédit(?: photo)?|légende)s?\b[^:\n]{0,40}(?::|\bby\b|\bpar\b)/i.test(text.trim()) && text.length <= 300;
}

const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTH = String.raw`(?:jan(?:uary|vier|v)?|feb(?:ruary)?|févr?(?:ier)?|fevr?(?:ier)?|mar(?:ch|s)?|apr(?:il)?|avr(?:il)?|may|mai|june?|juin|july?|juil(?:let)?|aug(?:ust)?|août|aout|sept?(?:ember|embre)?|oct(?:ober|obre)?|nov(?:ember|embre)?|dec(?:ember)?|déc(?:embre)?)\.?`;
const WEEKDAY = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)`;
/** `February 23, 2021`, `Tuesday, February 23, 2021`, `le 23 février 2021`, `23 févr. 2022`, `2021-02-23`. */
const DATE = String.raw`(?:(?:${WEEKDAY},?\s+)?(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|(?:le\s+)?\d{1,2}(?:er)?\s+${MONTH}\s+\d{4})|\d{4}-\d{2}-\d{2})`;
const DATE_ONLY = new RegExp(String.raw`^${DATE}$`, 'iu');

/** Whether a paragraph is only a date. */
export function isDateOnly(text: string): boolean {
  return text.length <= 60 && DATE_ONLY.test(text.trim());
}

/** An ISO date (`2022-02-23`) from `February 23, 2022`, `le 23 févr. 2022` or `2022-02-23` anywhere in `text`. */
export function findDate(text: string): string | undefined {
  const m = new RegExp(DATE, 'iu').exec(text);
  if (!m) return undefined;
  const s = m[0].toLowerCase();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) return s;
  const year = /(\d{4})$/.exec(s)![1];
  const day = /(?:^|\s)(\d{1,2})(?:st|nd|rd|th|er)?(?:,|\s)/.exec(s)?.[1];
  const month = monthNumber(s);
  if (!day || !month) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function monthNumber(s: string): number | undefined {
  for (const w of s.replace(/[.,]/g, ' ').split(/\s+/)) {
    if (w.length < 3 || /^\d/.test(w)) continue;
    const plain = stripAccents(w);
    const k = MONTHS_EN.findIndex((en, i) => en.startsWith(plain) || stripAccents(MONTHS_FR[i]).startsWith(plain));
    if (k >= 0) return k + 1;
  }
  return undefined;
}

function stripAccents(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * A dateline that opens a release: a place in capitals, optionally a region and a date, and
 * a dash (`WASHINGTON —`, `OTTAWA, February 23, 2022 —`, `OTTAWA, ON, le 23 févr. 2022 /CNW/ -`).
 */
const DATELINE = new RegExp(
  String.raw`^((?:\p{Lu}[\p{Lu}'’.\-]*\p{Lu}\.?)(?:[ \u00a0]+\p{Lu}[\p{Lu}'’.\-]*\.?)*(?:,[ \u00a0]*[^\n—–]{1,60}?)?)[ \u00a0]*(?:\/\p{Lu}{2,}\/[ \u00a0]*)?(?:—|–|--?)[ \u00a0]+(?=[\p{L}"“«'‘(])`,
  'u',
);
/** A place and date alone (`WASHINGTON, D.C.`, `OTTAWA, February 23, 2022`). */
const DATELINE_ONLY = new RegExp(String.raw`^\p{Lu}[\p{Lu}'’.\-]*\p{Lu}\.?(?:[ \u00a0]+\p{Lu}[\p{Lu}'’.\-]*\.?)*(?:,[ \u00a0]*(?:\p{Lu}\.?){1,3}\.?)*(?:,[ \u00a0]*${DATE})?$`, 'iu');

/** The dateline at the start of `text` (without its dash), with the length to cut; undefined when there is none. */
export function leadingDateline(text: string): { dateline: string; length: number } | undefined {
  const m = DATELINE.exec(text);
  if (!m) return undefined;
  const place = /^[^,]+/.exec(m[1])![0];
  if (!/\p{Lu}{3}/u.test(place.replace(/[^\p{L}]/gu, ''))) return undefined;
  // After the place, a date or a region in capitals (`, D.C.`, `, ON`), never a clause (`NATO, the EU and others –`).
  const rest = m[1].slice(place.length);
  if (rest && !/\d/.test(rest) && !/^(?:,[ \u00a0]*(?:\p{Lu}[\p{L}.]*[ \u00a0]*)+)+$/u.test(rest)) return undefined;
  return { dateline: m[1].replace(/\s*\/\p{Lu}{2,}\/\s*$/u, '').trim(), length: m[0].length };
}

/** Whether a paragraph is only a place in capitals with an optional date. */
export function isDatelineOnly(text: string): boolean {
  const t = text.trim();
  if (t.length > 80 || !DATELINE_ONLY.test(t)) return false;
  const place = /^[^,]+/.exec(t)![0];
  return /^[\p{Lu}\s'’.\-]+$/u.test(place) && /\p{Lu}{3}/u.test(place);
}

/**
 * A heading's number and the colon that ends a lead-in, removed: `1. Catalyze Clean Energy:`
 * → `Catalyze Clean Energy`. `numbered` says whether there was a number (`1.`, `1)`, `(1)`, `IV.`, `A.`).
 */
export function stripHeadingNumber(title: string): { title: string; numbered: boolean } {
  const m = /^(?:\(\d{1,2}\)|\d{1,2}[.)]|[IVX]{1,5}\.|[A-H]\.)[ \u00a0]+(?=\S)/.exec(title);
  const rest = m ? title.slice(m[0].length) : title;
  return { title: rest.replace(/[ \u00a0]*[:：]$/, '').trim(), numbered: m !== null };
}

export function wordCount(text: string): number {
  const t = text.trim();
  return t ? t.split(/\s+/).length : 0;
}

const FRENCH = new Set(['le', 'la', 'les', 'des', 'du', 'et', 'est', 'une', 'pour', 'dans', 'nous', 'sur', 'avec', 'aux', 'au', 'qui', 'que', 'sont', 'ont', 'leur', 'cette', 'ces', 'notre', 'nos']);
const ENGLISH = new Set(['the', 'and', 'of', 'to', 'is', 'for', 'with', 'we', 'on', 'that', 'are', 'have', 'this', 'will', 'our', 'by', 'their']);

/** `fr` or `en` from the function words of `text`; undefined when it is too short or neither. */
export function guessLanguage(text: string): string | undefined {
  let fr = 0;
  let en = 0;
  for (const w of text.slice(0, 1500).toLowerCase().match(/[a-zà-ÿ]+/g) ?? []) {
    if (FRENCH.has(w)) fr++;
    else if (ENGLISH.has(w)) en++;
  }
  if (fr >= 5 && fr > 2 * en) return 'fr';
  if (en >= 5 && en > 2 * fr) return 'en';
  return undefined;
}

/** The words Verbatim generates in a citation label, in the source's language. */
export interface Labels {
  /** The untitled text before the first heading, in a label (`…, opening, ¶1`). */
  readonly opening: string;
  /** The same as a section title (Sources view). */
  readonly openingTitle: string;
  /** The one section of a source without headings or a title of its own. */
  readonly statement: string;
}

const LABELS: Record<string, Labels> = {
  en: { opening: 'opening', openingTitle: 'Opening', statement: 'Statement' },
  fr: { opening: 'préambule', openingTitle: 'Préambule', statement: 'Déclaration' },
};

export function labelsFor(lang: string | undefined): Labels {
  return LABELS[lang ?? 'en'] ?? LABELS.en;
}
