import * as assert from 'node:assert/strict';
import { misquote } from '../../../server/src/engine/check/detectors/misquote';
import { spellingVariant } from '../../../server/src/engine/check/detectors/spelling-variant';
import { french } from '../../../server/src/engine/lang/fr';
import { detectorCases, runQuote } from '../../support/detectors';

describe('detector spelling-variant (alone)', () => {
  detectorCases(text => runQuote(spellingVariant, text), {
    valid: [
      // The source's own spelling.
      'The President and the Prime Minister "will agree to expand cooperation on continental defense and in the Arctic".',
      // Another word is a misquote, not a spelling variant.
      'The President and the Prime Minister "will agree to expand cooperation on continental security and in the Arctic".',
      // Outside quotation marks, the drafter's own spelling is free.
      'The leaders agreed to expand cooperation on continental defence and in the Arctic.',
    ],
    invalid: [
      {
        text: 'The President and the Prime Minister "will agree to expand cooperation on continental defence and in the Arctic".',
        expect: [{ code: 'spelling-variant', at: 'defence', message: '"defence" is a spelling variant of the source\'s "defense"', rule: 'spelling-variant' }],
      },
      {
        // -ise for -ize, and a British noun, in one quotation: two findings.
        text: 'They stressed “partnership with regional organisations, such as the Africa Centres for Disease Control and Prevention”.',
        expect: [
          { code: 'spelling-variant', at: 'organisations', message: 'the source\'s "organizations"' },
          { code: 'spelling-variant', at: 'Centres', message: 'the source\'s "Centers"' },
        ],
      },
      {
        text: 'The leaders said they “recognised the importance of urgent global action to address the pandemic”.',
        expect: [{ code: 'spelling-variant', at: 'recognised', message: 'the source\'s "recognized"' }],
      },
    ],
  });

  it('is Information, with a fix to the source’s spelling; a capital where the quotation opens is kept', () => {
    const text = 'Their joint statement was clear: "Defence relationship" was the heading, and the leaders called for "modernising the North American Aerospace Defense Command".';
    const [f] = runQuote(spellingVariant, text);
    assert.equal(f.at, 'modernising');
    assert.equal(f.finding.severity, 'information');
    assert.equal(f.finding.category, 'misquote');
    assert.equal(f.finding.kind, 'spelling');
    assert.deepEqual(f.finding.fix && [f.finding.fix.title, text.slice(f.finding.fix.start, f.finding.fix.end), f.finding.fix.newText], ['Use the source\'s spelling: "modernizing"', 'modernising', 'modernizing']);
  });

  it('is no longer a misquote; a quotation with a spelling variant and a changed word is both', () => {
    const only = 'The President and the Prime Minister "will agree to expand cooperation on continental defence and in the Arctic".';
    assert.deepEqual(runQuote(misquote, only), []);
    const both = 'The President and the Prime Minister "will agree to expand cooperation on continental defence and in the Antarctic".';
    assert.deepEqual(runQuote(misquote, both).map(f => f.at), ['Antarctic']);
    assert.deepEqual(runQuote(spellingVariant, both).map(f => f.at), ['defence']);
  });
});

describe('detector spelling-variant (alone), French', () => {
  detectorCases(text => runQuote(spellingVariant, text, { lang: french }), {
    valid: [
      "Selon la déclaration, « le perfectionnement de la main-d'oeuvre » est essentiel.",
      // A ligature is typography, not spelling: the wire copy's `main-d'oeuvre` is quoted exactly as `main-d'œuvre`.
      "Selon la déclaration, « le perfectionnement de la main-d'œuvre » est essentiel.",
    ],
    invalid: [
      {
        // The circumflex the 1990 rectifications leave out: the source writes `maîtriser`.
        text: 'Ils ont convenu de renforcer leurs efforts « afin de maitriser la pandémie ».',
        expect: [{ code: 'spelling-variant', at: 'maitriser', message: 'the source\'s "maîtriser"' }],
      },
    ],
  });
});
