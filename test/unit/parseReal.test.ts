import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import { loadCorpus, type SourceDocument } from '../../server/src/engine';
import { sourceTree } from '../../server/src/engine/sourceTree';
import { repoRoot } from '../support/corpus';
import { assertClean, assertMapsBack, parseFile, sourceFiles } from '../support/sourceText';

/** `[section title, [first four words of each passage]]` in reading order, the opening first. */
type Outline = [string, string[]][];

function outline(doc: SourceDocument): Outline {
  return [...(doc.opening ? [doc.opening] : []), ...doc.sections].map(s => [
    s.title,
    s.paragraphIds.map(id => doc.paragraphs.find(p => p.id === id)!.text.split(/\s+/).slice(0, 4).join(' ')),
  ]);
}

const JAPAN = 'test/real/japan/source/2021-04-16-u-s-japan-joint-leaders-statement-u-s-japan-global-partnership-for-a-new-era.md';
const QUAD = 'test/real/quad/source/2021-09-24-joint-statement-from-quad-leaders.md';
const FR_ROADMAP = 'test/real/french/roadmap-fr-2021-02-23-excerpt.md';
const FR_ROADMAP_LONGER = 'test/real/french/2021-02-23-feuille-de-route-partenariat-renouvele.md';
const FR_2022 = 'test/real/french/2022-02-23-declaration-conjointe-premier-anniversaire-feuille-de-route.md';
const FR_2023 = 'test/real/french/joint-statement-fr-2023-03-24-excerpt.md';
const FR_2023_LONGER = 'test/real/french/2023-03-24-declaration-conjointe-trudeau-biden.md';

const FR_ROADMAP_OUTLINE: Outline = [
  ['Préambule', ["Il est dans l'intérêt"]],
  ['Lutte contre la COVID-19', ['La priorité absolue du', 'Le premier ministre et']],
];
const FR_2022_TITLE =
  "Déclaration conjointe du premier ministre Justin Trudeau et du président Joseph R. Biden Jr. à l'occasion du premier anniversaire de la Feuille de route pour un partenariat renouvelé États-Unis-Canada";

/** What each real source is, read from the file: its sections and where each passage starts. */
const EXPECTED: Record<string, { lang: string; date: string; outline: Outline }> = {
  [JAPAN]: {
    lang: 'en',
    date: '2021-04-16',
    outline: [
      ['Opening', ['President Joseph R. Biden', 'Our historic partnership is']],
      [
        'THE ALLIANCE: FORGING A FREE AND OPEN INDO-PACIFIC',
        ['The U.S.-Japan Alliance is', 'President Biden and Prime', 'President Biden and Prime', 'The United States and', 'Together, we will continue'],
      ],
      [
        'AN ALLIANCE FOR A NEW ERA',
        ['Recognizing that our shared', 'The United States and', 'The United States and', 'Acknowledging that the climate', 'COVID-19 has shown our', 'These new partnerships will'],
      ],
      ['LOOKING FORWARD', ['The charges we take']],
    ],
  },
  [QUAD]: {
    lang: 'en',
    date: '2021-09-24',
    outline: [
      [
        'Statement',
        [
          'We, the leaders of',
          'The occasion of the',
          'Since our first meeting,',
          'Our partnership on COVID-19',
          'Thanks to the Quad',
          'We have accomplished much',
          'We will also strengthen',
          'We have joined forces',
          'We have established cooperation',
          'Going forward, we will',
          'Today, we begin new',
          'We are proud to',
          'In South Asia, we',
          'We also recognize that',
          'We reaffirm our commitment',
          'We will continue to',
          'At a time that',
        ],
      ],
    ],
  },
  [FR_ROADMAP]: { lang: 'fr', date: '2021-02-23', outline: FR_ROADMAP_OUTLINE },
  [FR_ROADMAP_LONGER]: { lang: 'fr', date: '2021-02-23', outline: FR_ROADMAP_OUTLINE },
  [FR_2022]: {
    lang: 'fr',
    date: '2022-02-23',
    outline: [['Déclaration', ['Le premier ministre Justin', 'Il y a un', 'La Feuille de route', 'Au cours de la', 'Il reste beaucoup de']]],
  },
  [FR_2023]: {
    lang: 'fr',
    date: '2023-03-24',
    outline: [
      ['Préambule', ['Le Canada et les', 'À cette fin, le']],
      ["Catalyser l'énergie propre et créer de bons emplois", ["L'amélioration de l'intégration économique,"]],
    ],
  },
  [FR_2023_LONGER]: {
    lang: 'fr',
    date: '2023-03-24',
    outline: [
      ['Préambule', ['Le Canada et les', 'À cette fin, le']],
      ["Catalyser l'énergie propre et créer de bons emplois", ["L'amélioration de l'intégration économique,", 'Le premier ministre Trudeau']],
    ],
  },
};

