/**
 * The English comparison key: a light stem, enough to equate `agreed`/`agree`,
 * `reducing`/`reduce`, `committed`/`commit`, after folding spelling variants
 * (variants.json). The stop set is read as it stands when `stem` is called: the pack
 * adds each stop word's own key to it once, at load, with a stemmer that does not memoize.
 */
export function englishStemmer(stop: ReadonlySet<string>, variants: Readonly<Record<string, string>>, memoize = true): (word: string) => string {
  if (!memoize) return stem;
  // Keys of the words met so far (a pure function of the word once the stop set is complete;
  // bounded, cleared when full).
  const memo = new Map<string, string>();
  return (word: string) => {
    let v = memo.get(word);
    if (v === undefined) {
      if (memo.size >= 100_000) memo.clear();
      memo.set(word, (v = stem(word)));
    }
    return v;
  };
  function stem(word: string): string {
    if (word.endsWith("'s")) word = word.slice(0, -2);
    let w = variants[word] ?? word;
    if (/\d/.test(w)) return w;
    // `ease`/`easing`, `take`/`taking`: a four-letter word loses a final e after a consonant,
    // as the longer words do below.
    // `note` keeps its e: `not` is a function word.
    if (w.length <= 4) return w.length === 4 && /[^aeiouy]e$/.test(w) && /[aeiouy]/.test(w.slice(0, 2)) && !stop.has(w.slice(0, -1)) ? w.slice(0, -1) : w;
    if (w.endsWith('ies') && w.length > 5) w = w.slice(0, -3) + 'i';
    else if (w.endsWith('ing') && (w.length > 6 || (w.length === 6 && /[aeiouy]/.test(w.slice(0, 3))))) w = w.slice(0, -3);
    else if (w.endsWith('ed') && w.length > 5) w = w.slice(0, -2);
    else if (w.endsWith('es') && w.length > 5 && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
    else if (w.endsWith('s') && !w.endsWith('ss') && w.length > 4) w = w.slice(0, -1);
    if (w.endsWith('y') && w.length > 4) w = w.slice(0, -1) + 'i';
    if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
    if (/([bdgklmnprt])\1$/.test(w)) w = w.slice(0, -1);
    return w;
  }
}
