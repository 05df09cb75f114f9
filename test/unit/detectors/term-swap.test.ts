import { termSwap } from '../../../server/src/engine/check/detectors/term-swap';
import { loadCorpus } from '../../../server/src/engine';
import { source } from '../../support/corpus';
import { detectorCases, runClause } from '../../support/detectors';
import { french } from '../../../server/src/engine/lang/fr';

const vaccines = { index: loadCorpus([source('vaccines.md', '# Vaccines\n\nThe partners will support last-mile vaccine rollouts and lead in coordinating the last-mile delivery efforts in Southeast Asia.\n')]) };
const sectors = { index: loadCorpus([source('sectors.md', '# Climate\n\nWe are pursuing sectoral decarbonization efforts, including those aimed at decarbonizing shipping and port operations and the deployment of clean-hydrogen technology.\n')]) };
const japan = { index: loadCorpus([source('japan.md', '# Alliance\n\nToday, the United States and Japan renew an Alliance that has become a cornerstone of peace and security in the Indo-Pacific region and around the world.\n')]) };
const acm = { index: loadCorpus([source('acm.md', '# Alliance\n\nThe leaders reaffirmed their commitment to ensure full bilateral coordination through the Alliance Coordination Mechanism.\n')]) };
const fellows = { index: loadCorpus([source('fellows.md', '# People\n\nThis pilot fellowship program will provide 100 graduate fellowships to students across our four countries.\n')]) };
const space = { index: loadCorpus([source('space.md', '# Space\n\nWe will also consult on norms and rules for ensuring the sustainable use of outer space.\n')]) };

describe('detector term-swap (alone)', () => {
  detectorCases((text, options) => runClause(termSwap, text, options), {
    valid: [
      // A unit (`C`) is no term.
      'Recalling the Paris Agreement, the leaders will work in tandem, and encourage others, to keep a limit on the temperature increase to 1.5 degrees Celsius.',
      'The leaders also agreed to work together to build the necessary supply chains to make Canada and the United States global leaders in all aspects of battery development and production.',
      // A changed action is the strength and opposite detectors' business, not a swapped term.
      'The Prime Minister and the President agreed to reduce cooperation on continental defense and in the Arctic.',
      // `Paris` for `Agreement's` where the sources name the `Paris Agreement`: one thing named two ways.
      'Recalling the Paris call to pursue efforts to limit the temperature increase to 1.5 degrees Celsius, the leaders will work in tandem, and encourage others, to achieve net zero emissions no later than 2050.',
      // `intent` for `commitment`: a change of strength (the strength detector's), not a swapped term.
      { text: 'The leaders reaffirmed their intent to ensure full bilateral coordination through the Alliance Coordination Mechanism.', options: acm },
      // A verb after `will` in both is an action, not a thing named.
      { text: 'This pilot fellowship program will fund 100 graduate fellowships to students across our four countries.', options: fellows },
      // One good for another in a stock phrase (`peace and prosperity` for `peace and security`) is no swapped term.
      { text: 'Today, the United States and Japan renew an Alliance that has become a cornerstone of peace and prosperity in the Indo-Pacific region and around the world.', options: japan },
      // A word of the source sentence, in another form and another place, is a rewording.
      { text: 'The partners will support last-mile vaccine rollouts and lead the last-mile delivery coordination in Southeast Asia.', options: vaccines },
      // The source's word in another form (`sustainability` for `sustainable`) is a rewording.
      { text: 'We will also consult on norms and rules for ensuring the long-term sustainability of outer space.', options: space },
      // `co-operation` is `cooperation`; an item added after the source's last is new, not swapped.
      'The updated MOU is meant to enhance co-operation on sustainable and equitable energy transitions, clean energy innovation, connectivity, low-carbon transportation and hydrogen production.',
    ],
    invalid: [
      {
        // A noun in -ing on the source's side (`shipping`) is a term like any other.
        text: 'We are pursuing sectoral decarbonization efforts, including those aimed at decarbonizing aviation and port operations and the deployment of clean-hydrogen technology.',
        options: sectors,
        expect: [{ code: 'changed-term', at: 'aviation', message: '"aviation" where the source says "shipping"' }],
      },
      {
        text: 'The leaders agreed to make Canada and the United States global leaders in all aspects of solar panel development and production.',
        expect: [{ code: 'changed-term', at: 'solar panel', message: '"solar panel" where the source says "battery"', rule: 'term-swap' }],
      },
      {
        text: 'Our bilateral trade totals nearly $2 billion every week in goods and services.',
        expect: [{ code: 'changed-term', at: 'week', message: 'where the source says "day"' }],
      },
      {
        // The last item of a list replaced, at the end of both sentences.
        text: 'The updated MOU is meant to enhance co-operation on sustainable and equitable energy transitions, clean energy innovation, connectivity and hydrogen production.',
        expect: [{ code: 'changed-term', at: 'hydrogen production', message: 'where the source says "low-carbon transportation"', rule: 'term-swap' }],
      },
      {
        text: 'We will also consult on norms and rules for ensuring the peaceful use of outer space.',
        options: space,
        expect: [{ code: 'changed-term', at: 'peaceful', message: 'where the source says "sustainable"', rule: 'term-swap' }],
      },
    ],
  });
});

describe('detector term-swap (alone), French', () => {
  detectorCases(text => runClause(termSwap, text, { lang: french }), {
    valid: [
      "L'amélioration de l'intégration économique, l'accélération du déploiement des technologies propres et le perfectionnement de la main-d'oeuvre sont essentiels.",
      // A ligature is no swapped term.
      "L'amélioration de l'intégration économique, l'accélération du déploiement des technologies propres et le perfectionnement de la main-d'œuvre sont essentiels.",
      // A list item restated in other words: `plus … et` matches another item of the source's
      // list (`des communautés plus sécuritaires et …`), but `économies` before it does not, so
      // nothing anchors a swap.
      'des économies plus robustes et une classe moyenne élargie;',
      // The source's own title calls it a « Déclaration conjointe »: its words describe the document.
      "Le premier ministre a fait une déclaration conjointe à l'occasion du premier anniversaire de la Feuille de route pour un partenariat renouvelé États-Unis-Canada.",
    ],
    invalid: [
      {
        text: "L'amélioration de l'intégration économique, l'accélération du déploiement des technologies nucléaires et le perfectionnement de la main-d'oeuvre sont essentiels.",
        expect: [{ code: 'changed-term', at: 'nucléaires', message: '"nucléaires" where the source says "propres"' }],
      },
      {
        // A word the title does not have after the same word is still a swap (the title says « premier anniversaire »).
        text: "Le premier ministre a fait aujourd'hui la déclaration suivante à l'occasion du premier sommet de la Feuille de route pour un partenariat renouvelé États-Unis-Canada.",
        expect: [{ code: 'changed-term', at: 'sommet', message: '"sommet" where the source says "anniversaire"' }],
      },
    ],
  });
});
