import * as assert from 'node:assert/strict';
import { analyzeDraft, loadCorpus } from '../../server/src/engine';
import { copyString, createParagraphCache, detach } from '../../server/src/engine/paragraphCache';
import { bundledInputs } from '../support/corpus';
import { heapAfterGc } from '../support/heap';

describe('paragraph cache (issue 19, item 1: memory grows with every re-check)', function () {
  this.timeout(30000);

  it('keeps no reference to a whole draft: 40 versions of a 0.7 MB draft leave the heap where it was', () => {
    // A fresh index: its cache starts empty and its entries are all made here.
    const index = loadCorpus(bundledInputs());
    analyzeDraft(index, 'The leaders agreed to launch a High Level Climate Ministerial.');
    const filler = Array.from({ length: 2000 }, (_, i) => `Filler paragraph ${i} about the weather in Ottawa. ${'It rained, then it snowed, then it rained again. '.repeat(6)}`).join('\n\n');
    const draftBytes = filler.length;
    assert.ok(draftBytes > 600_000);
    const versions = 40;
    // Each version differs in its first paragraph only, as after a keystroke: one new cache
    // entry per version, keyed by a slice of that version's text.
    const before = heapAfterGc();
    for (let v = 0; v < versions; v++) {
      const text = `The leaders agreed, in version ${v}, to launch a High Level Climate Ministerial.\n\n${filler}`;
      const a = analyzeDraft(index, text);
      assert.ok(a.findings.length >= 0);
    }
    const grown = heapAfterGc() - before;
    // Retaining each version would cost versions × draftBytes (24 MB at one byte a character);
    // the cache's own entries (one copy of the filler's paragraphs) cost a few MB.
    assert.ok(grown < (versions * draftBytes) / 3, `heap grew ${(grown / 1e6).toFixed(1)} MB over ${versions} versions of a ${(draftBytes / 1e6).toFixed(1)} MB draft`);
  });
});

describe('paragraph cache: bounded by bytes', () => {
  it('evicts the least recently used entries once the estimated bytes pass the budget', () => {
    const cache = createParagraphCache<{ message: string }>(200_000);
    for (let i = 0; i < 1000; i++) cache.set(`Paragraph ${i} ${'x'.repeat(500)}`, { message: `finding ${i}` });
    assert.ok(cache.bytes <= 200_000, `${cache.bytes} bytes`);
    assert.ok(cache.entries < 1000 && cache.entries > 50, `${cache.entries} entries`);
    assert.equal(cache.get(`Paragraph 999 ${'x'.repeat(500)}`)?.message, 'finding 999');
    assert.equal(cache.get(`Paragraph 0 ${'x'.repeat(500)}`), undefined);
  });

  it('does not keep an entry larger than an eighth of the budget', () => {
    const cache = createParagraphCache<number>(80_000);
    cache.set('y'.repeat(10_000), 1);
    assert.equal(cache.get('y'.repeat(10_000)), undefined);
    assert.equal(cache.entries, 0);
  });

  it('stores an equal copy: strings (lone surrogates included), arrays, frozen objects', () => {
    const value = Object.freeze({ findings: Object.freeze([{ message: 'a \ud800 b'.repeat(5), start: 3, fix: { newText: 'x'.repeat(40) } }]), n: undefined });
    const { value: copy, bytes } = detach(value);
    assert.deepEqual(copy, value);
    assert.ok(Object.isFrozen(copy) && Object.isFrozen(copy.findings));
    assert.ok('n' in copy);
    assert.ok(bytes > 80);
    assert.equal(copyString('\udc00'.repeat(20)), '\udc00'.repeat(20));
  });
});
