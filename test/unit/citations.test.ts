import * as assert from 'node:assert/strict';
import { citationFor, footnoteId } from '../../server/src/engine/citations';
import { bundledIndex, frenchIndex, ROADMAP } from '../support/corpus';
import { completeAt } from './completion.test';

describe('citations', () => {
  const paragraph = () => bundledIndex().getParagraph(`${ROADMAP}#accelerating-climate-ambitions-4`)!;

  it('inline: a short parenthetical', () => {
    assert.deepEqual(citationFor(bundledIndex(), paragraph(), 'Draft', 'inline'), {
      suffix: ' (Roadmap for a Renewed U.S.-Canada Partnership, Accelerating Climate Ambitions, ¶4)',
      additionalEdits: [],
    });
  });

  it('footnote: reference plus one definition at the end, reused the second time', () => {
    assert.equal(footnoteId(paragraph()), 'roadmap-2021-02-23-accelerating-climate-ambitions-4');
    const first = citationFor(bundledIndex(), paragraph(), 'Draft.\n', 'footnote');
    assert.equal(first.suffix, '[^roadmap-2021-02-23-accelerating-climate-ambitions-4]');
    assert.equal(first.additionalEdits.length, 1);
    const def = first.additionalEdits[0];
    assert.equal(def.start, 'Draft.\n'.length);
    assert.match(def.newText, /^\n\[\^roadmap-2021-02-23-accelerating-climate-ambitions-4\]: Roadmap for a Renewed U\.S\.-Canada Partnership, Accelerating Climate Ambitions, ¶4, 23 February 2021\. <https:\/\/www\.whitehouse\.gov\/.+>\n$/);
    const draft = 'Draft.\n' + def.newText;
    const second = citationFor(bundledIndex(), paragraph(), draft, 'footnote');
    assert.equal(second.suffix, first.suffix);
    assert.deepEqual(second.additionalEdits, []);
  });

  it('a French source is cited in French: préambule, its section, the date as French writes it', () => {
    const index = frenchIndex();
    const opening = index.paragraphs.find(p => p.documentId.startsWith('2023-03-24') && p.sectionId === 'opening')!;
    assert.equal(citationFor(index, opening, '', 'inline').suffix, ' (Déclaration conjointe du premier ministre Trudeau et du président Biden, préambule, ¶1)');
    const def = citationFor(index, opening, 'Brouillon.\n', 'footnote').additionalEdits[0].newText;
    assert.match(def, /\]: Déclaration conjointe du premier ministre Trudeau et du président Biden, préambule, ¶1, 24 mars 2023\. <https:\/\/www\.lelezard\.com\/communique-20826647\.html>\n$/);
    const covid = index.paragraphs.find(p => p.documentId.startsWith('2021-02-23-feuille') && p.sectionTitle === 'Lutte contre la COVID-19')!;
    assert.match(citationFor(index, covid, '', 'footnote').additionalEdits[0].newText, /, Lutte contre la COVID-19, ¶1, 23 février 2021\. </);
  });

  it('whole-sentence completions carry the citation', () => {
    const { items, apply } = completeAt('Both leaders agreed to launch a High Level Climate Min|', { citationStyle: 'footnote' });
    const sentence = items.find(i => (i.data as { kind: string }).kind === 'sentence')!;
    const out = apply(sentence);
    assert.match(out, /to the Paris Agreement and net-zero objectives\.\[\^roadmap-2021-02-23-accelerating-climate-ambitions-5\]\n\n\[\^roadmap-2021-02-23-accelerating-climate-ambitions-5\]: /);
  });

  it('the @@ trigger searches commitments and inserts a quotation', () => {
    const { items, lineOf } = completeAt('As agreed, @@methane|', { citationStyle: 'inline' });
    assert.ok(items.length > 0);
    assert.match(lineOf(items[0]), /^As agreed, “[^”]*methane[^”]*” \(Roadmap for a Renewed U\.S\.-Canada Partnership, Accelerating Climate Ambitions, ¶\d+\)$/i);
  });
});
