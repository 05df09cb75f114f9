/**
 * Figures in French text: dates (`23 février 2021`, `le 1er mars`, `23 févr. 2022`, `février
 * 2021`), years, amounts (`2,6 milliards de dollars`, `1 000 $`, `2,6 G$`, `deux milliards de
 * dollars par jour`), percentages (`95 %`, `quatre-vingt-quinze pour cent`), temperatures
 * (`1,5 °C`), `2+2` formats, `G7`, and counts (`deux dirigeants`). Values are those of the
 * English pack (`2600000000`, `2021-02-23`, `95`), so a French figure compares with an English
 * one; a day without its year (`le 1er mars`) is `--03-01`.
 *
 * French digits group thousands with a space (ordinary, no-break or narrow no-break: `1 000`,
 * `1 000 000`) and take a decimal comma (`2,6`). Number words follow French rules:
 * `soixante-dix` is 70, `quatre-vingts` 80, `quatre-vingt-quinze` 95, `deux cents` 200,
 * `mille`, `un million`, `deux milliards`.
 */
import type { Figure, FigureKind } from '../pack';
import dates from './dates.json';
import numbers from './numbers.json';

const UNITS: Readonly<Record<string, number>> = numbers.units;
const HUNDRED = new Set(numbers.hundred);
const SCALES: Readonly<Record<string, number>> = numbers.scales;
const ABBREVIATED: Readonly<Record<string, number>> = numbers.scaleAbbreviations;
const MONTHS = dates.months;
const ABBREVIATED_MONTHS: Readonly<Record<string, number>> = dates.abbreviatedMonths;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
/** Word edges: JavaScript's `\b` knows no accented letter. */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const SP = '[ \\u00a0\\u202f]';

const NUM_WORD = `(?:${alt([...Object.keys(UNITS), ...HUNDRED, 'mille', 'et'])})`;
/** `quatre-vingt-quinze`, `deux cent cinquante`, `vingt et un`: number words joined by hyphens or spaces, starting and ending with a number. */
const WORDS = `(?:${alt(Object.keys(UNITS))}|${alt([...HUNDRED, 'mille'])})(?:[-\\s]+${NUM_WORD})*`;
const DIGITS = `(?<!\\d)(?:\\d{1,3}(?:${SP}\\d{3})+|\\d+)(?:,\\d+)?`;
const NUMBER = `(?:${DIGITS}|${B}${WORDS}${E})`;
const SCALE = `(?:${SP}*(?:${alt(Object.keys(SCALES))})${E})?`;
const ABBREVIATED_SCALE = `(?:${alt(Object.keys(ABBREVIATED))})`;
const CURRENCY = alt(numbers.currencyWords.map(w => w.replace(/\\/g, '')));
const MONTH = `(?:${alt(MONTHS)}|(?:${alt(Object.keys(ABBREVIATED_MONTHS))})\\.?)`;
const DAY = `(?:1er|premier|\\d{1,2})`;
const COUNTED = alt(numbers.countedNouns);

const FIGURE = new RegExp(
  [
    `(?<date>${B}${DAY}${SP}+${MONTH}(?:${SP}+(?<dateYear>\\d{4}))?${E})`,
    `(?<month>${B}(?:${alt(MONTHS)})${SP}+\\d{4}${E})`,
    `(?<format>${B}\\d\\s*\\+\\s*\\d${E})`,
    `(?<code>${B}[Gg]-?\\d{1,2}${E})`,
    // `2,6 G$`, `1 000 $`, `2 milliards de dollars`, `100 millions $ US`.
    `(?<money>${NUMBER}(?:${SCALE}(?:${SP}*(?:de|d')${SP}*|${SP}*)(?:${CURRENCY})|${SP}*${ABBREVIATED_SCALE}\\$))`,
    `(?<percent>${NUMBER}${SP}*(?:%|pour${SP}+cent${E}|pour${SP}+100${E}|p\\.${SP}*100${E}))`,
    `(?<degrees>${NUMBER}${SP}*(?:°${SP}*C?|degrés?(?:${SP}+Celsius)?${E}))`,
    `(?<year>${B}(?:19|20)\\d{2}${E})`,
    `(?<count>${B}(?:${WORDS}|\\d{1,3})${SP}+(?:${COUNTED})${E})`,
  ].join('|'),
  'giu',
);
const MAY_HAVE_FIGURE = new RegExp(`\\d|${alt(Object.keys(UNITS))}`, 'iu');

