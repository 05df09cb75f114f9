import * as assert from 'node:assert/strict';
import { analyzeDraft, buildReport } from '../../server/src/engine';
import { bundledIndex } from '../support/corpus';

const RESTATED = 'The leaders agreed to launch a High Level Climate Ministerial.';
const MISQUOTED = 'They "reaffirmed their determination to work together to counter terrorism and extremism in all its forms."';

/** The `Line` column of each table row of a report, in order. */
function rowLines(report: string): number[] {
  return [...report.matchAll(/^\| (\d+) \| (?:quotation|restatement) \|/gm)].map(m => Number(m[1]));
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
    const rows = [...report.matchAll(/^\| \d+ \| (quotation|restatement) \|.*\| ([^|]*) \|$/gm)];
    const expected = [
      ...analysis.quotations.map(q => analysis.findings.filter(f => f.start >= q.start && f.start < q.end).length),
      ...analysis.restatements.map(r => analysis.findings.filter(f => f.start >= r.start && f.start < r.end && f.category === 'contradiction').length),
    ];
    assert.ok(expected.some(n => n > 0));
    assert.deepEqual(
      rows.map(m => (m[2].trim() === '—' ? 0 : m[2].split('<br>').length)),
      expected,
    );
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
