import * as assert from 'node:assert/strict';
import { analyzeDraft, buildHtmlReport, buildReport } from '../../server/src/engine';
import { bundledIndex } from '../support/corpus';

const FIGURE = 'The leaders will work to achieve net zero emissions no later than 2040.';
const FIGURE_SOURCE = 'Recalling the Agreement’s call to pursue efforts to limit global temperature increase to 1.5 degrees C., they will work in tandem, and encourage others to achieve net zero emissions no later than 2050.';
const draft = `# Readout\n\nThe leaders met in Ottawa.\n\n${FIGURE}\n\nBoth leaders agreed to launch a High Level Climate Ministerial.\n\n“The top priority of the President and the Prime Minister is to end the COVID-19 pandemic.” (Roadmap for a Renewed U.S.-Canada Partnership, Combating COVID-19, ¶1)\n`;
const input = { uri: 'file:///w/drafts/readout.md', name: 'drafts/readout.md', text: draft, link: '../drafts/readout.md' };

describe('consistency report', () => {
  it('puts findings first, each with a link to its line, the matched source sentence and what to do', () => {
    const md = buildReport(bundledIndex(), [input]);
    const findings = md.indexOf('### Findings');
    const table = md.indexOf('### Quotations and restatements');
    assert.ok(findings > 0 && findings < table, 'findings come before the table');
    assert.match(md, /\*\*1 finding to review\*\* \(1 warning\)/);
    assert.match(md, /1\. \*\*\[line 5\]\(<\.\.\/drafts\/readout\.md#L5>\)\*\*, Warning `changed-figure`/);
    const source = FIGURE_SOURCE.replace(/[.-]/g, c => `\\${c}`);
    assert.ok(md.includes(`**Source:** “${source}”`), 'the evidence is the matched source sentence, not the start of its paragraph');
    assert.match(md, /\*\*What to do:\*\* Use the source's figure \\\(quick fix: restore the source's figure: &quot;2050&quot;\\\)/);
  });

  it('never calls a row with a finding faithful, and does not count an inserted citation as a restatement', () => {
    const md = buildReport(bundledIndex(), [input]);
    const rows = md.split('\n').filter(l => l.startsWith('| [line'));
    const row5 = rows.find(r => r.includes('#L5'))!;
    assert.match(row5, /\| `changed-figure` \|/);
    assert.doesNotMatch(row5, /faithful/);
    assert.ok(rows.some(r => r.includes('#L7') && /\| faithful \|/.test(r)), 'the faithful restatement is faithful');
    const row9 = rows.filter(r => r.includes('#L9'));
    assert.deepEqual(row9.map(r => r.split(' | ')[1]), ['quotation'], 'the citation after the quotation is not a restatement');
  });

  it('has the coverage table only when asked for', () => {
    assert.doesNotMatch(buildReport(bundledIndex(), [input]), /Coverage/);
    const md = buildReport(bundledIndex(), [input], { coverage: true });
    assert.match(md, /## Coverage of the sources' commitments/);
    assert.match(md, /\| altered \|/);
  });

  it('lists accepted wordings apart, with who accepted them and why, and honours severities', () => {
    const md = buildReport(bundledIndex(), [input], { accepted: [{ code: 'changed-figure', wording: '2040', source: FIGURE_SOURCE, acceptedBy: 'Ann', date: '2026-01-02', reason: 'the national target' }] });
    assert.match(md, /\*\*No findings\.\*\*/);
    assert.match(md, /### Accepted for the project\n\n- \*\*\[line 5\]\(<\.\.\/drafts\/readout\.md#L5>\)\*\* `changed-figure` “2040”: accepted by Ann on 2026\\-01\\-02 \(the national target\)\./);
    assert.match(buildReport(bundledIndex(), [input], { severity: { 'changed-figure': 'off' } }), /\*\*No findings\.\*\*/);
  });

  it('escapes draft text, and the HTML page is self-contained with findings linking to the draft\'s lines', () => {
    const hostile = { ...input, name: 'x<script>.md', text: `${FIGURE}\n\n<img src=x onerror=alert(1)> [link](javascript:alert(1)) “<script>x</script>”\n` };
    const html = buildHtmlReport(bundledIndex(), [hostile]);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.doesNotMatch(html, /<script|<img|href="javascript|<link|src="http/i);
    assert.match(html, /<a href="#d1-L1">line 1<\/a>/);
    assert.match(html, /<span id="d1-L1" data-n="1">The leaders will work/);
    assert.match(html, /<style>/);
  });
});

const RESTATED = 'The leaders agreed to launch a High Level Climate Ministerial.';
const MISQUOTED = 'They "reaffirmed their determination to work together to counter terrorism and extremism in all its forms."';

/** The `Where` column (a line) of each table row of a report, in order. */
function rowLines(report: string): number[] {
  return [...report.matchAll(/^\| line (\d+) \| (?:quotation|restatement) \|/gm)].map(m => Number(m[1]));
}

describe('consistency report (issue 19, item 2: quadratic in draft size)', () => {
  it('takes line numbers from one line table: LF, CRLF and CR-only drafts give the lines an editor shows', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const draft = ['Readout of the call.', '', RESTATED, '', 'Nothing here.', '', MISQUOTED].join(eol);
      const lines = rowLines(buildReport(bundledIndex(), [{ uri: 'file:///d.md', name: 'd.md', text: draft }]));
      assert.deepEqual([...new Set(lines)].sort((a, b) => a - b), [3, 7], `line ending ${JSON.stringify(eol)}`);
    }
  });

  it('lists in each row exactly the findings that start inside it, overlapping rows included', () => {
    const draft = `${MISQUOTED}\n\n${RESTATED.replace('launch', 'cancel')}\n\n${MISQUOTED}`;
    const report = buildReport(bundledIndex(), [{ uri: 'file:///d.md', name: 'd.md', text: draft }]);
    const analysis = analyzeDraft(bundledIndex(), draft);
    const lineOf = (offset: number) => draft.slice(0, offset).split('\n').length;
    const codesIn = (s: number, e: number) => [...new Set(analysis.findings.filter(f => f.start >= s && f.start < e).map(f => f.code))].sort();
    // What each quotation and restatement may show: its line, its type and the codes of the findings starting in it.
    const expected = [
      ...analysis.quotations.map(q => `${lineOf(q.start)} quotation ${codesIn(q.start, q.end).join(',')}`),
      ...analysis.restatements.map(r => `${lineOf(r.start)} restatement ${codesIn(r.start, r.end).join(',')}`),
    ];
    const rows = [...report.matchAll(/^\| line (\d+) \| (quotation|restatement) \|.*?\| ([^|]*) \| [^|]* \|$/gm)].map(
      m => `${m[1]} ${m[2]} ${[...m[3].matchAll(/`([a-z-]+)`/g)].map(c => c[1]).sort().join(',')}`,
    );
    assert.equal(rows.filter(r => r.includes('quotation')).length, analysis.quotations.length, 'a row for every quotation');
    assert.ok(rows.some(r => !r.endsWith(' ')), 'some row has findings');
    for (const row of rows) assert.ok(expected.includes(row), `${row} is one of ${JSON.stringify(expected)}`);
  });

  it('reads each character of the draft a bounded number of times, however many rows it has', () => {
    // Counting the characters read rather than timing: a scan from the start of the draft for
    // every row reads rows × length characters, so 4× the draft would read 16× as many.
    const paragraph = (i: number) => `${RESTATED} Item ${i}.`;
    const draftOf = (n: number) => Array.from({ length: n }, (_, i) => paragraph(i)).join('\n\n');
    const reads = (text: string) => {
      const index = bundledIndex();
      analyzeDraft(index, text); // the analysis is cached: what is counted is the report itself
      const original = String.prototype.charCodeAt;
      let count = 0;
      String.prototype.charCodeAt = function (this: string, i: number) {
        count++;
        return original.call(this, i);
      };
      try {
        buildReport(index, [{ uri: 'file:///d.md', name: 'd.md', text }]);
      } finally {
        String.prototype.charCodeAt = original;
      }
      return count;
    };
    const small = reads(draftOf(100));
    const large = reads(draftOf(400));
    assert.ok(large < small * 6, `${small} characters read for 100 rows, ${large} for 400`);
  });
});
