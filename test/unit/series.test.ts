import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCorpus } from '../../server/src/engine';
import { seriesOf } from '../../server/src/engine/series';
import { repoRoot, source } from '../support/corpus';

const japan2021 = path.join(repoRoot, 'test', 'real', 'japan', 'source', '2021-04-16-u-s-japan-joint-leaders-statement-u-s-japan-global-partnership-for-a-new-era.md');
const japan2022 = path.join(repoRoot, 'test', 'real', 'japan', 'followups', '2022-05-23-japan-u-s-joint-leaders-statement-strengthening-the-free-and-open-international-order.md');

describe('series: sources that follow one another', () => {
  const index = loadCorpus([source('japan-2021.md', fs.readFileSync(japan2021, 'utf8')), source('japan-2022.md', fs.readFileSync(japan2022, 'utf8'))]);
  const table = seriesOf(index);
  const sentence = (docIndex: number, words: string) => {
    for (const p of index.documents[docIndex].paragraphs) {
      // The scraped sources keep non-breaking spaces: compare with any white space as a space.
      const at = p.text.replace(/\s/g, ' ').indexOf(words);
      if (at >= 0) {
        const s = p.sentences.find(x => x.start <= at && at < x.end)!;
        return { p, s };
      }
    }
    throw new Error(`not found: ${words}`);
  };

  it('links a 2021 commitment to the 2022 sentence that restates it, oldest first, with dates', () => {
    const { p, s } = sentence(0, 'immediate resolution of the abductions issue');
    const history = table.historyOf(p, s.start, s.end);
    assert.ok(history, 'the abductions commitment has a history');
    assert.deepEqual(history.map(e => e.date), ['2021-04-16', '2022-05-23']);
    assert.equal(history[0].kind, 'first');
    assert.equal(history[1].kind, 'updated');
    assert.match(history[1].paragraph.text.slice(history[1].start, history[1].end), /two leaders reaffirmed U\.S\. commitment/);
  });

  it('gives the same history from the later sentence', () => {
    const { p, s } = sentence(1, 'immediate resolution of the abductions issue');
    const history = table.historyOf(p, s.start, s.end);
    assert.deepEqual(history?.map(e => e.date), ['2021-04-16', '2022-05-23']);
  });

  it('has no history for a sentence no other source restates', () => {
    const { p, s } = sentence(0, 'An ocean separates our countries');
    assert.equal(table.historyOf(p, s.start, s.end), undefined);
  });

  it('links nothing when the sources do not have two different dates', () => {
    const one = loadCorpus([source('japan-2021.md', fs.readFileSync(japan2021, 'utf8'))]);
    const p = one.documents[0].paragraphs[0];
    assert.equal(seriesOf(one).historyOf(p, 0, p.text.length), undefined);
  });
});
