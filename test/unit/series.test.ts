import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDraft, buildReport, loadCorpus, type SourceInput } from '../../server/src/engine';
import { hoverAt } from '../../server/src/engine/hover';
import { seriesOf } from '../../server/src/engine/series';
import { unescapeMarkdown } from '../../server/src/engine/text/markdown';
import { bundledInputs, repoRoot, source } from '../support/corpus';

const japan2021 = path.join(repoRoot, 'test', 'real', 'japan', 'source', '2021-04-16-u-s-japan-joint-leaders-statement-u-s-japan-global-partnership-for-a-new-era.md');
const japan2022 = path.join(repoRoot, 'test', 'real', 'japan', 'followups', '2022-05-23-japan-u-s-joint-leaders-statement-strengthening-the-free-and-open-international-order.md');
const text2021 = fs.readFileSync(japan2021, 'utf8');
const text2022 = fs.readFileSync(japan2022, 'utf8');
/** The 2022 statement with no date of its own (its front matter's date and publication times removed). */
const undated2022 = text2022.replace(/^(?:date|published_time|modified_time):.*\n/gm, '');

/** The 2021 and 2022 Japan-U.S. statements, in memory (`date2022`: the date a caller gives the 2022 one, as the settings or the project file do). */
function japan(options: { with2022?: boolean; undated?: boolean; date2022?: string } = {}) {
  const inputs: SourceInput[] = [source('japan-2021.md', text2021)];
  if (options.with2022 !== false) inputs.push({ ...source('japan-2022.md', options.undated ? undated2022 : text2022), ...(options.date2022 ? { date: options.date2022 } : {}) });
  return loadCorpus(inputs);
}

const both = japan();

/** 2021: "President Biden reaffirmed the United States’ commitment to the immediate resolution of the abductions issue." (after a sentence on North Korea's programs); 2022: "The two leaders reaffirmed U.S. commitment to …". */
const FOLLOWS_2022 = 'Addressing North Korea’s nuclear and missile program, including the risk of proliferation, the two leaders reaffirmed U.S. commitment to the immediate resolution of the abductions issue.';
const FOLLOWS_2021 = 'President Biden reaffirmed the United States’ commitment to the immediate resolution of the abductions issue.';

function findings(index: ReturnType<typeof japan>, text: string) {
  return analyzeDraft(index, text).findings.map(f => ({ code: f.code, flagged: text.slice(f.start, f.end) }));
}

describe('series: sources that follow one another', () => {
  const table = seriesOf(both);
  const sentence = (docIndex: number, words: string) => {
    for (const p of both.documents[docIndex].paragraphs) {
      // The scraped sources keep non-breaking spaces: compare with any white space as a space.
      const at = p.text.replace(/\s/g, ' ').indexOf(words);
      if (at >= 0) {
        const s = p.sentences.find(x => x.start <= at && at < x.end)!;
        return { p, s };
      }
    }
    throw new Error(`not found: ${words}`);
  };

  it('links a 2021 commitment to the 2022 sentence that restates it, oldest first, with dates', () => {
    const { p, s } = sentence(0, 'immediate resolution of the abductions issue');
    const history = table.historyOf(p, s.start, s.end);
    assert.ok(history, 'the abductions commitment has a history');
    assert.deepEqual(history.map(e => e.date), ['2021-04-16', '2022-05-23']);
    assert.equal(history[0].kind, 'first');
    assert.equal(history[1].kind, 'updated');
    assert.match(history[1].paragraph.text.slice(history[1].start, history[1].end), /two leaders reaffirmed U\.S\. commitment/);
  });

  it('gives the same history from the later sentence', () => {
    const { p, s } = sentence(1, 'immediate resolution of the abductions issue');
    const history = table.historyOf(p, s.start, s.end);
    assert.deepEqual(history?.map(e => e.date), ['2021-04-16', '2022-05-23']);
  });

  it('links on what the commitment is about, not on who speaks or the verb', () => {
    // 2021 "We also recognize the importance of deterrence to maintain peace and stability in the region."
    // 2022 "They also concurred to work together to strengthen deterrence to maintain peace and stability in the region."
    const { p, s } = sentence(0, 'recognize the importance of deterrence');
    assert.deepEqual(table.historyOf(p, s.start, s.end)?.map(e => e.kind), ['first', 'updated']);
  });

  it('gives the statements after a sentence, latest first, and when its wording was updated since', () => {
    const { p, s } = sentence(0, 'immediate resolution of the abductions issue');
    const later = table.laterThan(p, s.start, s.end);
    assert.deepEqual(later.map(e => e.date), ['2022-05-23']);
    const u = table.updatedSince(p, s.start, s.end);
    assert.equal(u?.followed.date, '2021-04-16');
    assert.match(u!.latest.paragraph.text.slice(u!.latest.start, u!.latest.end), /^The two leaders reaffirmed/);
    const { p: p2, s: s2 } = sentence(1, 'immediate resolution of the abductions issue');
    assert.deepEqual(table.laterThan(p2, s2.start, s2.end), []);
    assert.equal(table.updatedSince(p2, s2.start, s2.end), undefined, 'the latest wording is not outdated');
  });

  it('has no history for a sentence no other source restates', () => {
    const { p, s } = sentence(0, 'An ocean separates our countries');
    assert.equal(table.historyOf(p, s.start, s.end), undefined);
  });

  it('links nothing when the sources do not have two different dates', () => {
    const one = japan({ with2022: false });
    const p = one.documents[0].paragraphs[0];
    assert.equal(seriesOf(one).historyOf(p, 0, p.text.length), undefined);
    const undated = japan({ undated: true });
    const { p: p2, s } = (() => {
      const para = undated.documents[0].paragraphs.find(x => x.text.includes('abductions issue'))!;
      return { p: para, s: para.sentences.find(x => para.text.slice(x.start, x.end).includes('abductions'))! };
    })();
    assert.equal(seriesOf(undated).historyOf(p2, s.start, s.end), undefined, 'a source without a date is in no series');
  });

  it('takes a date the caller gives a source whose front matter has none', () => {
    const dated = japan({ undated: true, date2022: '2022-05-23' });
    assert.equal(dated.documents[1].date, '2022-05-23');
    const para = dated.documents[0].paragraphs.find(x => x.text.includes('abductions issue'))!;
    const s = para.sentences.find(x => para.text.slice(x.start, x.end).includes('abductions'))!;
    assert.deepEqual(seriesOf(dated).historyOf(para, s.start, s.end)?.map(e => e.date), ['2021-04-16', '2022-05-23']);
  });
});

