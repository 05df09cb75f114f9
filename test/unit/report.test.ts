import * as assert from 'node:assert/strict';
import { buildHtmlReport, buildReport } from '../../server/src/engine';
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
