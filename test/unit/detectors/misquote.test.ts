import { misquote } from '../../../server/src/engine/check/detectors/misquote';
import { detectorCases, runQuote } from '../../support/detectors';
import { french } from '../../../server/src/engine/lang/fr';

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

describe('detector misquote (alone), French: « » quotations of the French sources', () => {
  const NNBSP = '\u202f';
  detectorCases(text => runQuote(misquote, text, { lang: french }), {
    valid: [
      'Le premier ministre et le président se sont engagés à « collaborer étroitement pour vaincre le virus ».',
      `Les dirigeants l'ont rappelé : «${NNBSP}Il reste beaucoup de travail à faire.${NNBSP}»`,
      'Ils ont écrit que « la défense de la démocratie est au cœur de notre volonté d’appuyer l’Ukraine ».',
      // A quotation may open just after an elided article or preposition (the source says « d'accroître »).
      'Ils veulent « accroître la résilience face aux éclosions futures ».',
      'Ils veulent « accroître la résilience face aux éclosions futures ».'.replace(/'/g, '’'),
    ],
    invalid: [
      {
        text: 'Les dirigeants ont promis de « collaborer activement pour vaincre le virus ».',
        expect: [{ code: 'misquote', at: 'activement', message: '"activement" where the source says "étroitement"' }],
      },
      {
        text: `«${NNBSP}Nos pays sont plus forts lorsque nous travaillons seuls.${NNBSP}»`,
        expect: [{ code: 'misquote', at: 'seuls', message: '"seuls" where the source says "ensemble"' }],
      },
      {
        // Inside a quotation, a dropped elided article is still a change.
        text: 'Ils veulent « collaborer dans le cadre de intervention de santé publique ».',
        expect: [{ code: 'misquote', at: 'intervention', message: '"intervention" where the source says "l\'intervention"' }],
      },
    ],
  });
});

describe('detector misquote (alone): an English draft quoting a French source in « »', () => {
  detectorCases(text => runQuote(misquote, text, { sources: 'french' }), {
    valid: ['The 2023 statement opens on progress: « Le Canada et les États-Unis se réjouissent des progrès réalisés ».'],
    invalid: [
      {
        text: 'In French the leaders wrote that their partnership « se perpétue parce que nous croyons chacun à la réussite de l’autre ».',
        expect: [{ code: 'misquote', at: 'croyons', message: '"croyons" where the source says "contribuons"' }],
      },
    ],
  });
});
