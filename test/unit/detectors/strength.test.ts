import { strength } from '../../../server/src/engine/check/detectors/strength';
import { loadCorpus } from '../../../server/src/engine';
import { source } from '../../support/corpus';
import { detectorCases, runClause } from '../../support/detectors';
import { french } from '../../../server/src/engine/lang/fr';

const ALIGN = 'The leaders agreed to align their approaches to China.';

// A source of another partnership, to show the rules hold for any source: a verb belongs to its
// own sentence once that sentence names its actor; a sentence that goes on from the one before
// (`This includes …`) keeps that one's verb; a document's own verb (`The Plan highlights`) is no one's commitment.
const other = loadCorpus([source('partnership.md', [
  '# Harbour Partnership',
  '',
  'Both leaders recognize the importance of deterrence in the region. We oppose any unilateral attempts to change the status quo in the Northern Strait.',
  '',
  'The leaders discussed ways to align their approaches to fisheries management. This includes dealing with illegal, unreported and unregulated fishing in shared waters.',
  '',
  'The Plan highlights cooperation to strengthen port security and resilience across both coasts.',
  '',
  'We intend to reach an agreement on fisheries quotas in the Northern Strait by next year.',
  '',
  'Our governments will continue to meet at all levels, including to coordinate and implement our policies toward realizing a free and open Northern Strait.',
].join('\n'))]);
const OTHER = { index: other };
// A commitment said with another noun (`underscore our dedication towards`).
const DEDICATION = { index: loadCorpus([source('asean.md', '# Region\n\nWe underscore our dedication towards working with ASEAN and its member states in practical and inclusive ways.\n')]) };
// A resolution, with an adverbial between the verb and what it governs.
const RESOLVED = { index: loadCorpus([source('host.md', '# Host Nation\n\nWe resolved to conclude in a timely manner a meaningful multi-year harbour support agreement.\n')]) };
// A source sentence opening with a participle (`Acknowledging that …, we realize …`; the 2021 U.S.-Japan statement).
const LEAD_IN = {
  index: loadCorpus([source('climate.md', [
    '# Alliance',
    '',
    'Acknowledging that the climate crisis is an existential threat to the world, we realize that our countries must play a critical role in leading the global effort to combat this crisis. The United States and Japan are committed to taking decisive climate action by 2030, both aligned with efforts to limit the global temperature increase to 1.5 degrees Celsius and 2050 greenhouse-gas emissions net-zero goals. In recognition of this responsibility, President Biden and Prime Minister Suga have launched the U.S.-Japan Climate Partnership.',
  ].join('\n'))]),
};
describe('detector strength (alone)', () => {
  detectorCases((text, options) => runClause(strength, text, options), {
    valid: [
      // Talk said more warmly commits no one: an overstatement claims an agreement, a commitment or an act.
      'The leaders reaffirmed their approaches to China.',
      // `committed` for `agreed` in a paraphrase says the same; `will launch` is an intention, as firm as a commitment.
      'In a joint effort with the United States, the Prime Minister has committed to renew the energy infrastructure memorandum with updated scope.',
      'The leaders will launch a High Level Climate Ministerial.',
      // A participle, an idiom, a capitalised name: no act of the leaders.
      'Looking ahead, the leaders will launch a High Level Climate Ministerial.',
      'I look forward to the High Level Climate Ministerial the leaders agreed to launch.',
      'The leaders reaffirmed the shared commitment to reducing oil and gas methane emissions under the Global Methane Pledge.',
      // Welcoming an act is no claim it did not happen; an understatement tells an outcome as mere talk.
      'The President and the Prime Minister welcomed the launch of a High Level Climate Ministerial.',
      'The leaders discussed ways to align their approaches to China.',
      'Both leaders agreed to launch a High Level Climate Ministerial.',
      // Kept hedge: exploring is what the source says.
      'The President and the Prime Minister directed officials to explore the creation of a cross-border task force to address gun smuggling and trafficking.',
      // Runs after the negation detector: a clause already found to deny the commitment has no strength to compare.
      { text: ALIGN, options: { emitted: [['negated', 12, 18]] } },
      // A question claims nothing; a participle after a noun, then `in`, describes it.
      'Did the leaders agree to align their approaches to China?',
      'Is the approach agreed in the Roadmap to align their approaches to China?',
      'The approach agreed in the Roadmap is to align their approaches to China.',
      // What `agreed that, when …,` governs comes after the inner clause.
      'The leaders agreed that, when they consider easing Canada-U.S. border restrictions, they will take a coordinated approach based on science and public health criteria.',
      { text: 'The leaders agreed to oppose any unilateral attempts to change the status quo in the Northern Strait.', options: OTHER },
      { text: 'The two leaders resolved to conclude a meaningful multi-year harbour support agreement.', options: RESOLVED },
      { text: 'They committed to working with ASEAN and its member states in practical and inclusive ways.', options: DEDICATION },
      // Other people's act (`the officials discussed`) is a later event of their own, not the leaders' strength.
      'The officials discussed a High Level Climate Ministerial.',
      // An intention kept as an intention, or as a plan (`will reach`).
      { text: 'The leaders intend to reach an agreement on fisheries quotas in the Northern Strait by next year.', options: OTHER },
      { text: 'The leaders will reach an agreement on fisheries quotas in the Northern Strait by next year.', options: OTHER },
      // Talk of the importance of advancing X is other talk than implementing policies toward X: no understatement.
      { text: 'The two leaders discussed the importance of advancing a free and open Northern Strait, and of modernizing their alliance.', options: OTHER },
      { text: 'The leaders agreed to work closely to strengthen port security and resilience across both coasts.', options: OTHER },
      // A participle opening the source sentence is its lead-in, not a verb the draft's `launched` overstates.
      { text: 'The leaders described the climate crisis as "an existential threat to the world" and launched the U.S.-Japan Climate Partnership.', options: LEAD_IN },
      // A document says what it contains, at no strength of its own: `The Roadmap commits …` is no one's overstatement.
      'The Roadmap commits the two countries to align their approaches to China.',
      { text: 'The joint statement commits both governments to strengthen port security and resilience across both coasts.', options: OTHER },
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
      {
        // A resolution told as done.
        text: 'The two leaders concluded a meaningful multi-year harbour support agreement.',
        options: RESOLVED,
        expect: [{ code: 'overstated', at: 'concluded', message: 'tells as done what the source only intends: "resolved to conclude"', rule: 'intention-done' }],
      },
      {
        // An intention told as done.
        text: 'The leaders reached an agreement on fisheries quotas in the Northern Strait.',
        options: OTHER,
        expect: [{ code: 'overstated', at: 'reached', message: 'tells as done what the source only intends: "intend to reach"', rule: 'intention-done' }],
      },
      {
        text: 'The leaders agreed on a common approach to illegal, unreported and unregulated fishing in shared waters.',
        options: OTHER,
        expect: [{ code: 'overstated', at: 'agreed', message: 'which says the leaders only discussed it', rule: 'ladder' }],
      },
    ],
  });
});

