import { unsourcedQuote } from '../../../server/src/engine/check/detectors/unsourced-quote';
import { detectorCases, runQuote } from '../../support/detectors';
import { french } from '../../../server/src/engine/lang/fr';

describe('detector unsourced-quote (alone)', () => {
  detectorCases(text => runQuote(unsourcedQuote, text), {
    valid: [
      // Quoted from a source: the misquote check's business, not this one's.
      'The President said "we invest in each other’s success."',
      // Not attributed to the leaders or the sources.
      'My neighbour thinks "the early bird always catches the worm in the end."',
      // Too short to be a claim about the sources.
      'The President said it was "a good day".',
      // One leader quoted (anything he said anywhere), a minister, a president of long ago: not the sources.
      'The President said "we will land astronauts on Mars before the end of this decade."',
      '“The Pacific Ocean does not separate Japan and the United States. Rather, it unites us.” Those are the words of President Kennedy.',
      // Another document, named: not the sources.
      'As the Pacific Islands Forum’s Boe Declaration states, “climate change remains the single greatest threat to the livelihoods of the peoples of the Pacific.”',
      // A quoted name is no claim.
      'The leaders reaffirmed the importance of implementing the “G20 Principles for Quality Infrastructure Investment” this year.',
    ],
    invalid: [
      {
        text: 'The leaders said "we will land astronauts on Mars before the end of this decade."',
        expect: [{ code: 'unsourced-quote', at: '"we will land astronauts on Mars before the end of this decade."', message: 'no indexed source contains it' }],
      },
      {
        text: 'As they put it, “no two countries are better placed to show the world that a net-zero economy is within reach.”',
        expect: [{ code: 'unsourced-quote', at: '“no two countries are better placed to show the world that a net-zero economy is within reach.”' }],
      },
      {
        text: 'The two countries, the Roadmap declares, “will lead the hemisphere in welcoming those who flee violence and persecution.”',
        expect: [{ code: 'unsourced-quote', at: '“will lead the hemisphere in welcoming those who flee violence and persecution.”' }],
      },
      {
        text: '“We will never leave a single worker behind in this recovery,” President Biden and Prime Minister Trudeau declared.',
        expect: [{ code: 'unsourced-quote', at: '“We will never leave a single worker behind in this recovery,”' }],
      },
      {
        text: 'According to the readout, “both countries will jointly host the next Olympic Games in the Arctic.”',
        expect: [{ code: 'unsourced-quote', at: '“both countries will jointly host the next Olympic Games in the Arctic.”' }],
      },
    ],
  });
});

describe('detector unsourced-quote (alone), French', () => {
  detectorCases(text => runQuote(unsourcedQuote, text, { lang: french }), {
    valid: [
      // One leader quoted is not the sources.
      'Le président a dit : « nous bâtirons ensemble la plus grande patinoire du continent pour nos deux peuples ».',
      // In the sources.
      'Les dirigeants ont déclaré : « Nos pays sont plus forts lorsque nous travaillons ensemble en vue d’atteindre nos objectifs communs. »',
      // A source's section heading, quoted: in the sources (editorial brackets or not).
      'Les dirigeants ont déclaré vouloir « catalyser l’énergie propre et créer de bons emplois ».',
      'Selon la déclaration, les deux pays veulent « [c]atalyser l’énergie propre et créer de bons emplois ».',
    ],
    invalid: [
      {
        text: 'Les dirigeants ont déclaré : « nous bâtirons ensemble la plus grande patinoire du continent pour nos deux peuples ».',
        expect: [{ code: 'unsourced-quote', at: '« nous bâtirons ensemble la plus grande patinoire du continent pour nos deux peuples »' }],
      },
      {
        // A heading's words with one of them changed are not the heading.
        text: 'Les dirigeants ont déclaré vouloir « catalyser l’énergie fossile et créer de bons emplois ».',
        expect: [{ code: 'unsourced-quote', at: '« catalyser l’énergie fossile et créer de bons emplois »' }],
      },
    ],
  });
});
