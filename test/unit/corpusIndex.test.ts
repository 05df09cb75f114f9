import * as assert from 'node:assert/strict';
import { patchCorpus } from '../../server/src/engine';
import { bundledIndex, ROADMAP, source, STATEMENT } from '../support/corpus';

describe('CorpusIndex', () => {
  const index = bundledIndex();

  it('looks up documents, sections and paragraphs', () => {
    assert.equal(index.documents.length, 2);
    assert.equal(index.passageCount, 63);
    assert.equal(index.getDocument(STATEMENT)?.title, 'Statement on the unveiling of the U.S.-Canada Partnership Roadmap');
    assert.equal(index.getSection(ROADMAP, 'building-global-alliances')?.title, 'Building Global Alliances');
    const ps = index.paragraphsInSection(ROADMAP, 'advancing-diversity-and-inclusion');
    assert.deepEqual(
      ps.map(p => p.number),
      [1, 2, 3, 4],
    );
    assert.equal(index.getSection(ROADMAP, 'opening')?.isOpening, true);
    assert.equal(index.getParagraph('nope#x-1'), undefined);
  });

  it('finds text regardless of case, quotes, wraps and hyphenation artefacts', () => {
    const hits = index.findText('WHOLE-OF-GOVERNMENT effort');
    assert.equal(hits.length, 1);
    assert.equal(hits[0].paragraph.id, `${ROADMAP}#opening-1`);
    // The source file has the artefact (`whole-of- government`); the index holds the repaired word.
    assert.equal(hits[0].paragraph.text.slice(hits[0].start, hits[0].end), 'whole-of-government effort');
    assert.equal(index.findText('whole-of- government effort')[0]?.paragraph.id, `${ROADMAP}#opening-1`);
    const quoted = index.findText("in each other's success");
    assert.equal(quoted.length, 1);
    const name = index.findText('Cross-Border Crime Forum');
    assert.deepEqual(
      name.map(h => h.paragraph.id).sort(),
      [`${ROADMAP}#bolstering-security-and-defense-6`, `${STATEMENT}#bolstering-security-and-defense-1`].sort(),
    );
    assert.deepEqual(index.findText('cross-forum on border crime'), []);
  });

  it('indexes sentences and their words on demand', () => {
    assert.ok(index.sentences.length > 100);
    const postings = index.postings('ministerial');
    assert.ok(postings.length >= 3);
    for (const p of postings) assert.equal(index.sentences[p.sentence].tokens[p.token].text, 'ministerial');
    assert.equal(index.paragraphOf(postings[0].sentence).documentId, ROADMAP);
  });

  it('is immutable, and patching builds a new index', () => {
    assert.ok(Object.isFrozen(index));
    assert.ok(Object.isFrozen(index.paragraphs));
    const user = source('mine.md', '## Trade\n\nThe leaders agreed to cut tariffs.\n');
    const patched = patchCorpus(index, [user]);
    assert.equal(patched.documents.length, 3);
    assert.equal(index.documents.length, 2);
    const replaced = patchCorpus(patched, [{ ...user, content: '## Trade\n\nThey agreed.\n\nAnd more.\n' }]);
    assert.equal(replaced.getDocument('mine')?.paragraphs.length, 2);
    assert.equal(patchCorpus(replaced, [], [user.uri]).documents.length, 2);
  });

  it('caches derived values per index', () => {
    let computed = 0;
    const a = index.derive('test.counter', () => ++computed);
    const b = index.derive('test.counter', () => ++computed);
    assert.equal(a, 1);
    assert.equal(b, 1);
  });
});
