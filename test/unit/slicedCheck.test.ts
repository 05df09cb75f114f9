import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { CancelledError, checkInSlices, createEngine, loadCorpus, type CancellationToken, type CorpusIndex } from '../../server/src/engine';
import { align } from '../../server/src/engine/align';
import { boundedParagraphs, MAX_DRAFT_PIECE_CHARS } from '../../server/src/engine/draftPieces';
import { paragraphCache } from '../../server/src/engine/paragraphCache';
import { bundledInputs } from '../support/corpus';

const PARAS = [
  'The leaders agreed to strengthen the U.S.-Canada Action Plan on Opioids.',
  'Prime Minister Trudeau reaffirmed the goal for Canada to achieve 80 percent non-emitting electricity by 2040.',
  'The two leaders traded jokes about the NHL season while snow fell in Ottawa.',
  'Canada and the United States will not launch an expanded U.S.-Canada Arctic Dialogue.',
];
const draftOf = (n: number, tag = '') => Array.from({ length: n }, (_, i) => `${PARAS[i % PARAS.length]} Item ${i}${tag}.`).join('\n\n');

/**
 * A clock that moves one unit for each paragraph analysed (and not at all while a slice goes
 * over paragraphs already done), as time roughly does: with `sliceMs` 1, a slice analyses
 * one or two paragraphs.
 */
function workClock(index: CorpusIndex) {
  return () => paragraphCache(index).entries;
}

describe('checks in slices (issue 19, item 8: checks cannot be cancelled)', function () {
  this.timeout(20000);

  it('gives the same diagnostics as a check straight through, pausing between slices', async () => {
    const index = loadCorpus(bundledInputs());
    const engine = createEngine(index);
    const draft = { uri: 'file:///d.md', text: draftOf(40) };
    let pauses = 0;
    const sliced = await checkInSlices(engine, draft, {}, { isCancellationRequested: false }, { sliceMs: 1, now: workClock(index), pause: async () => void pauses++ });
    const whole = createEngine(loadCorpus(bundledInputs())).check(draft);
    assert.ok(whole.length > 10);
    assert.deepEqual(sliced, whole);
    assert.ok(pauses >= 20, `${pauses} pauses`);
  });

  it('a newer version cancels the running check: it stops at the next pause and analyses nothing more', async () => {
    const index = loadCorpus(bundledInputs());
    const engine = createEngine(index);
    const cache = paragraphCache(index);
    const cancelled = { isCancellationRequested: false };
    let pauses = 0;
    const run = checkInSlices(engine, { uri: 'file:///d.md', text: draftOf(60, ' v1') }, {}, cancelled, {
      sliceMs: 1,
      now: workClock(index),
      pause: async () => {
        // The server cancels the check when a newer version of the document arrives.
        if (++pauses === 5) cancelled.isCancellationRequested = true;
      },
    });
    await assert.rejects(run, CancelledError);
    assert.equal(pauses, 5);
    assert.ok(cache.entries <= 10, `${cache.entries} paragraphs analysed of 60`);
  });

  it('finishes a draft whose analyses do not fit in the cache', async () => {
    const index = loadCorpus(bundledInputs());
    const cache = paragraphCache(index, 4000); // a few paragraphs' worth
    const engine = createEngine(index);
    engine.check({ uri: 'file:///warm.md', text: 'Builds the check index.' });
    const draft = { uri: 'file:///d.md', text: draftOf(30, ' big') };
    let pauses = 0;
    const token: CancellationToken = { isCancellationRequested: false };
    // The cache keeps almost nothing here, so the clock is the real one: a slice ends once it
    // has analysed for as long as it took to go over the paragraphs done before.
    const sliced = await checkInSlices(engine, draft, {}, token, { sliceMs: 0, now: () => performance.now(), pause: async () => void pauses++ });
    assert.ok(cache.entries < 30);
    // How many slices the real clock makes depends on the machine's load (a busy CI runner
    // gave 2 where an idle one gives 5 or more); that it was sliced and finished is the property.
    assert.ok(pauses >= 2, `${pauses} pauses`);
    assert.deepEqual(sliced, createEngine(loadCorpus(bundledInputs())).check(draft));
  });
});

describe('long draft paragraphs (issue 19: a check must not hold requests up)', function () {
  this.timeout(20000);

  it('analyses a 200 KB one-line paragraph in pieces of at most 5,000 characters, pausing between them', async () => {
    const words = ['the', 'leaders', 'agreed', 'to', 'launch', 'a', 'High', 'Level', 'Climate', 'Ministerial', '“quote', 'end”', '😀'];
    const line = Array.from({ length: 40_000 }, (_, i) => `${words[(i * 7) % words.length]}${i % 97 === 0 ? i : ''}`).join(' ').slice(0, 200_000);
    const index = loadCorpus(bundledInputs());
    const engine = createEngine(index);
    let pauses = 0;
    const sliced = await checkInSlices(engine, { uri: 'file:///long.md', text: line }, {}, { isCancellationRequested: false }, { sliceMs: 1, now: workClock(index), pause: async () => void pauses++ });
    // Twenty pieces or more, each a unit the check can pause after.
    assert.ok(paragraphCache(index).entries >= 20, `${paragraphCache(index).entries} pieces`);
    assert.ok(pauses >= 10, `${pauses} pauses`);
    assert.deepEqual(sliced, engine.check({ uri: 'file:///long.md', text: line }));
  });

  it('cuts pieces at line breaks, else after sentences, never inside a surrogate pair', () => {
    const text = `${'Word '.repeat(700)}end.\n${'More words here. '.repeat(250)}${'😀'.repeat(6000)}`;
    const pieces = boundedParagraphs(text, [[0, text.length]]);
    assert.ok(pieces.every(([s, e]) => e - s <= MAX_DRAFT_PIECE_CHARS));
    assert.equal(text[pieces[0][1]], '\n');
    assert.match(text.slice(pieces[1][0], pieces[1][1]), /\.$/);
    for (const [s, e] of pieces) {
      assert.ok(!/[\ud800-\udbff]/.test(text[e - 1] ?? ''), 'a piece never ends on a high surrogate');
      assert.ok(!/[\udc00-\udfff]/.test(text[s]), 'a piece never starts on a low surrogate');
    }
    assert.deepEqual(boundedParagraphs('short', [[0, 5]]), [[0, 5]]);
  });

  it('cuts a paragraph at a run of more than 1,000 blanks (a long comment is blanked out for the checks)', () => {
    const text = `The leaders agreed to launch it. <!-- ${'x'.repeat(5000)} --> They met.`;
    const masked = text.replace(/<!--[\s\S]*?-->/g, m => ' '.repeat(m.length));
    assert.deepEqual(
      boundedParagraphs(masked, [[0, masked.length]]).map(([s, e]) => masked.slice(s, e).trim()),
      ['The leaders agreed to launch it.', 'They met.'],
    );
    const short = `A <!-- ${'x'.repeat(500)} --> B`.replace(/<!--[\s\S]*?-->/g, m => ' '.repeat(m.length));
    assert.deepEqual(boundedParagraphs(short, [[0, short.length]]), [[0, short.length]]);
  });

  it('does not align passages of more than 4 million word pairs (it would take seconds and gigabytes)', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `w${i % 50}`);
    const empty = align(a, a);
    assert.equal(empty.matches, 0);
    assert.equal(empty.ops.length, 0);
    assert.equal(align(a.slice(0, 40), a.slice(0, 40)).matches, 40);
  });
});
