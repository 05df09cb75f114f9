import { changedFigure } from '../../../server/src/engine/check/detectors/changed-figure';
import { detectorCases, runClause } from '../../support/detectors';

describe('detector changed-figure (alone)', () => {
  detectorCases((text, options) => runClause(changedFigure, text, options), {
    valid: [
      'Prime Minister Trudeau reaffirmed the goal for Canada to achieve 90 percent non-emitting electricity by 2030.',
      // A figure the source does not give at all is context, not a change.
      'Since 1958, the leaders have agreed to expand cooperation on continental defense and in the Arctic.',
      // A month is a coarser date, not another one.
      'The Roadmap for a Renewed U.S.-Canada Partnership, issued in February 2021, sets out six priority areas.',
      // A document date is read on whole sentences only.
      {
        text: 'The Roadmap for a Renewed U.S.-Canada Partnership, issued by President Biden and Prime Minister Trudeau on February 24, 2021, sets out six priority areas.',
        options: { role: 'clause' },
      },
    ],
    invalid: [
      {
        text: 'Prime Minister Trudeau reaffirmed the goal for Canada to achieve 80 percent non-emitting electricity by 2030.',
        expect: [{ code: 'changed-figure', at: '80 percent', message: '"80 percent" where the source says "90 percent"', rule: 'figure' }],
      },
      {
        text: 'Recalling the Paris Agreement, the leaders will work in tandem, and encourage others, to achieve net zero emissions no later than 2040.',
        expect: [{ code: 'changed-figure', at: '2040', message: 'where the source says "2050"' }],
      },
      {
        text: 'President Biden affirmed the goal for the United States to achieve a net-zero carbon pollution free power sector by 2030.',
        expect: [{ code: 'changed-figure', at: '2030', message: 'where the source says "2035"' }],
      },
      {
        text: 'The Roadmap for a Renewed U.S.-Canada Partnership, issued by President Biden and Prime Minister Trudeau on February 24, 2021, sets out six priority areas.',
        expect: [{ code: 'changed-figure', at: 'February 24, 2021', message: 'is dated February 23, 2021', rule: 'document-date' }],
      },
    ],
  });
});
