import * as assert from 'node:assert/strict';
import type { SourceDocument } from '../../server/src/engine';
import { parseSource } from '../../server/src/engine/sources/parse';
import { source } from '../support/corpus';
import { assertClean, assertMapsBack, parseFile, sourceFiles } from '../support/sourceText';

/** `[section title, [first words of each passage]]` in reading order, the opening first. */
type Outline = [string, string[]][];

function outline(doc: SourceDocument): Outline {
  return [...(doc.opening ? [doc.opening] : []), ...doc.sections].map(s => [
    s.title,
    s.paragraphIds.map(id => doc.paragraphs.find(p => p.id === id)!.text.split(/\s+/).slice(0, 4).join(' ')),
  ]);
}

function parse(name: string, content: string): SourceDocument {
  const r = parseSource(source(name, content));
  assert.ok(r.document, r.problems.map(p => p.message).join('; '));
  for (const p of r.document.paragraphs) {
    assertClean(p);
    assertMapsBack(r.document, p);
  }
  return r.document;
}

describe('statement layouts (synthetic sources in test/fixtures/sources)', () => {
  it('every fixture parses into clean passages that map back to the file', () => {
    const files = sourceFiles('test/fixtures/sources');
    assert.ok(files.length >= 5);
    for (const f of files) {
      const doc = parseFile(f);
      assert.ok(doc.paragraphs.length > 0, f);
      for (const p of doc.paragraphs) {
        assertClean(p);
        assertMapsBack(doc, p);
      }
    }
  });

  it('the 24 March 2023 joint statement: an intro, "To that end, …:", eight numbered bold lead-ins, `# # #`', () => {
    const doc = parseFile('test/fixtures/sources/joint-statement-numbered.md');
    assert.deepEqual(outline(doc), [
      ['Opening', ['Our two countries mark', 'To that end, Canada']],
      ['Catalyze Clean Energy and Create Good Jobs', ['Deeper economic integration and', 'The leaders launched an']],
      ['Strengthen Resilience of Critical Mineral and Semiconductor Supply Chains', ['The leaders welcomed new', 'Canada will fund a', 'The United States will']],
      ['Protect Our Shared Waters and the Arctic', ['The leaders committed to']],
      ['Advance Diversity and Inclusion', ['The leaders will exchange']],
      ['Bolster Global Alliances', ['The leaders reaffirmed their']],
      ['Invest in Our Collective Defense and Security', ['The leaders will modernize']],
      ['Manage Migration Collaboratively', ['The leaders agreed to']],
      ['Deepen People-to-People Ties', ['The leaders will mark']],
    ]);
    const p = doc.paragraphs.find(x => x.id === 'joint-statement-numbered#catalyze-clean-energy-and-create-good-jobs-1')!;
    assert.equal(p.label, 'Joint Statement by the President and the Prime Minister, Catalyze Clean Energy and Create Good Jobs, ¶1');
    assert.equal(p.kind, 'prose');
    assert.ok(p.text.startsWith('Deeper economic integration and faster deployment'));
    assert.equal(doc.sections[1].paragraphIds.length, 3);
    assert.deepEqual(
      doc.paragraphs.filter(x => x.sectionId === doc.sections[1].id).map(x => x.kind),
      ['prose', 'bullet', 'bullet'],
    );
    // Nothing after the end mark (`Stay Connected`, `Scroll to Top`), nothing of the page before the statement (`Share`, `Print`).
    assert.ok(doc.paragraphs[doc.paragraphs.length - 1].text.endsWith('Boundary Waters Treaty together.'));
    assert.ok(!doc.paragraphs.some(x => /^(Share|Print|Stay Connected|Scroll to Top)$/.test(x.text)));
  });

  it('a wire release: dateline, plain `1. Title: text` and `2. Title` lines, a signed quotation, `-30-` and contacts', () => {
    const doc = parseFile('test/fixtures/sources/cnw-release.txt');
    assert.deepEqual(outline(doc), [
      ['Opening', ['Canada and the United', 'To that end, Canada']],
      ['Catalyze Clean Energy and Create Good Jobs', ['Deeper economic integration will', 'The Prime Minister and']],
      ['Protect Our Shared Waters', ['The leaders committed to', 'Our partnership has never']],
    ]);
    assert.equal(doc.dateline, 'OTTAWA, ON, March 24, 2023');
    assert.equal(doc.date, '2023-03-24');
    const quote = doc.paragraphs[doc.paragraphs.length - 1];
    assert.equal(quote.kind, 'quotation');
    assert.equal(quote.text, 'Our partnership has never been stronger.');
    assert.equal(quote.attribution, 'Prime Minister Justin Trudeau');
    assert.equal(doc.paragraphs.find(x => x.text.startsWith('Deeper'))!.kind, 'prose');
  });

  it('a web page: furniture, a dateline, a picture and its caption, numbered and furniture headings, links, escapes, tags', () => {
    const doc = parseFile('test/fixtures/sources/web-page.md');
    assert.deepEqual(outline(doc), [
      ['Opening', ['The President met today']],
      ['Security Cooperation', ['The leaders reaffirmed the']],
      ['Trade & Investment', ['President Joe Biden welcomed']],
      ['Climate', ['The leaders will cut']],
    ]);
    assert.equal(doc.dateline, 'WASHINGTON');
    assert.equal(doc.lang, 'en');
    const texts = doc.paragraphs.map(p => p.text);
    assert.equal(
      texts[0],
      'The President met today with the Prime Minister. They welcomed the goals of the Paris Agreement and an ambitious and whole-of-government approach for low- and middle-income countries.',
    );
    assert.equal(texts[1], 'The leaders reaffirmed the Treaty of Mutual Cooperation and Security and the Global Partnership Against the Spread of Weapons [and Materials] of Mass Destruction.');
    assert.equal(texts[2], 'President Joe Biden welcomed new investment & trade between the two countries.');
    assert.equal(texts[3], 'The leaders will cut methane emissions from oil and gas.');
  });

  it('plain text: a title line, a title-case heading line, an indented paragraph', () => {
    const doc = parseFile('test/fixtures/sources/plain-headings.txt');
    assert.equal(doc.title, 'Joint Statement on Fisheries');
    assert.deepEqual(outline(doc), [
      ['Opening', ['The two governments agreed']],
      ['Science and Data', ['They will share stock', 'An indented paragraph is']],
    ]);
  });

  it('a source without headings keeps its passages in one section, "Statement", cited by the document’s title', () => {
    const untitled = parseFile('test/fixtures/sources/no-headings.md');
    assert.equal(untitled.opening, undefined);
    assert.deepEqual(outline(untitled), [['Statement', ['The leaders met in', 'They agreed to meet']]]);
    assert.equal(untitled.paragraphs[1].id, 'no-headings#statement-2');
    assert.equal(untitled.paragraphs[1].label, 'no-headings, ¶2');

    const titled = parse('readout.md', '---\ntitle: Readout of the Call\n---\n\nThe leaders spoke.\n\nThey agreed to meet.\n');
    assert.deepEqual(outline(titled), [['Statement', ['The leaders spoke.', 'They agreed to meet.']]]);
    assert.equal(titled.paragraphs[0].label, 'Readout of the Call, ¶1');
    assert.equal(titled.paragraphs[0].id, 'readout#statement-1');
    assert.equal(titled.sections[0].isOpening, false);
  });

  it('French sources get French labels where Verbatim makes one', () => {
    const untitled = parse('note.md', 'Le Canada et les États-Unis ont convenu de renforcer leur coopération dans le domaine de la santé.\n\nIls se réuniront de nouveau pour faire le point sur les progrès.\n');
    assert.equal(untitled.lang, 'fr');
    assert.equal(untitled.sections[0].title, 'Déclaration');
    assert.equal(untitled.paragraphs[0].id, 'note#declaration-1');
    assert.equal(untitled.paragraphs[0].label, 'note, ¶1');
    const headed = parse('fr.md', '---\ntitle: Déclaration\nlang: fr-CA\n---\n\nUn préambule sans titre.\n\n## Commerce\n\nLes dirigeants ont convenu de réduire les droits de douane.\n');
    assert.equal(headed.lang, 'fr');
    assert.equal(headed.opening?.title, 'Préambule');
    assert.equal(headed.paragraphs[0].label, 'Déclaration, préambule, ¶1');
    assert.equal(headed.paragraphs[0].id, 'fr#opening-1');
  });

  it('bold lead-ins: `**Title:** text`, `**Title**: text`; not a bold sentence that introduces a list', () => {
    const doc = parse(
      'leadins.md',
      [
        'Opening words of the statement.',
        '',
        '**Health Security:** The leaders agreed to share data.',
        '',
        '**Trade**: They will cut tariffs.',
        '',
        '**Today, the President will outline the Roadmap, which will',
        'prioritize:**',
        '',
        '-   Combating COVID-19',
        '',
        '**The leaders agreed** to meet again.',
      ].join('\n'),
    );
    assert.deepEqual(outline(doc), [
      ['Opening', ['Opening words of the']],
      ['Health Security', ['The leaders agreed to']],
      ['Trade', ['They will cut tariffs.', 'Today, the President will', 'Combating COVID-19', 'The leaders agreed to']],
    ]);
  });

  it('numbered headings: `## 2. Title`, `1\\. Title` (escaped by pandoc), `1. Title` alone; a numbered list stays a list', () => {
    const doc = parse(
      'numbered.md',
      [
        '## 1. Energy',
        '',
        'Text one.',
        '',
        '2\\. Critical Minerals',
        '',
        'Text two.',
        '',
        '3. Waters and the Arctic',
        '',
        'Text three.',
        '',
        'They agreed to:',
        '',
        '1. expand trade;',
        '2. cut tariffs.',
      ].join('\n'),
    );
    assert.deepEqual(outline(doc), [
      ['Energy', ['Text one.']],
      ['Critical Minerals', ['Text two.']],
      ['Waters and the Arctic', ['Text three.', 'They agreed to:', 'expand trade;', 'cut tariffs.']],
    ]);
    assert.deepEqual(
      doc.paragraphs.slice(-2).map(p => p.kind),
      ['bullet', 'bullet'],
    );
  });

  it('a multi-paragraph quotation (each paragraph opens with « or “, the last closes it), and a signature a line a paragraph', () => {
    const doc = parse(
      'quote.md',
      [
        '## Statement',
        '',
        'The Prime Minister said:',
        '',
        '« Il y a un an, nous avons agi.',
        '',
        '« Il reste du travail. »',
        '',
        '“We met today.”',
        '',
        'President Joe Biden',
        '',
        'Prime Minister Justin Trudeau',
        '',
        'February 23, 2021',
        '',
        'The leaders then left.',
      ].join('\n'),
    );
    const [intro, a, b, c, after] = doc.paragraphs;
    assert.equal(intro.kind, 'prose');
    assert.deepEqual([a.kind, a.text], ['quotation', 'Il y a un an, nous avons agi.']);
    assert.deepEqual([b.kind, b.text], ['quotation', 'Il reste du travail.']);
    assert.deepEqual([c.kind, c.text, c.attribution], ['quotation', 'We met today.', 'President Joe Biden, Prime Minister Justin Trudeau, February 23, 2021']);
    assert.equal(after.text, 'The leaders then left.');
    assert.equal(doc.paragraphs.length, 5);
  });

  it('a line of only a non-breaking space separates paragraphs (a scraped `<p>&nbsp;</p>`)', () => {
    const doc = parse('nbsp.md', 'The leaders met.  \n\u00a0  \n**Trade**  \nThey cut tariffs.\n\u00a0\nThey will meet again.\n');
    assert.deepEqual(outline(doc), [
      ['Opening', ['The leaders met.']],
      ['Trade', ['They cut tariffs.', 'They will meet again.']],
    ]);
  });

  it('underlined headings: `<u>…</u>` or an underline `<span>` filling its lines, the text after a hard break', () => {
    const doc = parse(
      'underline.md',
      [
        'Opening words.',
        '',
        '<span style="text-decoration: underline">Regional Issues: Responding to',
        'a Changing Security Environment  ',
        '</span>  ',
        'The leaders called for calm.',
        '',
        '<u>Trade</u>',
        '',
        'They cut tariffs.',
        '',
        '<u>Underlined words</u> in a sentence are not a heading.',
      ].join('\n'),
    );
    assert.deepEqual(outline(doc), [
      ['Opening', ['Opening words.']],
      ['Regional Issues: Responding to a Changing Security Environment', ['The leaders called for']],
      ['Trade', ['They cut tariffs.', 'Underlined words in a']],
    ]);
  });

  it('scraped bold headings: the closing `**` wrapped to the next line, two spans on a line, a principle over its list', () => {
    const doc = parse(
      'scraped-bold.md',
      [
        'Opening words.',
        '',
        '**Space',
        '        **  ',
        'Space applications can help.',
        '',
        '**Expanding and Renewing our Partnership  ',
        '**The leaders committed to more exchanges.',
        '',
        '**<u>Climate Change and Green Growth</u>** **<u>and',
        'Recovery</u>**',
        '',
        '-   They launched a zero carbon initiative.',
        '',
        '**Foster healthy competition and international collaboration to advance',
        'the frontier of science and technology.**',
        '',
        '-   A fair and open marketplace is a cornerstone of innovation.',
        '',
        '**The leaders agreed that the partnership will deliver results for all of our people.**',
        '',
        'They will meet again.',
      ].join('\n'),
    );
    assert.deepEqual(outline(doc), [
      ['Opening', ['Opening words.']],
      ['Space', ['Space applications can help.']],
      ['Expanding and Renewing our Partnership', ['The leaders committed to']],
      ['Climate Change and Green Growth and Recovery', ['They launched a zero']],
      [
        'Foster healthy competition and international collaboration to advance the frontier of science and technology.',
        ['A fair and open', 'The leaders agreed that', 'They will meet again.'],
      ],
    ]);
  });

  it('furniture headings and end marks end the statement until the next heading', () => {
    const doc = parse('page.md', '## Trade\n\nThey cut tariffs.\n\n###\n\nContact: press office.\n\n## Energy\n\nThey agreed on grids.\n\n## Stay Connected\n\nSign up for email updates.\n');
    assert.deepEqual(outline(doc), [
      ['Trade', ['They cut tariffs.']],
      ['Energy', ['They agreed on grids.']],
    ]);
  });

  it('a standalone date or dateline is not a passage; the front matter date wins over the dateline', () => {
    const doc = parse('d.md', '---\ndate: 2021-02-23\n---\n\nWASHINGTON, D.C.\n\nMarch 24, 2023\n\nThe leaders met.\n');
    assert.deepEqual(
      doc.paragraphs.map(p => p.text),
      ['The leaders met.'],
    );
    assert.equal(doc.dateline, 'WASHINGTON, D.C.');
    assert.equal(doc.date, '2021-02-23');
  });
});
