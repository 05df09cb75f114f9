import { changedFigure } from '../../../server/src/engine/check/detectors/changed-figure';
import { loadCorpus } from '../../../server/src/engine';
import { source } from '../../support/corpus';
import { detectorCases, runClause } from '../../support/detectors';

// Another source, for figures of every kind: rates, counts of anything, ordinals, durations.
const other = {
  index: loadCorpus([
    source(
      'harbour-plan.md',
      [
        '# Harbour Partnership Roadmap',
        '',
        '## Trade',
        '',
        'Trade through the harbour totals nearly $40 million a day. The partners will resettle 15,000 Syrian refugees over three years.',
        '',
        '## Meetings',
        '',
        'The leaders will meet at the ninth Summit of the Americas.',
      ].join('\n'),
    ),
  ]),
};

// A dated source (16 April 2021) that gives a past date and a future one.
const dated = {
  index: loadCorpus([
    source(
      'dated-statement.md',
      ['---', 'title: Harbour Leaders Statement', 'date: 2021-04-16', '---', '', 'The leaders welcomed the meeting of their foreign ministers in March 2021 and resolved to reach net-zero emissions in the harbour by 2050.'].join('\n'),
    ),
  ]),
};

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
      // A date after the source was published names a later event, not the source's past one.
      { text: 'The leaders welcomed the meeting of their foreign ministers in January 2022.', options: dated },
      { text: 'The leaders welcomed the meeting of their foreign ministers on 7 January 2022.', options: dated },
      // The period left unsaid is no other period; another number of another thing is no change.
      { text: 'Trade through the harbour totals nearly $40 million.', options: other },
      { text: 'The partners will resettle 15,000 Syrian refugees over 36 months.', options: other },
      { text: 'The leaders will meet at the ninth Summit of the Americas for the first time.', options: other },
      { text: 'The Harbour Partnership Roadmap sets out two sections.', options: other },
    ],
    invalid: [
      // A date on or before the source's own is still compared; so is a target after it.
      {
        text: 'The leaders welcomed the meeting of their foreign ministers in February 2021.',
        options: dated,
        expect: [{ code: 'changed-figure', at: 'February 2021', message: 'where the source says "March 2021"' }],
      },
      {
        text: 'The leaders resolved to reach net-zero emissions in the harbour by 2060.',
        options: dated,
        expect: [{ code: 'changed-figure', at: '2060', message: 'where the source says "2050"' }],
      },
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
      {
        text: 'Trade through the harbour totals nearly $40 million a week.',
        options: other,
        expect: [{ code: 'changed-figure', at: '$40 million a week', message: 'where the source says "$40 million a day"', rule: 'figure' }],
      },
      {
        text: 'The partners will resettle 25,000 Syrian refugees over three years.',
        options: other,
        expect: [{ code: 'changed-figure', at: '25,000 Syrian refugees', message: 'where the source says "15,000 Syrian refugees"', rule: 'figure' }],
      },
      {
        text: 'The partners will resettle 15,000 Syrian refugees over two years.',
        options: other,
        expect: [{ code: 'changed-figure', at: 'two years', message: 'where the source says "three years"', rule: 'figure' }],
      },
      {
        text: 'The leaders will meet at the tenth Summit of the Americas.',
        options: other,
        expect: [{ code: 'changed-figure', at: 'tenth Summit', message: 'where the source says "ninth Summit"', rule: 'figure' }],
      },
      {
        text: 'The Roadmap is built around three pillars.',
        options: other,
        expect: [{ code: 'changed-figure', at: 'three pillars', message: 'has 2 sections: Trade, Meetings', rule: 'part-count' }],
      },
    ],
  });
});