describe('series in the checker: following the latest official wording is never a contradiction of older wording', () => {
  it('draws no finding against 2021 for a draft following the 2022 wording where it updates 2021', () => {
    // The draft restates the 2021 passage best (North Korea's programs, then the abductions), in 2022's words for who reaffirmed.
    assert.deepEqual(findings(japan({ with2022: false }), FOLLOWS_2022), [{ code: 'changed-actor', flagged: 'two leaders' }], 'against 2021 alone, "the two leaders" is a changed actor');
    assert.deepEqual(findings(japan({ undated: true }), FOLLOWS_2022), [{ code: 'changed-actor', flagged: 'two leaders' }], 'an undated 2022 statement updates nothing');
    assert.deepEqual(findings(both, FOLLOWS_2022), []);
    assert.deepEqual(findings(japan({ undated: true, date2022: '2022-05-23' }), FOLLOWS_2022), [], 'a date given with the source counts as its own');
  });

  it('draws no finding for any 2022 sentence that updates a 2021 one, taken as a draft', () => {
    const table = seriesOf(both);
    let n = 0;
    for (const p of both.documents[0].paragraphs) {
      for (const s of p.sentences) {
        for (const later of table.laterThan(p, s.start, s.end)) {
          n++;
          const draft = later.paragraph.text.slice(later.start, later.end);
          assert.deepEqual(findings(both, draft), [], draft);
        }
      }
    }
    assert.ok(n >= 8, `${n} updates`);
  });

  it('keeps a finding the later statement does not explain', () => {
    // Neither statement credits the Prime Minister; "did not reaffirm" denies both.
    const kishida = FOLLOWS_2022.replace('the two leaders reaffirmed U.S.', 'Prime Minister Kishida reaffirmed the United States’');
    assert.deepEqual(findings(both, kishida), [{ code: 'changed-actor', flagged: 'Prime Minister Kishida' }]);
    const denied = FOLLOWS_2022.replace('reaffirmed', 'did not reaffirm');
    assert.deepEqual(
      findings(both, denied).map(f => f.code),
      ['negated'],
      'the denial stands; who did it follows 2022',
    );
  });

  describe('a figure updated by a later source (a later statement invented for the test: no later official Canada source with the 2023 figure is in the project)', () => {
    // The bundled statement of 23 February 2021: "Our bilateral trade totals nearly $2 billion every day in goods and services, and …".
    const later = source('trade-2023.md', "---\ntitle: A later statement on trade (invented for the test)\ndate: '2023-03-24'\n---\n\nBilateral trade in goods and services between our two countries totals nearly $2.6 billion every day.\n");
    const withLater = loadCorpus([...bundledInputs(), later]);
    const without = loadCorpus(bundledInputs());
    const draft = (figure: string) => `Our bilateral trade totals nearly ${figure} every day in goods and services, and our people-to-people ties are unparalleled.`;

    it("takes the later figure in the earlier source's words as no change of figure", () => {
      assert.deepEqual(findings(without, draft('$2.6 billion')), [{ code: 'changed-figure', flagged: '$2.6 billion every day' }]);
      assert.deepEqual(findings(withLater, draft('$2.6 billion')), []);
    });

    it('still reports a figure neither source gives', () => {
      assert.deepEqual(findings(withLater, draft('$3 billion')), [{ code: 'changed-figure', flagged: '$3 billion every day' }]);
    });

    it('cites, in the report, the statement a restatement follows', () => {
      const md = unescapeMarkdown(buildReport(withLater, [{ uri: 'file:///d.md', name: 'd.md', text: `${draft('$2.6 billion')}\n\n${draft('$2 billion')}\n` }]));
      const rows = md.split('\n').filter(l => l.startsWith('| line'));
      assert.match(rows[0], /\| faithful \| “Bilateral trade in goods and services between our two countries totals nearly \$2\.6 billion every day\.” \(A later statement on trade/, 'the later figure follows the later statement');
      assert.match(rows[1], /\| faithful; updated since 2023-03-24 \| “Our bilateral trade totals nearly \$2 billion every day/, 'the 2021 figure follows the 2021 statement');
    });
  });
});

describe('series in hover and the report', () => {
  const hover = (text: string, words: string) => {
    const h = hoverAt(both, text, text.indexOf(words) + 2);
    assert.ok(h, 'a hover');
    return unescapeMarkdown(h.markdown);
  };

  it('shows the history with dates, the latest wording, and the statement the draft follows', () => {
    const md = hover(FOLLOWS_2022, 'abductions');
    assert.match(md, /History of this commitment\*\* \(2 statements\)\. The latest wording is that of 2022-05-23\./);
    assert.match(md, /- \*\*First stated, 2021-04-16\*\*: “President Biden reaffirmed the United States’ commitment to the immediate resolution of the abductions issue\.” \(U\.S\.- Japan Joint Leaders’ Statement/);
    assert.match(md, /- \*\*Updated, 2022-05-23\*\*: “The two leaders reaffirmed U\.S\. commitment to the immediate resolution of the abductions issue\.” \(Japan-U\.S\. Joint Leaders’ Statement[^\n]*\[source\]\(https:\/\/bidenwhitehouse\.archives\.gov\/[^\n]*\*\*latest wording\*\* · your draft follows this$/m);
  });

  it('says when the wording the draft follows has been updated since', () => {
    const md = hover(FOLLOWS_2021, 'abductions');
    assert.match(md, /The wording your draft follows \(2021-04-16\) has been updated since: the latest is that of 2022-05-23\./);
    assert.match(md, /First stated, 2021-04-16\*\*[^\n]*your draft follows this$/m);
  });

  it('shows no history with a single dated source', () => {
    const h = hoverAt(japan({ with2022: false }), FOLLOWS_2021, FOLLOWS_2021.indexOf('abductions'));
    assert.ok(h);
    assert.doesNotMatch(h.markdown, /History/);
  });

  it("says 'updated since' in the report for a draft following outdated wording, and cites the later statement a draft follows", () => {
    const text = `# Readout\n\n${FOLLOWS_2022}\n\n${FOLLOWS_2021}\n\n“We oppose any unilateral attempts to change the status quo in the East China Sea.”\n`;
    const md = unescapeMarkdown(buildReport(both, [{ uri: 'file:///d.md', name: 'd.md', text, link: 'd.md' }]));
    assert.match(md, /\*\*No findings\.\*\*/);
    const section = md.slice(md.indexOf('### Updated since'), md.indexOf('### Quotations and restatements'));
    const items = section.split('\n').filter(l => l.startsWith('- '));
    assert.equal(items.length, 2, section);
    assert.match(items[0], /^- \*\*\[line 5\]\(<d\.md#L5>\)\*\* “President Biden reaffirmed[^\n]*” follows “President Biden reaffirmed[^\n]*2021-04-16[^\n]*\*\*Updated since 2022-05-23:\*\* “The two leaders reaffirmed U\.S\. commitment/);
    assert.match(items[1], /^- \*\*\[line 7\]\(<d\.md#L7>\)\*\* “We oppose[^\n]*\*\*Updated since 2022-05-23:\*\* “The two leaders strongly opposed any unilateral attempts/);
    const row = (line: number) => md.split('\n').find(l => l.startsWith(`| [line ${line}]`))!;
    assert.match(row(3), /\| faithful \| “The two leaders reaffirmed U\.S\. commitment[^|]*2022-05-23/, 'the draft following 2022 cites 2022, and is not outdated');
    assert.match(row(5), /\| faithful; updated since 2022-05-23 \|/);
    assert.match(row(7), /\| verbatim; updated since 2022-05-23 \|/);
  });

  it('decides which statement a draft follows by where the statements differ, whichever the sources are listed in', () => {
    const reversed = loadCorpus([source('japan-2022.md', text2022), source('japan-2021.md', text2021)]);
    for (const index of [both, reversed]) {
      const md = unescapeMarkdown(buildReport(index, [{ uri: 'file:///d.md', name: 'd.md', text: `${FOLLOWS_2021}\n\n${FOLLOWS_2022}\n` }]));
      const rows = md.split('\n').filter(l => l.startsWith('| line'));
      assert.match(rows[0], /\| faithful; updated since 2022-05-23 \| “President Biden reaffirmed/, md);
      assert.match(rows[1], /\| faithful \| “The two leaders reaffirmed/, md);
    }
  });

  it('says nothing of updates when the sources have one date', () => {
    const md = buildReport(japan({ with2022: false }), [{ uri: 'file:///d.md', name: 'd.md', text: `${FOLLOWS_2021}\n` }]);
    assert.doesNotMatch(md, /[Uu]pdated since/);
  });
});