const REAL_SOURCES = [...sourceFiles('test/real/japan/source'), ...sourceFiles('test/real/quad/source'), ...sourceFiles('test/real/french')];

describe('real sources (test/real/*/source, test/real/french) parse into their real structure', () => {
  it('every real source has its expected structure written down here', () => {
    assert.ok(REAL_SOURCES.length >= 7);
    assert.deepEqual([...REAL_SOURCES].sort(), Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(path.basename(file), () => {
      const doc = parseFile(file);
      assert.deepEqual(outline(doc), expected.outline);
      assert.equal(doc.lang, expected.lang);
      assert.equal(doc.date, expected.date);
    });
  }

  it('Japan: bold underlined headings over two lines; links reduced to their text; the end mark left out', () => {
    const doc = parseFile(JAPAN);
    assert.equal(doc.title, 'U.S.- Japan Joint Leaders’ Statement: “U.S. – JAPAN GLOBAL PARTNERSHIP FOR A NEW ERA”');
    const p = doc.paragraphs.find(x => x.id.endsWith('#an-alliance-for-a-new-era-1'))!;
    assert.equal(p.label, `${doc.title}, AN ALLIANCE FOR A NEW ERA, ¶1`);
    assert.match(p.text, /President Biden and Prime Minister Suga have launched a new Competitiveness and Resilience \(CoRe\) Partnership\. Our partnership/);
    assert.match(doc.paragraphs.find(x => x.id.endsWith('#an-alliance-for-a-new-era-4'))!.text, /have launched the U\.S\.-Japan Climate Partnership\. This partnership/);
    assert.equal(doc.paragraphs[0].label, `${doc.title}, opening, ¶1`);
    assert.ok(doc.paragraphs[doc.paragraphs.length - 1].text.endsWith('for both our peoples for decades to come.'));
    assert.equal(doc.paragraphs.length, 14);
  });

  it('Quad: no headings, so one section cited by the statement’s title; the end mark left out', () => {
    const doc = parseFile(QUAD);
    assert.equal(doc.opening, undefined);
    assert.equal(doc.sections.length, 1);
    assert.equal(doc.sections[0].id, 'statement');
    assert.equal(doc.paragraphs[16].id, '2021-09-24-joint-statement-from-quad-leaders#statement-17');
    assert.equal(doc.paragraphs[16].label, 'Joint Statement from Quad Leaders, ¶17');
    assert.ok(doc.paragraphs[16].text.endsWith('we rise to meet this moment, together.'));
    assert.match(doc.paragraphs[4].text, /for low- and middle-income countries/);
  });

  it('French: the opening quotation signed a line a paragraph; the dateline left out; a numbered lead-in with French spacing', () => {
    const roadmap = parseFile(FR_ROADMAP);
    const quote = roadmap.paragraphs[0];
    assert.equal(quote.kind, 'quotation');
    assert.ok(quote.text.startsWith("Il est dans l'intérêt partagé des États-Unis et du Canada"));
    assert.ok(quote.text.endsWith("à la réussite de l'autre."));
    assert.equal(quote.attribution, 'Président Joe Biden, Premier ministre Justin Trudeau, Le 23 février 2021');
    assert.equal(quote.label, 'Déclaration - Feuille de route pour un partenariat renouvelé États-Unis-Canada, préambule, ¶1');

    const anniversary = parseFile(FR_2022);
    assert.equal(anniversary.dateline, 'OTTAWA, ON, le 23 févr. 2022');
    assert.ok(anniversary.paragraphs[0].text.startsWith("Le premier ministre Justin Trudeau a fait aujourd'hui la déclaration suivante"));
    assert.equal(anniversary.sections[0].id, 'declaration');
    assert.equal(anniversary.paragraphs[1].label, `${FR_2022_TITLE}, ¶2`);
    assert.deepEqual(
      anniversary.paragraphs.map(p => p.kind),
      ['prose', 'quotation', 'quotation', 'quotation', 'quotation'],
    );
    assert.ok(anniversary.paragraphs[1].text.startsWith('Il y a un an, le Canada'));

    const joint = parseFile(FR_2023_LONGER);
    const first = joint.paragraphs.find(p => p.sectionTitle === "Catalyser l'énergie propre et créer de bons emplois")!;
    assert.equal(first.kind, 'prose');
    assert.equal(first.label, "Déclaration conjointe du premier ministre Trudeau et du président Biden, Catalyser l'énergie propre et créer de bons emplois, ¶1");
    assert.ok(first.text.startsWith("L'amélioration de l'intégration économique"));
  });
});

describe('clean official text: every passage of every source in test/real/ and corpus/', () => {
  // The follow-ups are parsed as sources too: a drafter may add any of them, and they hold more layouts.
  const files = [...sourceFiles('corpus'), ...sourceFiles('test/real')];

  it('has no Markdown, HTML or end marks in any passage, and every character maps back to the file', () => {
    assert.ok(files.length > 70, `${files.length} files`);
    let passages = 0;
    for (const f of files) {
      const doc = parseFile(f);
      for (const p of doc.paragraphs) {
        assertClean(p);
        assertMapsBack(doc, p);
        passages++;
      }
    }
    assert.ok(passages > 900, `${passages} passages`);
  });

  it('repairs the Roadmap’s hyphenation artefact in the index', () => {
    const doc = parseFile('corpus/roadmap-2021-02-23.md');
    assert.match(doc.paragraphs[0].text, /an ambitious and whole-of-government effort/);
    assert.match(doc.text, /whole-of- government/);
  });
});

describe('`verbatim sources` and the Sources view show the real structure', () => {
  async function cli(args: string[]): Promise<string> {
    let stdout = '';
    const code = await main(args, { stdout: s => void (stdout += s), stderr: () => undefined, cwd: repoRoot });
    assert.equal(code, 0);
    return stdout;
  }

  it('lists the real sections with their passage counts', async () => {
    const japan = await cli(['sources', '--no-bundled', '--source', 'test/real/japan/source']);
    assert.match(japan, /\n {4}Opening +2 paragraphs\n {4}THE ALLIANCE: FORGING A FREE AND OPEN INDO-PACIFIC +5 paragraphs\n {4}AN ALLIANCE FOR A NEW ERA +6 paragraphs\n {4}LOOKING FORWARD +1 paragraph\n/);
    const quad = await cli(['sources', '--no-bundled', '--source', 'test/real/quad/source']);
    assert.match(quad, /^Joint Statement from Quad Leaders\n[\s\S]*\n {4}Statement +17 paragraphs\n/);
    const french = JSON.parse(await cli(['sources', '--no-bundled', '--source', 'test/real/french', '--format', 'json'])) as { file: string; sections: { title: string }[]; paragraphs: { label: string }[] }[];
    const joint = french.find(d => d.file.endsWith('2023-03-24-declaration-conjointe-trudeau-biden.md'))!;
    assert.deepEqual(
      joint.sections.map(s => s.title),
      ['Préambule', "Catalyser l'énergie propre et créer de bons emplois"],
    );
    assert.equal(joint.paragraphs[0].label, 'Déclaration conjointe du premier ministre Trudeau et du président Biden, préambule, ¶1');
  });

  it('the Sources view tree has the same sections and clean passages', () => {
    const inputs = [JAPAN, QUAD].map(rel => ({ uri: `file://${path.join(repoRoot, rel)}`, displayPath: rel, content: fs.readFileSync(path.join(repoRoot, rel), 'utf8') }));
    const tree = sourceTree(loadCorpus(inputs));
    assert.deepEqual(
      tree.map(d => d.sections.map(s => [s.title, s.paragraphs.length])),
      [
        [
          ['Opening', 2],
          ['THE ALLIANCE: FORGING A FREE AND OPEN INDO-PACIFIC', 5],
          ['AN ALLIANCE FOR A NEW ERA', 6],
          ['LOOKING FORWARD', 1],
        ],
        [['Statement', 17]],
      ],
    );
    assert.ok(tree.every(d => d.sections.every(s => s.paragraphs.every(p => !/\*\*|###|\]\(/.test(p.text)))));
  });
});
