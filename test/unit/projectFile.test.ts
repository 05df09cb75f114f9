import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import { parseProjectFile, withAcceptance } from '../../server/src/projectFile';
import { repoRoot } from '../support/corpus';

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: s => void (stdout += s), stderr: s => void (stderr += s), cwd });
  return { code, stdout, stderr };
}

const FIGURE = 'The leaders will work to achieve net zero emissions no later than 2040.';
const FIGURE_SOURCE = 'Recalling the Agreement’s call to pursue efforts to limit global temperature increase to 1.5 degrees C., they will work in tandem, and encourage others to achieve net zero emissions no later than 2050.';

describe('project file: parsing', () => {
  it('reads every setting, with comments and trailing commas', () => {
    const text = `{
  // The office's sources
  "sources": ["sources/**/*.md", { "path": "sources/fr.md", "date": "2023-03-24", "language": "fr" }],
  "includeBundledSources": false,
  "severity": { "understated": "off", "misquote": "error" },
  "reportUnsourcedQuotes": false,
  "suggestions": "names",
  "ignore": ["archive/**"],
  "accepted": [{ "code": "changed-figure", "wording": "2040", "source": "x", "acceptedBy": "Ann", "date": "2026-01-02", "reason": "The minister's target" },],
}`;
    const c = parseProjectFile(text, '/p/.verbatim.json');
    assert.deepEqual(c.problems, []);
    assert.equal(c.malformed, false);
    assert.equal(c.root, '/p');
    assert.deepEqual(c.sources, [{ path: 'sources/**/*.md', line: 3 }, { path: 'sources/fr.md', date: '2023-03-24', language: 'fr', line: 3 }]);
    assert.equal(c.includeBundledSources, false);
    assert.deepEqual(c.severity, { understated: 'off', misquote: 'error' });
    assert.equal(c.reportUnsourcedQuotes, false);
    assert.equal(c.suggestions, 'names');
    assert.deepEqual(c.ignore, ['archive/**']);
    assert.deepEqual(c.accepted, [{ code: 'changed-figure', wording: '2040', source: 'x', acceptedBy: 'Ann', date: '2026-01-02', reason: "The minister's target", line: 9 }]);
  });

  it('a malformed file: one clear message with its line and column, and nothing used', () => {
    const c = parseProjectFile('{\n  "severity": { "understated": "off" }\n  "ignore": []\n}\n', '/p/.verbatim.json');
    assert.equal(c.malformed, true);
    assert.deepEqual(c.severity, {});
    assert.equal(c.problems.length, 1);
    assert.equal(c.problems[0].line, 3);
    assert.match(c.problems[0].message, /^\.verbatim\.json:3:3: expected a comma\. The project file is not used until this is fixed\.$/);
  });

  it('a wrong value is a warning with its line; the rest of the file still holds', () => {
    const c = parseProjectFile('{\n  "severity": { "understated": "loud", "misquote": "error" },\n  "colour": "blue"\n}', '/p/.verbatim.json');
    assert.equal(c.malformed, false);
    assert.deepEqual(c.severity, { misquote: 'error' });
    assert.equal(c.problems.length, 2);
    assert.ok(c.problems.every(p => p.severity === 'warning'));
    assert.ok(c.problems.some(p => p.line === 2 && /severity of "understated" must be one of/.test(p.message)));
    assert.ok(c.problems.some(p => p.line === 3 && /unknown setting "colour"/.test(p.message)));
  });

  it('adds an acceptance to the file, keeping its comments, or creates the file', () => {
    const a = { code: 'changed-figure', wording: '2040', source: 'y', acceptedBy: 'Ann', date: '2026-01-02' };
    const created = withAcceptance(undefined, a);
    assert.deepEqual(JSON.parse(created), { accepted: [a] });
    const kept = withAcceptance('{\n  // keep me\n  "severity": {}\n}\n', { ...a, reason: 'why' });
    assert.match(kept, /\/\/ keep me/);
    const parsed = parseProjectFile(kept, '/p/.verbatim.json');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.accepted.map(x => x.reason), ['why']);
    const twice = withAcceptance(kept, { ...a, wording: '2045' });
    assert.deepEqual(parseProjectFile(twice, '/p/.verbatim.json').accepted.map(x => x.wording), ['2040', '2045']);
    assert.throws(() => withAcceptance('{ "accepted": [', a), /does not parse/);
  });
});

