import { opposite } from '../../../server/src/engine/check/detectors/opposite';
import { loadCorpus } from '../../../server/src/engine';
import { source } from '../../support/corpus';
import { detectorCases, runClause } from '../../support/detectors';

// Another source: one word shared after the action (`COVID-19`) is not the same thing.
const health = { index: loadCorpus([source('health.md', '# Health\n\nWe established an experts group designed to expand safe and effective COVID-19 vaccine manufacturing for the region.\n')]) };

describe('detector opposite (alone)', () => {
  detectorCases((text, options) => runClause(opposite, text, options), {
    valid: [
      // The same action on another thing is no reversal (`end the pandemic`, `expand vaccine manufacturing`).
      'The leaders agreed to end the COVID-19 pandemic together.',
      { text: 'The leaders established an experts group designed to end the COVID-19 pandemic in the region.', options: health },
      // `not limited to` says the reverse of `limited`.
      'The challenges include, but are not limited to, tackling illegal cross-border flows of firearms, and the leaders agreed to strengthen information sharing.',
      'The Prime Minister and the President agreed to expand cooperation on continental defense and in the Arctic.',
      // `not limited to` in the source is `including`: no action to reverse.
      'Canada and the United States are re-establishing the Cross-Border Crime Forum, which will strengthen information sharing and address cross-border challenges including illegal flows of firearms, drugs and currency.',
      'Both the President and the Prime Minister agreed to work together to protect businesses, workers and communities in both countries from unfair trade by countries failing to take strong climate action.',
    ],
    invalid: [
      {
        text: 'We established an experts group designed to limit safe and effective COVID-19 vaccine manufacturing for the region.',
        options: health,
        expect: [{ code: 'opposite', at: 'limit', message: 'reverses the source\'s "expand"', rule: 'opposite-pair' }],
      },
      {
        text: 'The Prime Minister and the President agreed to reduce cooperation on continental defense and in the Arctic.',
        expect: [{ code: 'opposite', at: 'reduce', message: '"reduce" reverses the source\'s "expand"', rule: 'opposite-pair' }],
      },
      {
        text: 'The challenges include, but are not limited to tackling legal cross-border flows of firearms, drugs, and currency, as well as organized crime.',
        expect: [{ code: 'opposite', at: 'legal', message: 'reverses the source\'s "illegal"', rule: 'opposite-pair' }],
      },
      {
        text: 'Both the President and the Prime Minister agreed to work together to protect businesses, workers and communities in both countries from unfair trade by countries taking strong climate action.',
        expect: [{ code: 'opposite', at: 'taking', message: 'drops the source\'s "failing to take"', rule: 'dropped-negation' }],
      },
      {
        text: 'The leaders discussed ways to align their approaches to China, including its coercive and unfair economic practices, and made clear they would avoid cooperating with China even on climate change.',
        expect: [{ code: 'opposite', at: 'avoid cooperating', message: 'reverses the source\'s "cooperating with"', rule: 'avoid' }],
      },
    ],
  });
});
