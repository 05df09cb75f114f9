/**
 * Figures in French text: dates (`23 février 2021`, `le 1er mars`, `23 févr. 2022`, `février
 * 2021`), years, amounts (`2,6 milliards de dollars`, `1 000 $`, `2,6 G$`, `deux milliards de
 * dollars par jour`), percentages (`95 %`, `quatre-vingt-quinze pour cent`), temperatures
 * (`1,5 °C`), `2+2` formats, `G7`, counts (`deux dirigeants`, `15 000 réfugiés syriens`), ordinals
 * (`deuxième Sommet`, `premier anniversaire`, `9e`), lengths of time (`deux ans`, `au cours des deux
 * dernières années`, `24 mois`) and figures per period (`par jour`, `chaque semaine`,
 * `annuellement`). Values are those of the
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
const COUNT_SKIP = alt(numbers.countSkip.words);
const COUNT_NOT_NOUNS = alt(numbers.countNotNouns.words);
const O = numbers.ordinals;
const ORDINALS: Readonly<Record<string, number>> = O.words;
const ORDINAL = `(?:${alt(Object.keys(ORDINALS))}|\\d{1,3}(?:${alt(O.digits.endings)}))`;
const ORDINAL_NOUNS: ReadonlySet<string> = new Set(O.nouns.words);
const ORDINAL_NOT_NOUNS: ReadonlySet<string> = new Set(O.notNouns.words);
const D = numbers.durations;
const UNIT_OF = new Map<string, string>(Object.entries(D.units).flatMap(([u, ws]) => ws.map(w => [w, u] as [string, string])));
const DURATION_UNIT = alt([...UNIT_OF.keys()]);
const R = numbers.rates;
const PERIOD_OF = new Map<string, string>(Object.entries(R.periods).flatMap(([p, ws]) => ws.map(w => [w, p] as [string, string])));
const ADVERBS: Readonly<Record<string, string>> = R.adverbs;
/** A period after a figure (`par jour`, `chaque semaine`, `tous les ans`, `annuellement`). */
const RATE = new RegExp(`^${SP}+(?:(?:${alt(R.per)})${SP}+(?<period>${alt([...PERIOD_OF.keys()])})|(?<adverb>${alt(Object.keys(ADVERBS))}))${E}`, 'iu');
/** A count's number, the word it may skip, and its noun. */
const COUNTED_NOUN = new RegExp(`^(.*?)${SP}+(?:(?:${COUNT_SKIP})${SP}+)?([\\p{L}’'-]+)$`, 'iu');
/** Not inside another number or word (`COVID-19 variants`, `2,6`). */
const FREE = '(?<![-\\p{L}\\p{N}.,$])';

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
    // `deux ans`, `au cours des deux dernières années`, `24 mois`: a length of time.
    `(?<duration>${FREE}${NUMBER}(?:${SP}+(?:${alt(D.between)}))?${SP}+(?:${DURATION_UNIT})${E})`,
    `(?<year>${B}(?:19|20)\\d{2}${E})`,
    `(?<count>${B}(?:${WORDS}|\\d{1,3})${SP}+(?:${COUNTED})${E})`,
    // `15 000 réfugiés syriens`, `deux nouvelles initiatives`: a number of anything plural (at most one word between).
    `(?<anyCount>${FREE}(?:${DIGITS}|${WORDS})${SP}+(?:(?:${COUNT_SKIP})${SP}+)?(?!(?:${COUNT_NOT_NOUNS})${E})\\p{Ll}[\\p{Ll}’'-]+[sx]${E})`,
    // `le neuvième Sommet`, `premier anniversaire`, `9e`: an ordinal and the noun it numbers.
    `(?<ordinal>${B}${ORDINAL}${E}(?:${SP}+(?:${alt(O.skip.words)}))*${SP}+\\p{L}[\\p{L}’'-]*)`,
  ].join('|'),
  'giu',
);
const MAY_HAVE_FIGURE = new RegExp(`\\d|${alt([...Object.keys(UNITS), ...Object.keys(ORDINALS)])}`, 'iu');

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
    } else if (g.duration) {
      const c = new RegExp(`^(.*?)${SP}+(?:\\p{L}+${SP}+)?(\\p{L}+)$`, 'u').exec(g.duration)!;
      const n = parseNumber(c[1]);
      const u = UNIT_OF.get(c[2].toLowerCase());
      if (n === undefined || !u) continue;
      kind = 'duration';
      value = u in D.inMonths ? `${n * D.inMonths[u as keyof typeof D.inMonths]} months` : `${n * D.inDays[u as keyof typeof D.inDays]} days`;
    } else if (g.count || g.anyCount) {
      const c = COUNTED_NOUN.exec(g.count ?? g.anyCount)!;
      const n = parseNumber(c[1]);
      if (n === undefined) continue;
      out.push(withRate(text, { kind: 'count', value: String(n), start, end, text: text.slice(start, end), unit: c[2].toLowerCase().replace(/[sx]$/, '') }));
      continue;
    } else if (g.ordinal) {
      const c = new RegExp(`^(\\S+?)(?:${SP}+\\S+)*?${SP}+([\\p{L}’'-]+)$`, 'u').exec(g.ordinal)!;
      const w = c[1].toLowerCase();
      const n = ORDINALS[w] ?? (/^\d+/.test(w) ? Number(/^\d+/.exec(w)![0]) : undefined);
      const noun = c[2].toLowerCase();
      if (n === undefined || ORDINAL_NOT_NOUNS.has(noun) || !(/^\p{Lu}/u.test(c[2]) || ORDINAL_NOUNS.has(noun))) continue;
      out.push({ kind: 'ordinal', value: String(n), start, end, text: text.slice(start, end), unit: noun.replace(/[’']$/, '').replace(/[sx]$/, '') });
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

/** A figure with the period after it (`2,6 milliards de dollars par jour`): the period becomes part of it (`per`, and its text). */
function withRate(text: string, f: Figure): Figure {
  const m = RATE.exec(text.slice(f.end));
  if (!m) return f;
  const per = m.groups!.period ? PERIOD_OF.get(m.groups!.period.toLowerCase())! : ADVERBS[m.groups!.adverb.toLowerCase()];
  const end = f.end + m[0].length;
  return { ...f, end, text: text.slice(f.start, end), per };
}
