import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCorpus } from '../../server/src/engine';
import { english } from '../../server/src/engine/lang/en';
import { countriesNamed, draftDate, laterSources, sourceCountries, unrelatedSources } from '../../server/src/engine/parties/documents';
import { createEngine } from '../../server/src/engine';
import { bundledInputs, repoRoot, source } from '../support/corpus';

const japan = fs.readFileSync(path.join(repoRoot, 'test/real/japan/source/2021-04-16-u-s-japan-joint-leaders-statement-u-s-japan-global-partnership-for-a-new-era.md'), 'utf8');
const index = loadCorpus([...bundledInputs(), source('japan-2021.md', japan)]);
const words = (n: number, about: string) => Array.from({ length: n }, (_, i) => (i % 10 === 0 ? about : 'word')).join(' ');

describe('which countries a document is about, and which sources a draft cannot be restating', () => {
  it('counts the countries a text names, by any of their names', () => {
    const counts = countriesNamed('The United States and Canada met in Ottawa; the U.S. and Japan met in Tokyo. Canadian officials attended.', english);
    assert.deepEqual(Object.fromEntries(counts), { US: 2, CA: 3, JP: 2 });
  });

  it("reads each source's countries from its text", () => {
    const countries = sourceCountries(index, english);
    assert.deepEqual([...countries.get('roadmap-2021-02-23')!].sort(), ['CA', 'US']);
    assert.ok(countries.get('japan-2021')!.has('JP'));
    assert.ok(!countries.get('japan-2021')!.has('CA'));
  });

  it('leaves out a source about other countries for a document about Japan, but keeps it for a document about Canada', () => {
    assert.deepEqual([...unrelatedSources(index, words(200, 'Japan'), english)].sort(), ['roadmap-2021-02-23', 'roadmap-statement-2021-02-23']);
    assert.deepEqual([...unrelatedSources(index, words(200, 'Canada'), english)], ['japan-2021']);
  });

  it('leaves out nothing for a sentence or two, or for a document naming no other country', () => {
    assert.deepEqual([...unrelatedSources(index, 'The leaders ruled out cooperating with China on climate. China was not discussed further.', english)], []);
    assert.deepEqual([...unrelatedSources(index, words(200, 'leaders'), english)], []);
  });

  it('reads a draft’s date from its front matter, and leaves out the sources published after it', () => {
    assert.equal(draftDate('---\ndate: 2021-01-27\ntitle: Readout\n---\nText.'), '2021-01-27');
    assert.equal(draftDate("---\ndate: '2022-09-21'\n---\nText."), '2022-09-21');
    assert.equal(draftDate('No front matter.'), undefined);
    assert.deepEqual([...laterSources(index, '2021-03-01')], ['japan-2021']);
    assert.deepEqual([...laterSources(index, undefined)], []);
  });

  it('does not compare a draft with a source published after it', () => {
    const engine = createEngine(index);
    const body = 'They discussed the alliance as the cornerstone of peace and prosperity in the Indo-Pacific region and around the world.';
    const codes = (text: string) => engine.check({ uri: 'file:///d.md', text }).map(f => f.code);
    assert.deepEqual(codes(`---\ndate: 2021-04-20\n---\n${body}`), ['changed-term']);
    assert.deepEqual(codes(`---\ndate: 2021-01-27\n---\n${body}`), []);
  });
});
