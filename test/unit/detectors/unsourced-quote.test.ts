import { unsourcedQuote } from '../../../server/src/engine/check/detectors/unsourced-quote';
import { detectorCases, runQuote } from '../../support/detectors';

describe('detector unsourced-quote (alone)', () => {
  detectorCases(text => runQuote(unsourcedQuote, text), {
    valid: [
      // Quoted from a source: the misquote check's business, not this one's.
      'The President said "we invest in each other’s success."',
      // Not attributed to the leaders or the sources.
      'My neighbour thinks "the early bird always catches the worm in the end."',
      // Too short to be a claim about the sources.
      'The President said it was "a good day".',
    ],
    invalid: [
      {
        text: 'The President said "we will land astronauts on Mars before the end of this decade."',
        expect: [{ code: 'unsourced-quote', at: '"we will land astronauts on Mars before the end of this decade."', message: 'no indexed source contains it' }],
      },
      {
        text: 'According to the readout, “both countries will jointly host the next Olympic Games in the Arctic.”',
        expect: [{ code: 'unsourced-quote', at: '“both countries will jointly host the next Olympic Games in the Arctic.”' }],
      },
    ],
  });
});
