import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { officialNames, namePhrases } from '../../server/src/engine/names/table';
import { escapeMarkdown } from '../../server/src/engine/text/markdown';
import { findQuotations, quotationsIn } from '../../server/src/engine/text/quotations';
import { draftSentences, sentenceEndAfter, sourceSentences } from '../../server/src/engine/text/sentences';
import { bundledIndex, repoRoot } from '../support/corpus';

const engineDir = path.join(repoRoot, 'server', 'src', 'engine');

/** Every TypeScript file of the engine, relative to it, with its text. */
function engineFiles(): { file: string; text: string }[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  return walk(engineDir).map(f => ({ file: path.relative(engineDir, f).split(path.sep).join('/'), text: fs.readFileSync(f, 'utf8') }));
}

/** Files of the engine that declare a function named by `name` (a regex source). */
function declaring(name: string): string[] {
  const re = new RegExp(`(?:^|\\n)\\s*(?:export\\s+)?function\\s+(?:${name})\\b|(?:^|\\n)\\s*(?:export\\s+)?const\\s+(?:${name})\\s*=`);
  return engineFiles().filter(f => re.test(f.text)).map(f => f.file).sort();
}

/** Files of the engine that import `module` (a path relative to the engine, without extension). */
function importing(module: string): string[] {
  return engineFiles()
    .filter(f => [...f.text.matchAll(/from '([^']+)'/g)].some(m => path.posix.normalize(path.posix.join(path.posix.dirname(f.file), m[1])) === module))
    .map(f => f.file)
    .sort();
}

describe('one of each: a single sentence splitter, quotation finder, Markdown escaper and official-name table', () => {
  it('one sentence splitter: text/sentences.ts, for drafts, sources and completion', () => {
    assert.deepEqual(draftSentences('The leaders met. They agreed to talk.'), [[0, 16], [17, 37]]);
    assert.deepEqual(sourceSentences('It is in the U.S. interest. They agreed.'), [[0, 27], [28, 40]]);
    assert.equal(sentenceEndAfter('The U.S. and Canada agreed. Then more.', 4), 27);
    assert.deepEqual(declaring('draftSentences|sourceSentences|sentenceEndAfter|lastSentenceStart|sentenceStartIn|splitParagraph|endOfSentence|splitSentences'), ['text/sentences.ts']);
    assert.deepEqual(engineFiles().filter(f => f.text.includes("from 'sentence-splitter'")).map(f => f.file), ['text/sentences.ts']);
    assert.deepEqual(importing('text/sentences'), ['check/detectors/unsourced-quote.ts', 'check/pipeline.ts', 'completion/phrases.ts', 'completion/typed.ts', 'sources/document.ts']);
  });

  it('one quotation finder: text/quotations.ts, for the checker, hover and quotation links', () => {
    assert.deepEqual(findQuotations("Canada's view: 'build back better' and \"more\".").map(q => [q.innerStart, q.innerEnd]), [[16, 33], [40, 44]]);
    assert.deepEqual(quotationsIn('a "b c"\n\n"d e"').map(q => q.start), [2, 9]);
    assert.deepEqual(declaring('findQuotations|quotationsIn'), ['text/quotations.ts']);
    assert.deepEqual(importing('text/quotations'), ['check/pipeline.ts', 'check/types.ts', 'check/units.ts', 'match.ts', 'sourceLinks.ts']);
  });

  it('one Markdown escaper: text/markdown.ts, for hover, completion and the report', () => {
    assert.equal(escapeMarkdown('a *b* <i>'), 'a \\*b\\* \\<i\\>');
    assert.equal(escapeMarkdown('readout <b>.md', 'table'), 'readout &lt;b&gt;\\.md');
    assert.deepEqual(declaring('escapeMarkdown|escape[A-Z]\\w*Markdown'), ['text/markdown.ts']);
    assert.deepEqual(importing('text/markdown'), ['completion.ts', 'hover.ts', 'report.ts']);
  });

  it('one official-name table: names/table.ts, for the checker, hover and completion', () => {
    const table = officialNames(bundledIndex());
    const forum = namePhrases('We back the Cross-Border Crime Forum.')[0];
    assert.equal(table.byKeys(forum.keys.join(' '))?.text, 'Cross-Border Crime Forum');
    assert.equal(table.byAcronym('norad')[0]?.base, 'North American Aerospace Defense Command');
    assert.equal(table.byTokens('cross border crime forum')?.base, 'Cross-Border Crime Forum');
    assert.deepEqual(namePhrases('We back the Cross-Border Crime Forum.').map(n => n.text), ['Cross-Border Crime Forum']);
    assert.deepEqual(declaring('officialNames|namePhrases|hoverNames|detectNames|buildNames'), ['names/table.ts']);
    assert.deepEqual(importing('names/table'), ['check/detectors/altered-name.ts', 'check/lookup.ts', 'check/types.ts', 'check/units.ts', 'completion/names.ts', 'completion/phrases.ts', 'match.ts']);
  });

  it('the old modules are gone', () => {
    for (const old of ['names.ts', 'markdown.ts', 'figures.ts', 'checkText.ts']) assert.ok(!fs.existsSync(path.join(engineDir, old)), old);
  });
});
