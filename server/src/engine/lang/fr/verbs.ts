/**
 * The forms of the verbs verbs.json knows, each mapped to its infinitive: regular verbs of the
 * first and second groups conjugated by rule (with the spelling changes of `-cer`, `-ger`,
 * `-é_er`, `-eler`/`-eter`, `-yer`), the others as listed. Over-generation is harmless: a form
 * no one writes is never met.
 */
import verbs from './verbs.json';

const FIRST_VOWEL = ['ons', 'ais', 'ait', 'aient', 'ant', 'a', 'as', 'âmes', 'âtes', 'ai'];
const FIRST_OTHER = ['e', 'es', 'ent', 'ez', 'ions', 'iez', 'é', 'ée', 'és', 'ées', 'èrent'];
const FIRST_FUTURE = ['erai', 'eras', 'era', 'erons', 'erez', 'eront', 'erais', 'erait', 'erions', 'eriez', 'eraient'];
const MUTE = ['e', 'es', 'ent'];
const SECOND = ['is', 'it', 'issons', 'issez', 'issent', 'issais', 'issait', 'issions', 'issiez', 'issaient', 'irai', 'iras', 'ira', 'irons', 'irez', 'iront', 'irais', 'irait', 'iraient', 'îmes', 'irent', 'i', 'ie', 'ies', 'issant', 'isse', 'issent'];

/** Every form of a first-group verb (`renforcer`). */
function firstGroup(inf: string): string[] {
  const stem = inf.slice(0, -2);
  const last = stem[stem.length - 1];
  // `renforçons`, `engageons`: the stem keeps its sound before a and o.
  const soft = last === 'c' ? `${stem.slice(0, -1)}ç` : last === 'g' ? `${stem}e` : stem;
  const out = [...FIRST_VOWEL.map(e => soft + e), ...FIRST_OTHER.map(e => stem + e), ...FIRST_FUTURE.map(e => stem + e)];
  // `réitère`, `coopèrent`; `lève`, `rappelle`, `renouvellera`; `appuie`, `appuiera`: the stem
  // changes before a mute e.
  const grave = stem.replace(/[ée](?=[^aeiouyéèêë]+$)/, 'è');
  const doubled = /[lt]$/.test(stem) && /e[lt]$/.test(stem) ? stem + last : undefined;
  const y = stem.endsWith('y') ? `${stem.slice(0, -1)}i` : undefined;
  for (const changed of [grave, doubled, y]) {
    if (!changed || changed === stem) continue;
    out.push(...MUTE.map(e => changed + e), ...FIRST_FUTURE.map(e => changed + e));
  }
  return out;
}

/** Surface form → infinitive, for every verb of verbs.json; `canonical` folds spellings first. */
export function verbForms(canonical: (w: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (form: string, inf: string) => {
    out[canonical(form)] ??= canonical(inf);
  };
  for (const inf of verbs.firstGroup) for (const f of firstGroup(inf)) add(f, inf);
  for (const inf of verbs.secondGroup) for (const e of SECOND) add(inf.slice(0, -2) + e, inf);
  for (const [inf, forms] of Object.entries(verbs.irregular)) for (const f of forms) add(f, inf);
  return out;
}
