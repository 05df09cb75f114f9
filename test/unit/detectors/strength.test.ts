import { strength } from '../../../server/src/engine/check/detectors/strength';
import { detectorCases, runClause } from '../../support/detectors';

const ALIGN = 'The leaders agreed to align their approaches to China.';

describe('detector strength (alone)', () => {
  detectorCases((text, options) => runClause(strength, text, options), {
    valid: [
      'The leaders discussed ways to align their approaches to China.',
      'Both leaders agreed to launch a High Level Climate Ministerial.',
      // Kept hedge: exploring is what the source says.
      'The President and the Prime Minister directed officials to explore the creation of a cross-border task force to address gun smuggling and trafficking.',
      // Runs after the negation detector: a clause already found to deny the commitment has no strength to compare.
      { text: ALIGN, options: { emitted: [['negated', 12, 18]] } },
    ],
    invalid: [
      {
        text: ALIGN,
        expect: [{ code: 'overstated', at: 'agreed', message: 'which says the leaders only discussed it', rule: 'ladder' }],
      },
      {
        text: 'The leaders discussed a High Level Climate Ministerial.',
        expect: [{ code: 'understated', at: 'discussed', message: 'understates the source, which says "launch"', rule: 'ladder' }],
      },
      {
        text: 'The President and the Prime Minister created a cross-border task force to address gun smuggling and trafficking.',
        expect: [{ code: 'overstated', at: 'created', message: 'only explore it' }],
      },
      {
        text: 'The leaders reaffirmed the shared commitment to eliminating oil and gas methane emissions to protect public health and the environment, as guided by the best science.',
        expect: [{ code: 'overstated', at: 'eliminating', message: 'overstates the source\'s "reducing"', rule: 'overstated-object' }],
      },
    ],
  });
});