describe('detector strength (alone), French', () => {
  detectorCases((text, options) => runClause(strength, text, { ...options, lang: french }), {
    valid: [
      'Le premier ministre et le président se sont engagés à collaborer étroitement pour vaincre le virus.',
      // The same verb in another form: `ont réaffirmé` for `réaffirmons`.
      'Le Canada et les États-Unis ont réaffirmé leur alliance historique, leur amitié indéfectible ainsi que leur volonté de relever les immenses défis d’aujourd’hui.',
      // `d'abord` (first) is an adverb, not the verb `aborder`.
      'D’abord, un plan directeur pour un effort pangouvernemental ambitieux de lutte contre la pandémie de COVID-19.',
    ],
    invalid: [
      {
        text: 'Le premier ministre et le président ont lancé une collaboration étroite pour vaincre le virus.',
        expect: [{ code: 'overstated', at: 'lancé', message: 'overstates the source' }],
      },
      {
        text: 'Le président et le premier ministre ont examiné la possibilité de collaborer étroitement pour vaincre le virus.',
        expect: [{ code: 'understated', at: 'examiné', message: 'understates the source, which says "engagés"' }],
      },
      {
        // The verb `aborder` is still on the ladder.
        text: 'Ils ont abordé un plan directeur pour un effort pangouvernemental ambitieux de lutte contre la pandémie de COVID-19.',
        expect: [{ code: 'understated', at: 'abordé', message: 'understates the source, which says "établit"' }],
      },
    ],
  });
});
