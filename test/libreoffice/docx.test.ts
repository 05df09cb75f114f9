/**
 * The reviewed copy opens in LibreOffice (Debian's libreoffice-writer-nogui, installed by
 * scripts/install-libreoffice.sh) with every comment: Verbatim's, on the flagged words, and the
 * one the draft already had. One headless conversion to Flat ODT, whose annotations are counted
 * and read; and one back to .docx, to read a Word file that another program wrote. Run by
 * `npm run test:docx` (part of `npm test`).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../server/src/cli/main';
import { readWordDraft } from '../../server/src/docx';
import { buildDocx, KITCHEN_SINK, markdownToDocx } from '../support/docx';
import { repoRoot } from '../support/corpus';

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: s => void (stdout += s), stderr: s => void (stderr += s), cwd });
  return { code, stdout, stderr };
}

const decode = (s: string) => s.replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_m, n) => ' '.repeat(Number(n ?? 1))).replace(/<text:tab\/>/g, '\t').replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the reviewed copy in LibreOffice', function () {
  this.timeout(180000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-lo-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('opens with every comment: one by Verbatim on the words of each finding, and the comment it had', async () => {
    // Two drafts in one conversion run: the fixture with everything, and the example readout.
    fs.writeFileSync(path.join(tmp, 'sink.docx'), await buildDocx(KITCHEN_SINK));
    fs.writeFileSync(path.join(tmp, 'readout.docx'), await buildDocx(markdownToDocx(fs.readFileSync(path.join(repoRoot, 'examples/readout-draft.md'), 'utf8'))));
    const expected = new Map<string, { message: string; words: string }[]>();
    for (const name of ['sink', 'readout']) {
      const check = await cli(['check', '--format', 'json', `${name}.docx`], tmp);
      expected.set(name, JSON.parse(check.stdout)[0].diagnostics.map((d: { message: string; docx: { words: string } }) => ({ message: d.message, words: d.docx.words })));
      const review = await cli(['review', `${name}.docx`, '--output', `${name}.reviewed.docx`], tmp);
      assert.equal(review.code, 0, review.stderr);
    }
    const out = path.join(tmp, 'odt');
    const run = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(path.join(tmp, 'profile')).href}`, '--convert-to', 'fodt', '--outdir', out, 'sink.reviewed.docx', 'readout.reviewed.docx'], {
      cwd: tmp,
      encoding: 'utf8',
      timeout: 150000,
      env: { ...process.env, HOME: tmp },
    });
    assert.equal(run.status, 0, `soffice failed: ${run.stderr}`);
    for (const [name, findings] of expected) {
      const fodt = fs.readFileSync(path.join(out, `${name}.reviewed.fodt`), 'utf8');
      const annotations = [...fodt.matchAll(/<office:annotation(?=[\s>])([^>]*)>([\s\S]*?)<\/office:annotation>/g)].map(m => ({
        name: /office:name="([^"]+)"/.exec(m[1])?.[1],
        author: decode(/<dc:creator>([\s\S]*?)<\/dc:creator>/.exec(m[2])?.[1] ?? ''),
        text: [...m[2].matchAll(/<text:p\b[^>]*>([\s\S]*?)<\/text:p>/g)].map(p => decode(p[1])),
      }));
      const ours = annotations.filter(a => a.author === 'Verbatim');
      assert.equal(ours.length, findings.length, `${name}: a comment per finding`);
      // The sink has one finding (the changed figure; the restatement gate no longer shows the
      // `agreed` it once called an understatement, as test/unit/docx.test.ts says), the readout four.
      assert.ok(findings.length >= (name === 'sink' ? 1 : 2), `${name} has findings`);
      findings.forEach((f, i) => {
        assert.equal(ours[i].text[0], f.message);
        assert.match(ours[i].text[1], /^Official wording: \u201c/);
        // The words between the annotation and its end mark are the flagged words.
        const start = fodt.indexOf(`office:name="${ours[i].name}"`);
        const end = fodt.indexOf(`<office:annotation-end office:name="${ours[i].name}"/>`);
        assert.ok(start > 0 && end > start, `${name}: comment ${i} has a range`);
        const between = fodt.slice(fodt.indexOf('</office:annotation>', start) + '</office:annotation>'.length, end);
        assert.equal(decode(between), f.words);
      });
      if (name === 'sink') assert.deepEqual(annotations.filter(a => a.author !== 'Verbatim').map(a => [a.author, a.text.join(' ')]), [['Jane Doe', 'Check the name.']]);
    }
  });

  it('reads a Word file that LibreOffice wrote as the same text, tracked changes and all', async () => {
    fs.writeFileSync(path.join(tmp, 'fixture.docx'), await buildDocx(KITCHEN_SINK));
    const out = path.join(tmp, 'rewritten');
    const run = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(path.join(tmp, 'profile')).href}`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, 'fixture.docx'], {
      cwd: tmp,
      encoding: 'utf8',
      timeout: 150000,
      env: { ...process.env, HOME: tmp },
    });
    assert.equal(run.status, 0, `soffice failed: ${run.stderr}`);
    const ours = await readWordDraft(path.join(tmp, 'fixture.docx'));
    const theirs = await readWordDraft(path.join(out, 'fixture.docx'));
    assert.notDeepEqual(fs.readFileSync(path.join(out, 'fixture.docx')), fs.readFileSync(path.join(tmp, 'fixture.docx')));
    assert.equal(theirs.text, ours.text);
    assert.deepEqual(theirs.notes, ours.notes);
  });
});
