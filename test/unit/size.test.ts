import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { repoRoot } from '../support/corpus';

// A checker a person can read and change: no engine file over 500 lines, no function over 100.
const MAX_FILE_LINES = 500;
const MAX_FUNCTION_LINES = 100;

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Functions (declarations, methods, arrows, accessors) of `file` longer than `max` lines. */
export function longFunctions(file: string, text: string, max: number): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isFunctionLike(n) && 'body' in n && n.body) {
      const first = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(n.getEnd()).line;
      const name = n.name ? n.name.getText(sf) : '(anonymous)';
      if (last - first + 1 > max) out.push(`${name} at line ${first + 1}: ${last - first + 1} lines`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('engine size: files and functions a person can read', () => {
  const dir = path.join(repoRoot, 'server', 'src', 'engine');
  const files = tsFiles(dir);

  it(`has no file over ${MAX_FILE_LINES} lines`, () => {
    const long = files.map(f => ({ f: path.relative(dir, f), n: fs.readFileSync(f, 'utf8').split('\n').length })).filter(x => x.n > MAX_FILE_LINES);
    assert.deepEqual(long, []);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = files.flatMap(f => longFunctions(f, fs.readFileSync(f, 'utf8'), MAX_FUNCTION_LINES).map(x => `${path.relative(dir, f)}: ${x}`));
    assert.deepEqual(long, []);
  });

  it('measures what it claims (a long function is found)', () => {
    const body = Array.from({ length: 120 }, (_, i) => `  const x${i} = ${i};`).join('\n');
    assert.deepEqual(longFunctions('probe.ts', `function big() {\n${body}\n}\nconst small = () => 1;\n`, MAX_FUNCTION_LINES), ['big at line 1: 122 lines']);
  });
});
