import { changedFigure } from '../../../server/src/engine/check/detectors/changed-figure';
import { loadCorpus } from '../../../server/src/engine';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, source } from '../../support/corpus';
import { detectorCases, runClause } from '../../support/detectors';
import { french } from '../../../server/src/engine/lang/fr';

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

// The Quad leaders' statement: climate work `contributing to the aim of achieving global net-zero emissions preferably by 2050`.
const quad = { index: loadCorpus([source('quad-2021.md', fs.readFileSync(path.join(repoRoot, 'test/real/quad/source/2021-09-24-joint-statement-from-quad-leaders.md'), 'utf8'))]) };

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
      // A figure with none of the source figure's neighbours is another figure (the Quad fact sheet's 2030 targets).
      {
        text: 'To address the climate crisis with the urgency it demands, Quad countries will focus their efforts on the themes of climate ambition, including working on 2030 targets for national emissions and renewable energy, clean-energy innovation and deployment, as well as adaptation, resilience, and preparedness.',
        options: quad,
      },
      // The source's own year says when it was issued, not a changed target.
      { text: 'The leaders resolved in 2021 to reach net-zero emissions in the harbour.', options: dated },
      // The period left unsaid is no other period; another number of another thing is no change.
      { text: 'Trade through the harbour totals nearly $40 million.', options: other },
      { text: 'The partners will resettle 15,000 Syrian refugees over 36 months.', options: other },
      { text: 'The leaders will meet at the ninth Summit of the Americas for the first time.', options: other },
      { text: 'The Harbour Partnership Roadmap sets out two sections.', options: other },
    ],
    invalid: [
      {
        // A group's code for another's names another body: a changed term, found with the figures.
        text: 'The Prime Minister and the President affirmed their shared commitment to addressing global challenges, and reiterated their firm commitment to the United Nations, G8 and G20 as well as NATO, the WTO, and the Five Eyes community.',
        expect: [{ code: 'changed-term', at: 'G8', message: '"G8" where the source says "G7"' }],
      },
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

describe('detector changed-figure (alone), French', () => {
  detectorCases((text, options) => runClause(changedFigure, text, { ...options, lang: french }), {
    valid: [
      'Elle établit aussi des mesures de soutien à la prospérité de nos deux pays.',
      // `24 derniers mois` is `deux dernières années`; `le premier ministre` is no ordinal.
      'Le Canada et les États-Unis se réjouissent des progrès réalisés au cours des 24 derniers mois dans le cadre de la Feuille de route.',
      "Le premier ministre Justin Trudeau a fait aujourd'hui la déclaration suivante à l'occasion du premier anniversaire de la Feuille de route pour un partenariat renouvelé États-Unis-Canada.",
    ],
    invalid: [
      {
        text: 'Elle établit aussi des mesures de soutien à la prospérité de nos trois pays.',
        expect: [{ code: 'changed-figure', at: 'trois pays', message: '"trois pays" where the source says "deux pays"' }],
      },
      {
        text: 'Le Canada et les États-Unis se réjouissent des progrès réalisés au cours des trois dernières années dans le cadre de la Feuille de route.',
        expect: [{ code: 'changed-figure', at: 'trois dernières années', message: '"trois dernières années" where the source says "deux dernières années"' }],
      },
      {
        text: "Le premier ministre Justin Trudeau a fait aujourd'hui la déclaration suivante à l'occasion du deuxième anniversaire de la Feuille de route pour un partenariat renouvelé États-Unis-Canada.",
        expect: [{ code: 'changed-figure', at: 'deuxième anniversaire', message: '"deuxième anniversaire" where the source says "premier anniversaire"' }],
      },
    ],
  });
});

// The same figures of every kind in a French source (the real French texts have no amounts).
const port = {
  lang: french,
  index: loadCorpus([
    source(
      'plan-portuaire.md',
      [
        '---',
        'title: Feuille de route du partenariat portuaire',
        'lang: fr',
        '---',
        '',
        '## Commerce',
        '',
        'Le commerce par le port atteint près de 40 millions de dollars par jour. Les partenaires accueilleront 15 000 réfugiés syriens sur trois ans.',
        '',
        '## Réunions',
        '',
        'Les dirigeants se réuniront au neuvième Sommet des Amériques.',
      ].join('\n'),
    ),
  ]),
};

describe('detector changed-figure (alone), French figures of every kind', () => {
  detectorCases((text, options) => runClause(changedFigure, text, { ...port, ...options }), {
    valid: [
      'Le commerce par le port atteint près de 40 millions de dollars chaque jour.',
      // A period left unsaid is no other period.
      'Le commerce par le port atteint près de 40 millions de dollars.',
      'Les partenaires accueilleront 15 000 réfugiés syriens sur 36 mois.',
      'Les dirigeants se réuniront au 9e Sommet des Amériques.',
    ],
    invalid: [
      { text: 'Le commerce par le port atteint près de 40 millions de dollars par semaine.', expect: [{ code: 'changed-figure', at: '40 millions de dollars par semaine', message: 'where the source says "40 millions de dollars par jour"' }] },
      { text: 'Les partenaires accueilleront 25 000 réfugiés syriens sur trois ans.', expect: [{ code: 'changed-figure', at: '25 000 réfugiés', message: 'where the source says "15 000 réfugiés"' }] },
      { text: 'Les partenaires accueilleront 15 000 réfugiés syriens sur cinq ans.', expect: [{ code: 'changed-figure', at: 'cinq ans', message: 'where the source says "trois ans"' }] },
      { text: 'Les dirigeants se réuniront au dixième Sommet des Amériques.', expect: [{ code: 'changed-figure', at: 'dixième Sommet', message: 'where the source says "neuvième Sommet"' }] },
    ],
  });
});

describe('detector changed-figure (alone), a French source named by its title after a release label', () => {
  // The title is `Déclaration - Feuille de route pour un partenariat renouvelé États-Unis-Canada`:
  // a draft names it by what follows the label, and the date is written as French writes it.
  detectorCases((text, options) => runClause(changedFigure, text, { lang: french, ...options }), {
    valid: ['La Feuille de route pour un partenariat renouvelé États-Unis-Canada, dévoilée le 23 février 2021, compte six priorités.'],
    invalid: [
      {
        text: 'La Feuille de route pour un partenariat renouvelé États-Unis-Canada, dévoilée le 24 février 2021, compte six priorités.',
        expect: [{ code: 'changed-figure', at: '24 février 2021', message: 'is dated 23 février 2021', rule: 'document-date' }],
      },
    ],
  });
});

describe('detector changed-figure (alone), a title that fits several sources', () => {
  // `Déclaration conjointe du premier ministre Trudeau et du président Biden` is the 2023
  // statement's title, and its words, in order, are in the 2022 statement's longer title
  // (`Déclaration conjointe du premier ministre Justin Trudeau et du président Joseph R. Biden Jr. à l'occasion …`).
  detectorCases((text, options) => runClause(changedFigure, text, { lang: french, ...options }), {
    valid: ['La Déclaration conjointe du premier ministre Trudeau et du président Biden du 23 février 2022 marquait le premier anniversaire de la Feuille de route.'],
    invalid: [
      {
        // No source with such a title is dated 23 février 2021.
        text: 'La Déclaration conjointe du premier ministre Trudeau et du président Biden du 23 février 2021 marquait le premier anniversaire de la Feuille de route.',
        expect: [{ code: 'changed-figure', at: '23 février 2021', message: 'is dated 24 mars 2023', rule: 'document-date' }],
      },
    ],
  });
});

describe('detector changed-figure (alone), an English source whose title opens with a release label', () => {
  const factSheet = {
    index: loadCorpus([
      source('fact-sheet.md', '---\ntitle: "Fact Sheet: Harbour Partnership Roadmap"\ndate: 2022-03-03\n---\n\n## Trade\n\nTrade through the harbour totals nearly $40 million a day.\n'),
    ]),
  };
  detectorCases((text, options) => runClause(changedFigure, text, { ...factSheet, ...options }), {
    valid: ['The Harbour Partnership Roadmap, released on March 3, 2022, covers trade.'],
    invalid: [
      {
        text: 'The Harbour Partnership Roadmap, released on March 4, 2022, covers trade.',
        expect: [{ code: 'changed-figure', at: 'March 4, 2022', message: 'is dated March 3, 2022', rule: 'document-date' }],
      },
    ],
  });
});
