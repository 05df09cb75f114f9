import * as assert from 'node:assert/strict';
import { cleanOfficialText, createEngine, withFix, type DiagnosticData, type Finding } from '../../server/src/engine';
import { bundledIndex } from '../support/corpus';

const engine = () => createEngine(bundledIndex());

/** Checks `text`, applies the fix of its `code` finding, and returns the fix and the fixed text. */
function applyFix(text: string, code: string): { title: string; fixed: string } {
  const diags = engine().check({ uri: 'file:///draft.md', text });
  const d = diags.find(x => x.code === code);
  assert.ok(d, `a ${code} finding on: ${text} (got ${diags.map(x => x.code).join(', ') || 'none'})`);
  const fix = (d.data as DiagnosticData).fix;
  assert.ok(fix, `the ${code} finding has a fix`);
  return { title: fix.title, fixed: text.slice(0, fix.start) + fix.newText + text.slice(fix.end) };
}

function codesOf(text: string): string[] {
  return engine().check({ uri: 'file:///draft.md', text }).map(d => String(d.code));
}

describe('quick fixes: the official words restored', () => {
  it('changed-figure: the source figure', () => {
    const { title, fixed } = applyFix('The leaders will work to achieve net zero emissions no later than 2040.', 'changed-figure');
    assert.equal(title, 'Restore the source\'s figure: "2050"');
    assert.equal(fixed, 'The leaders will work to achieve net zero emissions no later than 2050.');
    assert.deepEqual(codesOf(fixed), []);
  });

  it('changed-actor: the source actor', () => {
    const { title, fixed } = applyFix('Prime Minister Trudeau condemned the arbitrary detention of Michael Kovrig and Michael Spavor and committed to work for their release.', 'changed-actor');
    assert.equal(title, 'Restore the source\'s actor: "President Biden"');
    assert.ok(fixed.startsWith('President Biden condemned'));
    assert.deepEqual(codesOf(fixed), []);
  });

  it('changed-actor: a party brought in is replaced by the source\'s', () => {
    const { fixed } = applyFix('Canada and Mexico will enhance law enforcement collaboration by reestablishing the Cross-Border Crime Forum.', 'changed-actor');
    assert.equal(fixed, 'Canada and the United States will enhance law enforcement collaboration by reestablishing the Cross-Border Crime Forum.');
    assert.deepEqual(codesOf(fixed), []);
  });

  it('altered-name: the official name', () => {
    const { title, fixed } = applyFix('Canada and the United States will enhance law enforcement collaboration by reestablishing the Cross-Forum on Border Crime.', 'altered-name');
    assert.equal(title, 'Restore the official wording: "Cross-Border Crime Forum"');
    assert.match(fixed, /reestablishing the Cross-Border Crime Forum\.$/);
    assert.deepEqual(codesOf(fixed), []);
  });

  it('negated: what the source affirms, in its own words', () => {
    const a = applyFix('The leaders did not agree to renew and update the existing MOU on the reliability and security of the North American energy infrastructure.', 'negated');
    assert.equal(a.title, 'Restore what the source affirms: "agreed"');
    assert.match(a.fixed, /^The leaders agreed to renew/);
    assert.ok(!codesOf(a.fixed).includes('negated'));
    const b = applyFix('Both leaders declined to launch a High Level Climate Ministerial.', 'negated');
    assert.equal(b.fixed, 'Both leaders agreed to launch a High Level Climate Ministerial.');
    assert.deepEqual(codesOf(b.fixed), []);
  });

  it('opposite: the source action', () => {
    const { title, fixed } = applyFix('The Prime Minister and the President agreed to reduce cooperation on continental defense and in the Arctic.', 'opposite');
    assert.equal(title, 'Restore the source\'s action: "expand"');
    assert.match(fixed, /agreed to expand cooperation/);
    assert.deepEqual(codesOf(fixed), []);
  });

  it('overstated: the source strength, where the source gives the word', () => {
    const { fixed } = applyFix('The leaders reaffirmed the shared commitment to eliminating oil and gas methane emissions.', 'overstated');
    assert.match(fixed, /commitment to reducing oil and gas methane emissions/);
    assert.deepEqual(codesOf(fixed), []);
  });

  it('gives no fix where the source\'s words for the flagged ones are not known', () => {
    const d = engine().check({ uri: 'file:///draft.md', text: 'The Prime Minister discussed partnering with the United States on a Summit for Democracy.' }).find(x => x.code === 'understated');
    assert.ok(d, 'an understated finding');
    assert.equal((d.data as DiagnosticData).fix, undefined);
  });

  it('withFix: the replacement must stand for words around the flagged span, in the official text', () => {
    const base: Finding = { code: 'changed-figure', category: 'contradiction', kind: 'figure', severity: 'warning', start: 10, end: 14, message: 'm', paragraphId: 'p' };
    const text = 'Zero by   2040 at the latest.';
    assert.equal(withFix({ ...base, details: { draft: 'nowhere', source: '2050' } }, text).fix, undefined);
    const f = withFix({ ...base, details: { draft: '2040', source: '2050' } }, text).fix;
    assert.deepEqual(f && { start: f.start, end: f.end, newText: f.newText }, { start: 10, end: 14, newText: '2050' });
    assert.equal(cleanOfficialText('a whole-of- government\n effort by the U.S.-Canada\\_Partnership'), 'a whole-of-government effort by the U.S.-Canada_Partnership');
  });

  it('withFix: a function word takes the case of its place in the sentence', () => {
    const base: Finding = { code: 'changed-actor', category: 'contradiction', kind: 'actor', severity: 'warning', start: 0, end: 12, message: 'm', paragraphId: 'p' };
    assert.equal(withFix({ ...base, details: { draft: 'Both leaders', source: 'the President' } }, 'Both leaders met.').fix?.newText, 'The President');
    const mid = 'In Ottawa, Both leaders met.';
    assert.equal(withFix({ ...base, start: 11, end: 23, details: { draft: 'Both leaders', source: 'The President' } }, mid).fix?.newText, 'the President');
  });
});