/** Reads a number written in digits or French words (`1 000`, `2,6`, `quatre-vingt-quinze`, `deux cents`). */
export function parseNumber(s: string): number | undefined {
  const t = s.trim().toLowerCase();
  const digits = t.replace(/[ \u00a0\u202f]/g, '').replace(',', '.');
  if (/^\d+(?:\.\d+)?$/.test(digits)) return Number(digits);
  let total = 0;
  let current = 0;
  let any = false;
  let previous = '';
  for (const w of t.split(/[\s-]+/)) {
    if (!w || w === 'et') continue;
    if ((w === 'vingt' || w === 'vingts') && previous === 'quatre') {
      // `quatre-vingts`: four twenties.
      current += 80 - 4;
    } else if (w in UNITS) {
      current += UNITS[w];
      any = true;
    } else if (HUNDRED.has(w)) {
      current = (current || 1) * 100;
      any = true;
    } else if (w in SCALES) {
      total += (current || 1) * SCALES[w];
      current = 0;
      any = true;
    } else return undefined;
    previous = w;
  }
  return any ? total + current : undefined;
}

/** The value of an amount without its currency: the number times its scale (`2,6 milliards` → 2600000000). */
function amount(s: string): string | undefined {
  const t = s.trim();
  const scale = new RegExp(`^(.*?)${SP}*(${alt(Object.keys(SCALES))})$`, 'iu').exec(t);
  const abbreviated = new RegExp(`^(.*?)${SP}*(${ABBREVIATED_SCALE})$`, 'u').exec(t);
  const [num, factor] = scale ? [scale[1], SCALES[scale[2].toLowerCase()]] : abbreviated ? [abbreviated[1], ABBREVIATED[abbreviated[2]]] : [t, 1];
  const base = parseNumber(num);
  return base === undefined ? undefined : String(Math.round(base * factor * 1000) / 1000);
}

function monthNumber(m: string): number {
  const w = m.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.indexOf(w);
  return i >= 0 ? i + 1 : ABBREVIATED_MONTHS[w] ?? 0;
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/** Every figure in French `text`, in order. */
export function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  if (!MAY_HAVE_FIGURE.test(text)) return out;
  for (const m of text.matchAll(FIGURE)) {
    const g = m.groups!;
    const start = m.index!;
    const raw = m[0];
    const end = start + raw.replace(/[\s.]+$/u, '').length;
    let kind: FigureKind;
    let value: string | undefined;
    if (g.date) {
      const d = new RegExp(`^(${DAY})${SP}+(${MONTH})`, 'iu').exec(g.date)!;
      const day = /^(?:1er|premier)$/i.test(d[1]) ? 1 : Number(d[1]);
      kind = 'date';
      value = `${g.dateYear ?? '-'}-${pad(monthNumber(d[2]))}-${pad(day)}`;
    } else if (g.month) {
      const d = new RegExp(`^(\\p{L}+)${SP}+(\\d{4})`, 'u').exec(g.month)!;
      kind = 'date';
      value = `${d[2]}-${pad(monthNumber(d[1]))}`;
    } else if (g.format) {
      kind = 'format';
      value = g.format.replace(/\s/g, '');
    } else if (g.code) {
      kind = 'code';
      value = g.code.toLowerCase().replace('-', '');
    } else if (g.money) {
      kind = 'money';
      value = amount(g.money.replace(new RegExp(`(?:${SP}*(?:de|d')${SP}*|${SP}*)(?:${CURRENCY})$`, 'iu'), '').replace(/\$$/, ''));
    } else if (g.percent) {
      kind = 'percent';
      value = amount(g.percent.replace(new RegExp(`${SP}*(?:%|pour${SP}+cent|pour${SP}+100|p\\.${SP}*100)$`, 'iu'), ''));
    } else if (g.degrees) {
      kind = 'degrees';
      value = amount(g.degrees.replace(new RegExp(`${SP}*(?:°${SP}*C?|degrés?(?:${SP}+Celsius)?)$`, 'iu'), ''));
    } else if (g.count) {
      const c = new RegExp(`^(.*?)${SP}+(\\p{L}+)$`, 'u').exec(g.count)!;
      const n = parseNumber(c[1]);
      if (n === undefined) continue;
      out.push({ kind: 'count', value: String(n), start, end, text: text.slice(start, end), unit: c[2].toLowerCase().replace(/[sx]$/, '') });
      continue;
    } else {
      kind = 'year';
      value = g.year;
    }
    if (value === undefined) continue;
    out.push({ kind, value, start, end, text: text.slice(start, end) });
  }
  return out;
}
