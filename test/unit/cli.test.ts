import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import { repoRoot } from '../support/corpus';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: s => void (stdout += s), stderr: s => void (stderr += s), cwd });
  return { code, stdout, stderr };
}

describe('verbatim CLI', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cli-'));
    fs.writeFileSync(path.join(tmp, 'clean.md'), '# Note\n\nThe leaders met in Ottawa and discussed the weather.\n');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints help and version', async () => {
    const help = await cli(['--help'], tmp);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /verbatim check \[options\] FILE/);
    assert.match(help.stdout, /Exit codes: 0/);
    const version = await cli(['--version'], tmp);
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
  });

  it('lists sources as text: titles, dates, files, sections and paragraph counts', async () => {
    const r = await cli(['sources'], tmp);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Roadmap for a Renewed U\.S\.-Canada Partnership\n {2}id: roadmap-2021-02-23 {3}date: 2021-02-23/);
    assert.match(r.stdout, /Accelerating Climate Ambitions\s+12 paragraphs/);
    assert.match(r.stdout, /2 sources, 63 passages\.\n$/);
  });

  it('lists sources as JSON with every paragraph id, label, section title and text', async () => {
    const r = await cli(['sources', '--format', 'json'], tmp);
    const docs = JSON.parse(r.stdout);
    assert.equal(docs.length, 2);
    assert.equal(docs[0].url, 'https://www.whitehouse.gov/briefing-room/statements-releases/2021/02/23/roadmap-for-a-renewed-u-s-canada-partnership/');
    assert.equal(docs[0].paragraphs.length, 52);
    const p = docs[0].paragraphs.find((x: { id: string }) => x.id === 'roadmap-2021-02-23#accelerating-climate-ambitions-4');
    assert.equal(p.label, 'Roadmap for a Renewed U.S.-Canada Partnership, Accelerating Climate Ambitions, ¶4');
    assert.equal(p.section, 'Accelerating Climate Ambitions');
    assert.match(p.text, /^The President also restated his commitment/);
  });

  it('adds user sources from a file or a folder, and --no-bundled leaves them alone', async () => {
    fs.mkdirSync(path.join(tmp, 'src'));
    fs.writeFileSync(path.join(tmp, 'src', 'a.md'), '---\ntitle: Alpha\n---\n\nOne.\n');
    fs.writeFileSync(path.join(tmp, 'src', 'b.txt'), 'Two.\n\nThree.\n');
    const r = await cli(['sources', '--no-bundled', '--source', 'src', '--format', 'json'], tmp);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).map((d: { title: string }) => d.title),
      ['Alpha', 'b'],
    );
  });

  it('checks drafts: text output ends with a summary and exits 0 without findings', async () => {
    const r = await cli(['check', 'clean.md'], tmp);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /No findings in 1 file \(checked against 2 sources, 63 passages\)\./);
  });

  it('JSON output: one entry per input file, in the order given, with the path as given', async () => {
    fs.writeFileSync(path.join(tmp, 'second.txt'), 'Nothing to see.');
    const r = await cli(['check', '--format', 'json', 'second.txt', 'clean.md'], tmp);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(
      out.map((e: { file: string }) => e.file),
      ['second.txt', 'clean.md'],
    );
    for (const e of out) assert.ok(Array.isArray(e.diagnostics));
  });

  it('SARIF output is SARIF 2.1.0 with the rules declared', async () => {
    const r = await cli(['check', '--format', 'sarif', 'clean.md'], tmp);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].tool.driver.name, 'Verbatim');
    assert.ok(sarif.runs[0].tool.driver.rules.some((rule: { id: string }) => rule.id === 'misquote'));
    assert.deepEqual(sarif.runs[0].results, []);
    // Every rule has its explanation: a helpUri to the shipped page and the text itself.
    for (const rule of sarif.runs[0].tool.driver.rules as { id: string; helpUri: string; help: { markdown: string } }[]) {
      assert.ok(rule.helpUri.endsWith(`/docs/rules/${rule.id}.md`), rule.id);
      assert.ok(fs.existsSync(decodeURIComponent(new URL(rule.helpUri).pathname)), rule.helpUri);
      assert.match(rule.help.markdown, new RegExp(`^# \`${rule.id}\``));
    }
  });

  it('writes to --output instead of standard output', async () => {
    const r = await cli(['check', '--format', 'json', '--output', 'out.json', 'clean.md'], tmp);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(path.join(tmp, 'out.json'), 'utf8'))[0].file, 'clean.md');
  });

  it('usage and input errors exit 2 with one clear line, never a stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['check', 'missing.md'], /^verbatim: missing\.md: no such file or folder\.\n$/],
      [['check'], /needs at least one draft/],
      [[], /no command given/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['check', '--format', 'xml', 'clean.md'], /--format for 'check' is text, json or sarif/],
      [['check', '--fail-on', 'loud', 'clean.md'], /--fail-on is one of/],
      [['check', '--bogus', 'clean.md'], /Unknown option '--bogus'/],
      [['check', '--source', 'nowhere/', 'clean.md'], /--source "nowhere\/": no such file or folder/],
      [['check', '--no-bundled', 'clean.md'], /no sources: --no-bundled was given/],
      [['check', '--severity', 'misquote=loud', 'clean.md'], /--severity expects CODE=LEVEL/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, tmp);
      assert.equal(r.code, 2, `${args.join(' ')} → ${r.code}`);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('refuses binary and non-UTF-8 drafts clearly', async () => {
    fs.writeFileSync(path.join(tmp, 'pic.md'), Buffer.from([0x89, 0x50, 0, 0, 1]));
    fs.writeFileSync(path.join(tmp, 'latin.md'), Buffer.from([0x43, 0xe1, 0x20]));
    assert.match((await cli(['check', 'pic.md'], tmp)).stderr, /looks like a binary file/);
    assert.match((await cli(['check', 'latin.md'], tmp)).stderr, /not valid UTF-8/);
  });

  it('reports a bad source on stderr and still checks against the others', async () => {
    fs.writeFileSync(path.join(tmp, 'empty.md'), '');
    const r = await cli(['check', '--source', 'empty.md', 'clean.md'], tmp);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /skipped source: empty\.md: the file is empty/);
  });

  it('checks every draft in a folder', async () => {
    fs.mkdirSync(path.join(tmp, 'drafts'));
    fs.writeFileSync(path.join(tmp, 'drafts', 'a.md'), 'One.');
    fs.writeFileSync(path.join(tmp, 'drafts', 'b.txt'), 'Two.');
    const r = await cli(['check', '--format', 'json', 'drafts'], tmp);
    assert.deepEqual(
      JSON.parse(r.stdout).map((e: { file: string }) => e.file),
      [path.join('drafts', 'a.md'), path.join('drafts', 'b.txt')],
    );
  });

  it('checks a draft named twice once (issue 19, item 6)', async () => {
    fs.writeFileSync(path.join(tmp, 'a.md'), 'The leaders agreed to launch a High Level Climate Ministerial in 2040.\n');
    fs.symlinkSync('a.md', path.join(tmp, 'link.md'));
    const r = await cli(['check', '--format', 'json', 'a.md', 'a.md', './a.md', 'link.md', '.'], tmp);
    assert.deepEqual(
      JSON.parse(r.stdout).map((e: { file: string }) => e.file),
      ['a.md', 'clean.md'],
    );
  });

  it('keeps one finding a line when a file name has a line break or control characters in it (issue 19, item 6)', async () => {
    const name = 'new\nline\u001b[31m.md';
    fs.writeFileSync(path.join(tmp, name), 'They "reaffirmed their determination to work together to counter terrorism and extremism in all its forms."\n');
    const r = await cli(['check', name], tmp);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.length >= 2);
    for (const line of lines.slice(0, -1)) assert.ok(line.startsWith('new\\nline\\u001b[31m.md:1:'), line);
    assert.match(lines[lines.length - 1], new RegExp(`^${lines.length - 1} findings? in 1 file`));
  });

  it('refuses a draft that is a device by its type instead of reading it forever (issue 19, item 4)', async function () {
    if (process.platform !== 'linux') this.skip();
    fs.symlinkSync('/dev/zero', path.join(tmp, 'zero.md'));
    const r = await cli(['check', 'zero.md'], tmp);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'verbatim: zero.md: is a device, not a file; it is not read.\n');
  });

  it('the installed bin runs and propagates exit codes', () => {
    const bin = path.join(repoRoot, 'bin', 'verbatim.js');
    const ok = spawnSync(process.execPath, [bin, 'check', 'clean.md'], { cwd: tmp, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    const bad = spawnSync(process.execPath, [bin, 'check', 'nope.md'], { cwd: tmp, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, 'verbatim: nope.md: no such file or folder.\n');
  });
});
