import { misquote } from '../../../server/src/engine/check/detectors/misquote';
import { detectorCases, runQuote } from '../../support/detectors';

describe('detector misquote (alone)', () => {
  detectorCases(text => runQuote(misquote, text), {
    valid: [
      // A quoted name in title case is a name, not the source's sentence.
      'Japan joined line of effort 6, “Strengthen Global Health Architecture.”',
      'They said "we invest in each other’s success."',
      'The Roadmap wants to "revitalize and expand our historic alliance and steadfast friendship to overcome the daunting challenges of today."',
      // An ellipsis may skip source words.
      'The Roadmap wants to "revitalize and expand our historic alliance ... to overcome the daunting challenges of today."',
      // A quotation that matches no source is not a misquote (it may be unsourced).
      'My neighbour says "the early bird always catches the worm in the end."',
    ],
    invalid: [
      {
        text: 'The Roadmap opens by saying it is in the shared interest of both countries "to revitalize and renew our historic alliance and steadfast friendship to overcome the daunting challenges of today."',
        expect: [{ code: 'misquote', at: 'renew', message: '"renew" where the source says "expand"', rule: 'misquote' }],
      },
      {
        text: 'The leaders share a vision for "a sustainable and inclusive economic recovery that strengthens the middle class, creates more opportunities for working people to join it, and ensures people have good jobs and careers on both sides of the border."',
        expect: [{ code: 'misquote', at: 'for working', message: 'where the source says "for hard working"' }],
      },
      {
        text: 'Canada reaffirmed the goal "to achieve 90 percent non-emitting electricity by 2025."',
        expect: [{ code: 'misquote', at: '2025', message: '"2025" where the source says "2030"' }],
      },
    ],
  });
});
