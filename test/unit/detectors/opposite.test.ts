import { opposite } from '../../../server/src/engine/check/detectors/opposite';
import { loadCorpus } from '../../../server/src/engine';
import { source } from '../../support/corpus';
import { detectorCases, runClause } from '../../support/detectors';
import { french } from '../../../server/src/engine/lang/fr';

// Another source: one word shared after the action (`COVID-19`) is not the same thing.
const health = { index: loadCorpus([source('health.md', '# Health\n\nWe established an experts group designed to expand safe and effective COVID-19 vaccine manufacturing for the region.\n')]) };

// Directions and states that reverse each other (lang/en/opposites.json): resume/pause, leave/return, avoid/ensure.
const moves = {
  index: loadCorpus([
    source(
      'moves.md',
      '# Moves\n\nThe partners welcome the announcement to resume exports of vaccines beginning in October. We call on the authorities to provide safe passage to any person wishing to leave the country. The new airfield is the only solution that avoids the continued use of the old runway.\n',
    ),
  ]),
};

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
        text: 'The partners welcome the announcement to pause exports of vaccines beginning in October.',
        options: moves,
        expect: [{ code: 'opposite', at: 'pause', message: 'reverses the source\'s "resume"' }],
      },
      {
        text: 'The partners welcome the announcement to resume imports of vaccines beginning in October.',
        options: moves,
        expect: [{ code: 'opposite', at: 'imports', message: 'reverses the source\'s "exports"' }],
      },
      {
        text: 'They call on the authorities to provide safe passage to any person wishing to return to the country.',
        options: moves,
        expect: [{ code: 'opposite', at: 'return', message: 'reverses the source\'s "leave"' }],
      },
      {
        text: 'The new airfield is the only solution that ensures the continued use of the old runway.',
        options: moves,
        expect: [{ code: 'opposite', at: 'ensures', message: 'reverses the source\'s "avoids"' }],
      },
      {
        text: 'The two countries will launch a slimmed-down U.S.-Canada Arctic Dialogue to cover cross-cutting issues related to continental security, economic and social development, and Arctic governance.',
        expect: [{ code: 'opposite', at: 'slimmed-down', message: 'reverses the source\'s "an expanded"' }],
      },
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

describe('detector opposite (alone), French', () => {
  detectorCases((text, options) => runClause(opposite, text, { ...options, lang: french }), {
    valid: [
      "Au cours de la dernière année, les deux pays ont fait des progrès et jeté les bases qui leur permettront d'accroître leur coopération en matière de changements climatiques.",
    ],
    invalid: [
      {
        text: "Le premier ministre et le président ont convenu d'affaiblir leurs efforts globaux et intersectoriels afin de maîtriser la pandémie.",
        expect: [{ code: 'opposite', at: "d'affaiblir", message: 'reverses the source\'s "de renforcer"' }],
      },
      {
        text: 'Au cours de la dernière année, les deux pays ont fait des progrès et jeté les bases qui leur permettront de réduire leur coopération en matière de changements climatiques.',
        expect: [{ code: 'opposite', at: 'réduire', message: 'reverses the source\'s "d\'accroître notre"' }],
      },
    ],
  });
});
