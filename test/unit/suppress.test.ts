import * as assert from 'node:assert/strict';
import { disableEdit, type OffsetEdit } from '../../server/src/engine';
import { checkDraft } from '../../server/src/engine/check';
import { bundledIndex } from '../support/corpus';

const bad = 'Canada and the United States will not launch an expanded U.S.-Canada Arctic Dialogue.';
const figure = 'The leaders will work to achieve net zero emissions no later than 2040.';

function codes(text: string): string[] {
  return checkDraft(bundledIndex(), { uri: 'file:///draft.md', text }, {}).map(f => f.code);
}
function apply(text: string, e: OffsetEdit): string {
  return text.slice(0, e.start) + e.newText + text.slice(e.end);
}
/** "Ignore here" on the first finding of `code`, applied. */
function ignore(text: string, code: string, format: 'markdown' | 'plaintext'): string {
  const f = checkDraft(bundledIndex(), { uri: 'file:///draft', text }, {}).find(x => x.code === code);
  assert.ok(f, `a ${code} finding in: ${text}`);
  return apply(text, disableEdit(text, f.start, code, format));
}

describe('suppression directives', () => {
  it('disable-line silences the line the comment is on, and only that code', () => {
    assert.deepEqual(codes(`${bad} <!-- verbatim-disable-line negated -->`), []);
    assert.deepEqual(codes(`${bad} <!-- verbatim-disable-line misquote -->`), ['negated']);
    assert.deepEqual(codes(`Readout.\n${bad} <!-- verbatim-disable-line -->\n${figure}`), ['changed-figure']);
  });

  it('plain text: a directive alone on its line, not checked as prose', () => {
    assert.deepEqual(codes(`verbatim-disable-next-line negated\n${bad}`), []);
    assert.deepEqual(codes(`verbatim-disable-next-line changed-figure\n${bad}`), ['negated']);
    assert.deepEqual(codes(`# verbatim-disable negated\n\n${bad}\n\nverbatim-enable negated\n\n${bad}`), ['negated']);
    // Prose that mentions a directive is not one.
    assert.deepEqual(codes(`We use verbatim-disable-next-line sparingly, as you know.\n${bad}`), ['negated']);
  });
});

describe('"Ignore here": the edit that inserts the directive', () => {
  it('Markdown: a comment line above a line that opens a block', () => {
    const text = `# Readout\n\n${figure}\n`;
    const fixed = ignore(text, 'changed-figure', 'markdown');
    assert.equal(fixed, `# Readout\n\n<!-- verbatim-disable-next-line changed-figure -->\n${figure}\n`);
    assert.deepEqual(codes(fixed), []);
  });

  it('Markdown: at the end of a line inside a paragraph, so the paragraph is not split', () => {
    const text = `The leaders met in Ottawa.\n${figure}\nThey spoke of trade.\n`;
    const fixed = ignore(text, 'changed-figure', 'markdown');
    assert.equal(fixed, `The leaders met in Ottawa.\n${figure} <!-- verbatim-disable-line changed-figure -->\nThey spoke of trade.\n`);
    assert.deepEqual(codes(fixed), []);
  });

  it('Markdown: a directive already above gains the code; CRLF is kept', () => {
    const text = `<!-- verbatim-disable-next-line misquote -->\r\n${bad}\r\n`;
    const fixed = ignore(text, 'negated', 'markdown');
    assert.equal(fixed, `<!-- verbatim-disable-next-line misquote negated -->\r\n${bad}\r\n`);
    assert.deepEqual(codes(fixed), []);
    const crlf = `Intro\r\n\r\n${figure}\r\n`;
    assert.equal(ignore(crlf, 'changed-figure', 'markdown'), `Intro\r\n\r\n<!-- verbatim-disable-next-line changed-figure -->\r\n${figure}\r\n`);
  });

  it('plain text: a directive line above, with the line\'s indentation', () => {
    const text = `Readout\n  ${figure}\n`;
    const fixed = ignore(text, 'changed-figure', 'plaintext');
    assert.equal(fixed, `Readout\n  verbatim-disable-next-line changed-figure\n  ${figure}\n`);
    assert.deepEqual(codes(fixed), []);
  });
});
