import * as assert from 'node:assert/strict';
import { checkDraft } from '../../server/src/engine/check';
import { findQuotations } from '../../server/src/engine/text/quotations';
import { draftSentences } from '../../server/src/engine/text/sentences';
import { bundledIndex } from '../support/corpus';

/** Each quotation as [its marks and text, its inner text]. */
function quotes(p: string): [string, string][] {
  return findQuotations(p).map(q => [p.slice(q.start, q.end), p.slice(q.innerStart, q.innerEnd)]);
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('quotation marks: « » and “ ” in every language', () => {
  it('guillemets with a space, a no-break space, a narrow no-break space or none inside', () => {
    for (const space of [' ', NBSP, NNBSP, '']) {
      const p = `Ils ont convenu de «${space}renforcer leurs efforts globaux${space}» hier.`;
      assert.deepEqual(quotes(p), [[`«${space}renforcer leurs efforts globaux${space}»`, 'renforcer leurs efforts globaux']], JSON.stringify(space));
    }
  });

  it('“ ” with a space, a no-break space, a narrow no-break space or none inside', () => {
    for (const space of [' ', NBSP, NNBSP, '']) {
      const p = `Ils ont convenu de “${space}renforcer leurs efforts globaux${space}” hier.`;
      assert.deepEqual(quotes(p), [[`“${space}renforcer leurs efforts globaux${space}”`, 'renforcer leurs efforts globaux']], JSON.stringify(space));
    }
  });

  it('“ ” in a French sentence, « » in an English one', () => {
    assert.deepEqual(quotes('Le premier ministre a parlé d’un “attachement commun” envers la diversité.'), [['“attachement commun”', 'attachement commun']]);
    assert.deepEqual(quotes('The leaders promised «to end the COVID-19 pandemic».'), [['«to end the COVID-19 pandemic»', 'to end the COVID-19 pandemic']]);
  });

  it('the first mark to open holds the quotations inside it, guillemets nested in guillemets included', () => {
    assert.deepEqual(quotes('Il a écrit : « le « partenariat renouvelé » se perpétue » hier.'), [['« le « partenariat renouvelé » se perpétue »', 'le « partenariat renouvelé » se perpétue']]);
    assert.deepEqual(quotes('He wrote «the “renewed partnership” endures».'), [['«the “renewed partnership” endures»', 'the “renewed partnership” endures']]);
  });

  it('French apostrophes are not quotation marks', () => {
    assert.deepEqual(quotes("Il est dans l'intérêt partagé des États-Unis et du Canada d'agir, dit-il."), []);
  });

  it('a « that opens a paragraph and is never closed quotes the paragraph (the French way of quoting several)', () => {
    const p = "« Il reste beaucoup de travail à faire. Nos pays sont plus forts lorsque nous travaillons ensemble.\n";
    assert.deepEqual(quotes(p), [[p.trimEnd(), p.slice(2).trimEnd()]]);
    // Inside a sentence, an unclosed « is a stray mark.
    assert.deepEqual(quotes('Il a dit « il reste beaucoup de travail à faire.'), []);
  });
});

describe('sentences: French capitals and guillemets', () => {
  it('a sentence may open with an accented capital or a guillemet, and end inside « … »', () => {
    const p = `« Nous réaffirmons notre alliance historique.${NNBSP}» À cette fin, le Canada et les États-Unis travailleront ensemble. « Il reste beaucoup de travail à faire. » Les États-Unis aussi.`;
    assert.deepEqual(
      draftSentences(p).map(([s, e]) => p.slice(s, e)),
      [`« Nous réaffirmons notre alliance historique.${NNBSP}»`, 'À cette fin, le Canada et les États-Unis travailleront ensemble.', '« Il reste beaucoup de travail à faire. »', 'Les États-Unis aussi.'],
    );
  });
});

describe('check: an English source quoted in guillemets', () => {
  const check = (text: string) => checkDraft(bundledIndex(), { uri: 'file:///draft.md', text }, {});

  it('draws nothing when the words are the source’s, and a misquote when one differs', () => {
    assert.deepEqual(check(`The leaders made it their «${NNBSP}top priority … to end the COVID-19 pandemic${NNBSP}».`), []);
    const text = 'The two leaders said «the partnership between the United States and Canada endures because we invest in one another’s success».';
    const found = check(text).map(f => [f.code, text.slice(f.start, f.end)]);
    assert.deepEqual(found, [['misquote', 'one another’s']]);
  });
});
