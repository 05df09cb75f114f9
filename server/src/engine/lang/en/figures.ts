/**
 * Figures in English text: years, dates, percentages, amounts, temperatures, `2+2` formats
 * and group names such as `G7`, with number words read as numbers (`ninety-five per cent` =
 * `95 percent` = `95%`). The words are the pack's (numbers.json, dates.json); the grammar
 * of the figures is here.
 *
 * Number words use the small table rather than a package: the candidates on npm
 * (`words-to-numbers` 1.5.1, unmaintained since 2018, and forks of it) parse free text
 * loosely and pull in dependencies, while drafts only need cardinals up to the billions.
 */
import type { Figure, FigureKind } from '../pack';
import dates from './dates.json';
import numbers from './numbers.json';

const UNITS: Record<string, number> = { ...numbers.units };
const SCALES: Record<string, number> = { ...numbers.scales };
const ABBREVIATED_SCALES: Record<string, number> = { ...numbers.scaleAbbreviations };
const MONTHS = dates.months.map(m => m.toLowerCase());

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NUM_WORD = `(?:${Object.keys(UNITS).join('|')})(?:[-\\s](?:${Object.keys(UNITS).join('|')}))?`;
const NUMBER = `(?:\\d[\\d,]*(?:\\.\\d+)?|${NUM_WORD}(?:\\s+(?:${numbers.compoundScales.join('|')})(?:\\s+(?:and\\s+)?${NUM_WORD})?)?)`;
const SCALE = `(?:\\s*(?:${[...Object.keys(SCALES), ...Object.keys(ABBREVIATED_SCALES)].join('|')})\\b)?`;
const CURRENCY = numbers.currencyWords.map(escape).join('|');
/** Plural nouns whose counts are facts a restatement can change (`two leaders`, `three pillars`). */
const COUNTED = numbers.countedNouns.join('|');
const COUNT_SKIP = numbers.countSkip.words.join('|');
const ORDINALS: Record<string, number> = { ...numbers.ordinals.words };
const ORDINAL = `(?:${Object.keys(ORDINALS).sort((a, b) => b.length - a.length).map(escape).join('|')}|\\d{1,3}(?:st|nd|rd|th))`;
const ORDINAL_SKIP = numbers.ordinals.skip.words.map(escape).join('|');
const ORDINAL_NOUNS: ReadonlySet<string> = new Set(numbers.ordinals.nouns.words);
const D = numbers.durations;
const DURATION_UNIT = Object.values(D.units).flat().sort((a, b) => b.length - a.length).join('|');
const R = numbers.rates;
const PERIOD_OF = new Map<string, string>(Object.entries(R.periods).flatMap(([p, ws]) => ws.map(w => [w, p] as [string, string])));
/** A period after a figure (`a day`, `every week`, `annually`). */
const RATE = new RegExp(`^[ \\t]+(?:(?:${R.per.join('|')})[ \\t]+(?<period>${[...PERIOD_OF.keys()].join('|')})|(?<adverb>${Object.keys(R.adverbs).join('|')}))\\b`, 'i');
const FIGURE = new RegExp(
  [
    `(?<date>\\b(?:${MONTHS.join('|')})\\s+\\d{1,2},?\\s+\\d{4}\\b)`,
    // `23 February 2021`: the day-month order of Canadian and British drafts.
    `(?<dayFirst>\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS.join('|')}),?\\s+\\d{4}\\b)`,
    // `February 2021`: a month of a year is when something happened, not a target year.
    `(?<month>\\b(?:${MONTHS.join('|')})\\s+\\d{4}\\b)`,
    `(?<format>\\b\\d\\s*\\+\\s*\\d\\b)`,
    `(?<code>\\b[Gg]-?\\d{1,2}\\b)`,
    `(?<money>(?:US)?\\$\\s?${NUMBER}${SCALE}|\\b${NUMBER}${SCALE}\\s+(?:${CURRENCY})\\b)`,
    `(?<percent>\\b${NUMBER}\\s*(?:%|per\\s*cent\\b|percent\\b))`,
    `(?<degrees>\\b${NUMBER}\\s*(?:°\\s*C?|degrees?(?:\\s+(?:C|Celsius)\\b\\.?)?))`,
    // `three years`, `a 10-year plan`, `six months`: a length of time.
    `(?<duration>(?<![-\\w.,])${NUMBER}[-\\s](?:${DURATION_UNIT})\\b)`,
    `(?<year>\\b(?:19|20)\\d{2}\\b)`,
    `(?<yearWords>\\b(?:nineteen|two\\s+thousand(?:\\s+and)?|twenty)(?:[-\\s]+${NUM_WORD})?\\b(?=\\s*(?:[.,;:!?)]|$|\\s+(?:${numbers.yearFollowers.words.join('|')})\\b)))`,
    `(?<count>\\b(?:${NUM_WORD}|\\d{1,3})\\s+(?:${COUNTED})\\b)`,
    // `15,000 Syrian refugees`, `two new initiatives`: a number of anything plural (at most one word between).
    `(?<anyCount>(?<![-\\w.,$])(?:\\d[\\d,]*|${NUM_WORD})\\s+(?:(?:${COUNT_SKIP}|\\p{Lu}\\p{L}+)\\s+)?\\p{Ll}{2,}(?<!ss|us|is)s\\b)`,
    // `the ninth Summit`, `21st`: an ordinal and the noun it numbers.
    `(?<ordinal>\\b${ORDINAL}(?:[-\\s]+(?:${ORDINAL_SKIP}))*[-\\s]+\\p{L}[\\p{L}’'-]*)`,
  ].join('|'),
  'giu',
);
/**
 * Every figure has a digit, a number word or an ordinal (a year in words starts with one), so a text with
 * neither has none: a cheap test before the long pattern. Same flags, same case folding.
 */