describe('project file: the JSON schema VS Code validates it with', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = require('ajv') as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: { dataPath: string; message: string }[] } };
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'verbatim.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(schema);

  it('is the schema package.json contributes for .verbatim.json, and .verbatim.json is JSON with comments', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.verbatim.json', url: './schemas/verbatim.schema.json' }]);
    assert.ok(pkg.contributes.languages.some((l: { id: string; filenames?: string[] }) => l.id === 'jsonc' && l.filenames?.includes('.verbatim.json')));
    assert.ok(fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').includes('!schemas/*.json'), 'the schema ships in the extension');
  });

  it('accepts the README example and what the accept action writes', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const example = /## The project file[\s\S]*?```jsonc\n(\{[\s\S]*?)\n```/.exec(readme);
    assert.ok(example, 'the README has a full example of the project file');
    const value = JSON.parse(example[1].replace(/^\s*\/\/.*$/gm, ''));
    assert.ok(validate(value), JSON.stringify(validate.errors));
    assert.ok(validate(JSON.parse(withAcceptance(undefined, { code: 'negated', wording: 'did not agree', source: 'agreed', acceptedBy: 'A', date: '2026-01-01', reason: 'r' }))));
  });

  it('rejects an unknown code, a wrong level, a misspelt key and an acceptance without its source', () => {
    assert.equal(validate({ severity: { 'changed-figures': 'off' } }), false);
    assert.equal(validate({ severity: { misquote: 'loud' } }), false);
    assert.equal(validate({ ignores: [] }), false);
    assert.equal(validate({ accepted: [{ code: 'misquote', wording: 'x' }] }), false);
    assert.equal(validate({ sources: [{ path: 'a.md', date: '24 March 2023' }] }), false);
  });
});

describe('project file: the CLI reads it', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-project-')));
    fs.mkdirSync(path.join(tmp, '.git'));
    fs.mkdirSync(path.join(tmp, 'drafts'));
    fs.writeFileSync(path.join(tmp, 'drafts', 'readout.md'), `# Readout\n\n${FIGURE}\n`);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const project = (value: unknown) => fs.writeFileSync(path.join(tmp, '.verbatim.json'), typeof value === 'string' ? value : JSON.stringify(value, null, 2));

  it('applies severities and accepted wordings, found from a subfolder up to the repository root', async () => {
    const before = await cli(['check', 'readout.md'], path.join(tmp, 'drafts'));
    assert.equal(before.code, 1);
    assert.match(before.stdout, /changed-figure/);
    project({ severity: { 'changed-figure': 'information' } });
    const softer = await cli(['check', 'readout.md'], path.join(tmp, 'drafts'));
    assert.equal(softer.code, 0);
    assert.match(softer.stdout, /information changed-figure/);
    project({ accepted: [{ code: 'changed-figure', wording: '2040', source: FIGURE_SOURCE, acceptedBy: 'Ann', date: '2026-01-02' }] });
    const accepted = await cli(['check', 'readout.md'], path.join(tmp, 'drafts'));
    assert.equal(accepted.code, 0, accepted.stdout + accepted.stderr);
    assert.match(accepted.stdout, /^No findings in 1 file/);
    // Flags override the file; --no-config ignores it.
    assert.equal((await cli(['check', '--no-config', 'readout.md'], path.join(tmp, 'drafts'))).code, 1);
  });

  it('reports a stale acceptance in the project file, with its line, and fails on it', async () => {
    project({ accepted: [{ code: 'changed-figure', wording: '2040', source: 'The leaders will work to achieve net zero by 2050 in a sentence no source has.', acceptedBy: 'Ann' }] });
    const r = await cli(['check', 'drafts'], tmp);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^drafts\/readout\.md:3:\d+: warning changed-figure/m);
    assert.match(r.stdout, /^\.verbatim\.json:3:\d+: warning stale-acceptance Stale acceptance: "2040" \(changed-figure, accepted by Ann\) restates source text that is in no indexed source any more/m);
    const json = JSON.parse((await cli(['check', '--format', 'json', 'drafts'], tmp)).stdout);
    assert.deepEqual(json.map((f: { file: string }) => f.file), ['drafts/readout.md', '.verbatim.json']);
  });

  it('a malformed project file: a clear message with the line, exit 2, no stack trace', async () => {
    project('{\n  "severity": {\n    "understated": "off",\n  }\n  "ignore": []\n}\n');
    const r = await cli(['check', 'drafts'], tmp);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'verbatim: .verbatim.json:5:3: expected a comma. The project file is not used until this is fixed.\n');
    assert.equal(r.stdout, '');
  });

  it('refuses a source outside the repository (a path, a ../ glob, a symlink) and still loads the ones inside', async () => {
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-outside-')));
    try {
      fs.writeFileSync(path.join(outside, 'secret.md'), '## Secret\n\nThe ministers agreed to cut tariffs on maple syrup.\n');
      fs.mkdirSync(path.join(tmp, 'sources'));
      fs.writeFileSync(path.join(tmp, 'sources', 'trade.md'), '---\ntitle: Trade Readout\n---\n\n## Tariffs\n\nThe ministers agreed to cut tariffs on softwood lumber.\n');
      fs.symlinkSync(path.join(outside, 'secret.md'), path.join(tmp, 'sources', 'link.md'));
      project({ sources: ['sources/trade.md', 'sources/link.md', path.join(outside, 'secret.md'), `../${path.basename(outside)}/*.md`, { path: 'sources/trade.md', date: '2022-03-01', language: 'en' }] });
      const r = await cli(['sources', '--format', 'json'], tmp);
      assert.equal(r.code, 0, r.stderr);
      const docs = JSON.parse(r.stdout) as { title: string; date: string | null; language: string | null }[];
      assert.equal(docs.length, 3, JSON.stringify(docs.map(d => d.title)));
      assert.equal(docs.filter(d => d.title === 'Trade Readout').length, 1, 'the source inside, once, though named twice');
      assert.ok(!JSON.stringify(docs).includes('maple syrup'), 'nothing from outside the repository is indexed');
      const refused = r.stderr.split('\n').filter(l => /is outside the project folder/.test(l));
      assert.equal(refused.length, 3, r.stderr);
      assert.ok(refused.every(l => /A project file arrives with a repository, so it may only name sources inside its own folder/.test(l)));
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('gives a source its date and language from the file when its front matter has none', async () => {
    fs.mkdirSync(path.join(tmp, 'sources'));
    fs.writeFileSync(path.join(tmp, 'sources', 'fr.md'), '## Commerce\n\nLes ministres ont convenu de réduire les droits de douane.\n');
    fs.writeFileSync(path.join(tmp, 'sources', 'tagged.md'), '---\ndate: 2021-01-01\nlang: en\n---\n\n## Trade\n\nThe ministers agreed to cut tariffs on softwood lumber.\n');
    project({ includeBundledSources: false, sources: [{ path: 'sources/fr.md', date: '2023-03-24', language: 'fr' }, { path: 'sources/tagged.md', date: '2023-03-24', language: 'fr' }] });
    const docs = JSON.parse((await cli(['sources', '--format', 'json'], tmp)).stdout) as { date: string; language: string }[];
    // The file's date and language where the front matter is silent; the front matter's where it speaks.
    assert.deepEqual(docs.map(d => [d.date, d.language]), [['2023-03-24', 'fr'], ['2021-01-01', 'en']]);
  });

  it('skips drafts matching "ignore", and says so for one named explicitly', async () => {
    fs.mkdirSync(path.join(tmp, 'drafts', 'old'));
    fs.writeFileSync(path.join(tmp, 'drafts', 'old', 'x.md'), `${FIGURE}\n`);
    project({ ignore: ['drafts/old/**', 'drafts/readout.md'] });
    const folder = await cli(['check', 'drafts'], tmp);
    assert.equal(folder.code, 0);
    assert.match(folder.stdout, /No findings in 0 files/);
    const named = await cli(['check', 'drafts/readout.md'], tmp);
    assert.match(named.stderr, /drafts\/readout\.md: not checked \(matches "ignore" in \.verbatim\.json\)/);
  });
});

describe('project file: beneath the editor\'s settings', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { sanitizeSettings, withProject } = require('../../server/src/settings') as typeof import('../../server/src/settings');
  const project = parseProjectFile(JSON.stringify({ includeBundledSources: false, reportUnsourcedQuotes: false, suggestions: 'names', severity: { misquote: 'error', understated: 'off' } }), '/p/.verbatim.json');

  it('applies where the user set nothing (VS Code sends its defaults, and says which keys the user set)', () => {
    const s = sanitizeSettings(withProject({ includeBundledSources: true, reportUnsourcedQuotes: true, severity: {}, explicit: [] }, project));
    assert.equal(s.includeBundledSources, false);
    assert.equal(s.reportUnsourcedQuotes, false);
    assert.equal(s.suggestions, 'names');
    assert.deepEqual(s.severity, { misquote: 'error', understated: 'off' });
  });

  it('the user\'s settings win, severities code by code', () => {
    const s = sanitizeSettings(withProject({ includeBundledSources: true, severity: { misquote: 'warning' }, explicit: ['includeBundledSources', 'severity'] }, project));
    assert.equal(s.includeBundledSources, true);
    assert.deepEqual(s.severity, { misquote: 'warning', understated: 'off' });
    // A client that does not say which keys were set: everything it sends is the user's.
    assert.equal(sanitizeSettings(withProject({ suggestions: 'all' }, project)).suggestions, 'all');
  });

  it('verbatim.sources entries are paths, or a path with a date (checked when the sources are read)', () => {
    const s = sanitizeSettings({ sources: ['a.md', { path: 'b.md', date: '2022-05-23' }, { path: 'c.md' }, { date: '2022-01-01' }, 7, ' '] });
    assert.deepEqual(s.sources, ['a.md', 'b.md', 'c.md']);
    assert.deepEqual(s.sourceDates, { 'b.md': '2022-05-23' });
  });

  it('a malformed project file changes nothing', () => {
    const broken = parseProjectFile('{ "severity": ', '/p/.verbatim.json');
    const s = sanitizeSettings(withProject({ severity: {} }, broken));
    assert.deepEqual(s.severity, {});
    assert.deepEqual(s.accepted, []);
  });
});
