import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseProjectFile, readProjectSources } from '../../server/src/projectFile';
import { readFileBounded, readSourceFile, readUserSources } from '../../server/src/sourceFiles';
import { readDatedSources } from '../../server/src/workspaceSources';
import { repoRoot } from '../support/corpus';

const onLinux = process.platform === 'linux';

describe('reading sources (issue 19, item 4: size limits trust stat.size)', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-read-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('stops reading at the byte limit even when stat says the file is empty', function () {
    if (!onLinux) this.skip();
    // Files under /proc report a size of 0 and have content.
    assert.equal(fs.statSync('/proc/self/status').size, 0);
    const r = readFileBounded('/proc/self/status', 100);
    assert.ok('problem' in r);
    assert.match(r.problem, /^the file has more than 0 MB, though its size on disk says 0 bytes; files over 0 MB are not read\.$/);
    const whole = readFileBounded('/proc/self/status', 1 << 20);
    assert.ok('bytes' in whole && whole.bytes.length > 100);
  });

  it('refuses a device by its type without reading it: a link to /dev/zero named zero.md', function () {
    if (!onLinux) this.skip();
    fs.symlinkSync('/dev/zero', path.join(tmp, 'zero.md'));
    const r = readSourceFile(path.join(tmp, 'zero.md'), 'zero.md');
    assert.ok('problem' in r);
    assert.equal(r.problem.message, 'zero.md: is a device, not a file; it is not read.');
  });

  it('refuses a named pipe by its type without waiting for a writer', function () {
    if (!onLinux) this.skip();
    const fifo = path.join(tmp, 'pipe.md');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const r = readSourceFile(fifo, 'pipe.md');
    assert.ok('problem' in r);
    assert.equal(r.problem.message, 'pipe.md: is a named pipe (FIFO), not a file; it is not read, since reading it could wait forever.');
  });

  it('refuses a file over the size limit from its size, without reading it', () => {
    const big = path.join(tmp, 'big.md');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 21 * 1024 * 1024); // sparse: no disk space used
    const r = readSourceFile(big, 'big.md');
    assert.ok('problem' in r);
    assert.equal(r.problem.message, 'big.md: the file is 21.0 MB; sources over 20 MB are not read.');
  });
});

describe('source specifications (issue 19, item 6)', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-spec-'));
    fs.chmodSync(tmp, 0o755);
  });
  afterEach(() => {
    spawnSync('chmod', ['-R', 'u+rwx', tmp]);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('indexes each real file once: a link to a parent folder, and the same file named twice', () => {
    fs.mkdirSync(path.join(tmp, 'sources'));
    fs.writeFileSync(path.join(tmp, 'sources', 'a.md'), 'The ministers agreed to meet.\n');
    fs.symlinkSync('..', path.join(tmp, 'sources', 'up'));
    const r = readUserSources(['sources', 'sources/a.md', './sources/a.md'], tmp, 'verbatim.sources');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.inputs.map(i => i.displayPath),
      [path.join('sources', 'a.md')],
    );
  });

  it('indexes each real file once when its specifications are read one at a time (settings with dates, the project file)', () => {
    fs.mkdirSync(path.join(tmp, 'sources'));
    fs.writeFileSync(path.join(tmp, 'sources', 'a.md'), 'The ministers agreed to meet.\n');
    fs.symlinkSync('sources', path.join(tmp, 'linked'));
    fs.symlinkSync('..', path.join(tmp, 'sources', 'up'));
    // The same file through a link to its folder and through a link to a parent folder; the date given with a later name is kept.
    const r = readDatedSources(['sources', 'linked/a.md', 'sources/up/sources/a.md'], { 'linked/a.md': '2022-05-23' }, tmp, tmp);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.inputs.map(i => [i.displayPath, i.date]),
      [[path.join('sources', 'a.md'), '2022-05-23']],
    );
    const project = parseProjectFile('{ "sources": ["sources", "linked", { "path": "sources/up/linked/a.md", "date": "2022-05-23" }] }', path.join(tmp, '.verbatim.json'));
    assert.deepEqual(
      readProjectSources(project).inputs.map(i => i.displayPath),
      [path.join('sources', 'a.md')],
    );
  });

  it('gives an exact message for each kind of source that cannot be used', function () {
    fs.mkdirSync(path.join(tmp, 'no-drafts'));
    fs.writeFileSync(path.join(tmp, 'no-drafts', 'image.png'), 'x');
    fs.symlinkSync(path.join(tmp, 'nowhere.md'), path.join(tmp, 'broken.md'));
    fs.symlinkSync(path.join(tmp, 'loop.md'), path.join(tmp, 'loop.md'));
    const specs = ['missing.md', 'no-drafts', 'nothing-*.md', 'broken.md', 'loop.md'];
    const expected = [
      `verbatim.sources "missing.md": no such file or folder (looked for ${path.join(tmp, 'missing.md')}).`,
      'verbatim.sources "no-drafts": the folder has no Markdown or text files.',
      `verbatim.sources "nothing-*.md": the pattern matched no Markdown or text files under ${tmp}.`,
      'broken.md: is a symbolic link to a file that does not exist.',
      'loop.md: is a symbolic link that loops back on itself.',
    ];
    if (onLinux) {
      fs.symlinkSync('/dev/null', path.join(tmp, 'null.md'));
      assert.equal(spawnSync('mkfifo', [path.join(tmp, 'fifo.md')]).status, 0);
      specs.push('null.md', 'fifo.md');
      expected.push('null.md: is a device, not a file; it is not read.', 'fifo.md: is a named pipe (FIFO), not a file; it is not read, since reading it could wait forever.');
    }
    const r = readUserSources(specs, tmp, 'verbatim.sources');
    assert.deepEqual(r.inputs, []);
    assert.deepEqual(
      r.problems.map(p => p.message),
      expected,
    );
  });

  it('says a folder or file it may not read is unreadable, not that it has no files', function () {
    if (!onLinux) this.skip();
    fs.mkdirSync(path.join(tmp, 'locked'));
    fs.writeFileSync(path.join(tmp, 'locked', 'a.md'), 'Text.\n');
    fs.chmodSync(path.join(tmp, 'locked'), 0o000);
    fs.writeFileSync(path.join(tmp, 'secret.md'), 'Text.\n');
    fs.chmodSync(path.join(tmp, 'secret.md'), 0o000);
    // Root reads anything: run as an ordinary user then.
    const script = `const { readUserSources } = require(${JSON.stringify(path.join(repoRoot, 'out', 'server', 'src', 'sourceFiles.js'))});
      process.stdout.write(JSON.stringify(readUserSources(['locked', 'secret.md'], ${JSON.stringify(tmp)}, 'verbatim.sources').problems.map(p => p.message)));`;
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', ...asUser });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), ['verbatim.sources "locked": permission to read the folder was denied.', 'secret.md: permission to read the file was denied.']);
  });
});