const MAY_HAVE_FIGURE = new RegExp(`\\d|${[...Object.keys(UNITS), ...Object.keys(ORDINALS)].join('|')}`, 'iu');
const AMOUNT = new RegExp(`^(.*?)(?:\\s*(${[...Object.keys(SCALES), ...Object.keys(ABBREVIATED_SCALES)].join('|')}))?$`, 'i');
const CURRENCY_SUFFIX = new RegExp(`\\s+(?:${CURRENCY})$`, 'i');

/** Reads a number written in digits or words (`2,000`, `1.5`, `ninety-five`, `two hundred`). */
export function parseNumber(s: string): number | undefined {
  const t = s.trim().toLowerCase().replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of t.split(/[\s-]+/)) {
    if (w === 'and' || !w) continue;
    if (w in UNITS) {
      current += UNITS[w];
      any = true;
    } else if (w === 'hundred') current = (current || 1) * 100;
    else if (w in SCALES) {
      total += (current || 1) * SCALES[w];
      current = 0;
    } else if (/^\d+(\.\d+)?$/.test(w)) {
      current += Number(w);
      any = true;
    } else return undefined;
  }
  return any ? total + current : undefined;
}

function amount(s: string): string | undefined {
  const m = AMOUNT.exec(s.trim());
  if (!m) return undefined;
  const base = parseNumber(m[1]);
  if (base === undefined) return undefined;
  const scale = m[2] ? ABBREVIATED_SCALES[m[2].toLowerCase()] ?? SCALES[m[2].toLowerCase()] : 1;
  return String(Math.round(base * scale * 1000) / 1000);
}

/** Every figure in `text`, in order. */
export function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  if (!MAY_HAVE_FIGURE.test(text)) return out;
  for (const m of text.matchAll(FIGURE)) {
    const g = m.groups!;
    const start = m.index!;
    const raw = m[0];
    const end = start + raw.replace(/[\s.]+$/, '').length;
    let kind: FigureKind;
    let value: string | undefined;
    if (g.date) {
      const d = /^(\w+)\s+(\d{1,2}),?\s+(\d{4})/.exec(g.date)!;
      kind = 'date';
      value = `${d[3]}-${String(MONTHS.indexOf(d[1].toLowerCase()) + 1).padStart(2, '0')}-${d[2].padStart(2, '0')}`;
    } else if (g.dayFirst) {
      const d = /^(\d{1,2})\D*?\s+(?:of\s+)?(\w+),?\s+(\d{4})/.exec(g.dayFirst)!;
      kind = 'date';
      value = `${d[3]}-${String(MONTHS.indexOf(d[2].toLowerCase()) + 1).padStart(2, '0')}-${d[1].padStart(2, '0')}`;
    } else if (g.month) {
      const d = /^(\w+)\s+(\d{4})/.exec(g.month)!;
      kind = 'date';
      value = `${d[2]}-${String(MONTHS.indexOf(d[1].toLowerCase()) + 1).padStart(2, '0')}`;
    } else if (g.format) {
      kind = 'format';
      value = g.format.replace(/\s/g, '');
    } else if (g.code) {
      kind = 'code';
      value = g.code.toLowerCase().replace('-', '');
    } else if (g.money) {
      kind = 'money';
      value = amount(g.money.replace(/^(?:US)?\$\s?/i, '').replace(CURRENCY_SUFFIX, ''));
    } else if (g.percent) {
      kind = 'percent';
      value = amount(g.percent.replace(/\s*(?:%|per\s*cent|percent)$/i, ''));
    } else if (g.degrees) {
      kind = 'degrees';
      value = amount(g.degrees.replace(/\s*(?:°\s*C?|degrees?(?:\s+(?:C|Celsius)\.?)?)$/i, ''));
    } else if (g.yearWords) {
      // `two thousand and forty`, `twenty fifty`, `nineteen ninety`: a year only between 1900 and 2100.
      const words = g.yearWords.toLowerCase().split(/[-\s]+/).filter(w => w && w !== 'and');
      let y: number | undefined;
      if (words[0] === 'two' && words[1] === 'thousand') y = 2000 + (parseNumber(words.slice(2).join(' ') || 'zero') ?? NaN);
      else if (words.length >= 2) y = (words[0] === 'twenty' ? 2000 : 1900) + (parseNumber(words.slice(1).join(' ')) ?? NaN);
      if (y === undefined || !(y >= 1900 && y <= 2100) || (words[0] !== 'two' && y % 100 < 10)) continue;
      kind = 'year';
      value = String(y);
    } else if (g.duration) {
      const c = /^(.*?)[-\s](\p{L}+)$/u.exec(g.duration)!;
      const n = parseNumber(c[1]);
      if (n === undefined) continue;
      const u = c[2].toLowerCase().replace(/s$/, '');
      kind = 'duration';
      value = u in D.inMonths ? `${n * D.inMonths[u as keyof typeof D.inMonths]} months` : `${n * D.inDays[u as keyof typeof D.inDays]} days`;
    } else if (g.count || g.anyCount) {
      const c = /^(.*?)\s+(?:\S+\s+)?(\p{L}+)$/u.exec(g.count ?? g.anyCount)!;
      const n = parseNumber(c[1]);
      if (n === undefined) continue;
      out.push(withRate(text, { kind: 'count', value: String(n), start, end, text: text.slice(start, end), unit: c[2].toLowerCase().replace(/ies$/, 'y').replace(/s$/, '') }));
      continue;
    } else if (g.ordinal) {
      const c = /^(\S+?)(?:[-\s]+\S+)*?[-\s]+([\p{L}’'-]+)$/u.exec(g.ordinal)!;
      const w = c[1].toLowerCase();
      const n = ORDINALS[w] ?? (/^\d+/.test(w) ? Number(/^\d+/.exec(w)![0]) : undefined);
      if (n === undefined || !(/^\p{Lu}/u.test(c[2]) || ORDINAL_NOUNS.has(c[2].toLowerCase()))) continue;
      out.push({ kind: 'ordinal', value: String(n), start, end, text: text.slice(start, end), unit: c[2].toLowerCase().replace(/[’']s?$/, '').replace(/ies$/, 'y').replace(/s$/, '') });
      continue;
    } else {
      kind = 'year';
      value = g.year;
    }
    if (value === undefined) continue;
    const f: Figure = { kind, value, start, end, text: text.slice(start, end) };
    out.push(kind === 'money' || kind === 'percent' ? withRate(text, f) : f);
  }
  return out;
}

/** A figure with the period after it (`$2 billion a day`): the period becomes part of it (`per`, and its text). */
function withRate(text: string, f: Figure): Figure {
  const m = RATE.exec(text.slice(f.end));
  if (!m) return f;
  const per = m.groups!.period ? PERIOD_OF.get(m.groups!.period.toLowerCase())! : (R.adverbs as Record<string, string>)[m.groups!.adverb.toLowerCase()];
  const end = f.end + m[0].length;
  return { ...f, end, text: text.slice(f.start, end), per };
}
