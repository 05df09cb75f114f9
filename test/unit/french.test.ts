import * as assert from 'node:assert/strict';
import { loadCorpus, type Finding } from '../../server/src/engine';
import { checkDraft, draftLanguage } from '../../server/src/engine/check';
import { hoverAt } from '../../server/src/engine/hover';
import { frenchIndex, frenchInputs, source } from '../support/corpus';

function check(text: string, index = frenchIndex()): Finding[] {
  return checkDraft(index, { uri: 'file:///brouillon.md', text }, {});
}
function found(text: string, index = frenchIndex()): string[] {
  return check(text, index).map(f => `${f.code}: ${text.slice(f.start, f.end)}`);
}

const NNBSP = '\u202f';

describe('French drafts and sources', () => {
  describe('the language a draft is read in', () => {
    it('its front matter’s lang, else its own words, its quotations left out', () => {
      assert.equal(draftLanguage('---\nlang: fr-CA\n---\n\nTrade.').code, 'fr');
      assert.equal(draftLanguage('Le Canada et les États-Unis travailleront ensemble pour catalyser l’énergie propre.').code, 'fr');
      assert.equal(draftLanguage('The leaders agreed to work together on clean energy.').code, 'en');
      // An English draft quoting a French source at length is still English.
      assert.equal(draftLanguage('In their statement of March 2023 the two leaders wrote that « le Canada et les États-Unis se réjouissent des progrès réalisés au cours des deux dernières années dans le cadre de la Feuille de route ».').code, 'en');
      // Too short to tell: English.
      assert.equal(draftLanguage('Merci.').code, 'en');
    });
  });

  describe('the French sources', () => {
    it('are cited with French labels (préambule, Déclaration)', () => {
      const index = frenchIndex();
      const labels = index.paragraphs.filter(p => p.documentId.startsWith('2023-03-24')).map(p => p.label);
      assert.ok(labels.some(l => l.endsWith(', préambule, ¶1')), labels.join('\n'));
      assert.ok(index.paragraphs.some(p => p.documentId.startsWith('2022-02-23') && p.sectionTitle === 'Déclaration'));
    });

    it('draw nothing when their own sentences are the draft, sentence by sentence', () => {
      const index = frenchIndex();
      const french = new Set(frenchInputs().map(i => i.uri));
      const sentences = index.paragraphs
        .filter(p => french.has(index.getDocument(p.documentId)!.uri))
        .flatMap(p => p.sentences.map(s => p.text.slice(s.start, s.end)))
        .filter(s => s.split(/\s+/).length >= 6);
      assert.ok(sentences.length >= 20, `${sentences.length} sentences`);
      for (const s of sentences) assert.deepEqual(found(s), [], s);
    });

    it('draw nothing on faithful French paraphrases', () => {
      for (const text of [
        'Le premier ministre et le président ont convenu de renforcer leurs efforts globaux et intersectoriels afin de maîtriser la pandémie.',
        'Le Canada et les États-Unis ont réaffirmé leur alliance historique et leur volonté de relever les immenses défis d’aujourd’hui.',
        'Selon la déclaration conjointe, les deux pays travailleront ensemble pour catalyser l’énergie propre et créer de bons emplois.',
        'En 2022, les deux pays ont dit avoir jeté les bases qui leur permettront d’accroître leur coopération en matière de changements climatiques.',
        'Les dirigeants ont réaffirmé leur attachement commun en faveur de la diversité, de l’équité et de la justice.',
      ]) {
        assert.deepEqual(found(text), [], text);
      }
    });
  });

  describe('quotations in « »', () => {
    it('a French misquote inside guillemets with narrow no-break spaces is found, with a fix to the source’s words', () => {
      const text = `Les dirigeants ont promis de «${NNBSP}collaborer activement pour vaincre le virus${NNBSP}».`;
      const [f, ...rest] = check(text);
      assert.deepEqual(rest, []);
      assert.equal(f.code, 'misquote');
      assert.equal(text.slice(f.start, f.end), 'activement');
      assert.match(f.message, /"activement" where the source says "étroitement"/);
      assert.match(f.message, /Lutte contre la COVID-19, ¶2/);
      const fixed = text.slice(0, f.fix!.start) + f.fix!.newText + text.slice(f.fix!.end);
      assert.equal(fixed, `Les dirigeants ont promis de «${NNBSP}collaborer étroitement pour vaincre le virus${NNBSP}».`);
      assert.deepEqual(found(fixed), []);
    });

    it('“ ” are French quotation marks too, with no-break spaces inside or none', () => {
      for (const space of ['', '\u00a0', NNBSP]) {
        const good = `Ils ont écrit que «${space}nos pays sont plus forts lorsque nous travaillons ensemble${space}».`.replace('«', '“').replace('»', '”');
        assert.deepEqual(found(good), [], good);
        assert.deepEqual(found(good.replace('ensemble', 'seuls')), ['misquote: seuls'], good);
      }
    });

    it('an English draft quoting the French source in « » is checked against it', () => {
      const good = 'The leaders’ French text says their partnership « se perpétue parce que nous contribuons chacun à la réussite de l’autre ».';
      assert.deepEqual(found(good), []);
      const bad = good.replace('contribuons', 'croyons');
      assert.deepEqual(found(bad), ['misquote: croyons']);
    });

    it('a ligature is typography: « main-d’œuvre » quotes the wire copy’s main-d’oeuvre exactly, with no finding and no difference on hover', () => {
      const text = "Selon la déclaration, « le perfectionnement de la main-d'œuvre sont autant d'éléments essentiels ».";
      assert.deepEqual(found(text), []);
      const h = hoverAt(frenchIndex(), text, text.indexOf('perfectionnement'))!;
      assert.match(h.markdown, /\*\*le perfectionnement de la main-d'oeuvre sont autant d'éléments essentiels\*\*/);
      assert.doesNotMatch(h.markdown, /differs from the source/);
    });

    it('hover on a French quotation shows the French passage, and the difference', () => {
      const text = `Ils ont écrit : «${NNBSP}Nos pays sont plus forts lorsque nous travaillons seuls.${NNBSP}»`;
      const h = hoverAt(frenchIndex(), text, text.indexOf('forts'))!;
      assert.ok(h, 'a hover');
      assert.match(h.markdown, /\*\*Déclaration conjointe du premier ministre Justin Trudeau/);
      assert.match(h.markdown, /Nos pays sont plus forts lorsque nous travaillons ensemble/);
      assert.match(h.markdown, /~~seuls~~ \*\*ensemble\*\*/);
    });
  });

  describe('figures in a French source (a test source: the real French texts have no amounts)', () => {
    const index = loadCorpus([
      ...frenchInputs(),
      source(
        'commerce-fr.md',
        '---\ntitle: Commerce\nlang: fr\ndate: 2023-03-24\n---\n\n## Commerce\n\nNos échanges bilatéraux de biens et de services atteignent près de 2,6 milliards de dollars par jour.\n\nLes ministres se réuniront le 1er mars 2024 pour faire le point sur 95 % des engagements.\n',
      ),
    ]);

    it('the same amount written another way is no change', () => {
      assert.deepEqual(found('Les échanges bilatéraux de biens et de services atteignent près de 2 600 millions de dollars par jour.', index), []);
      assert.deepEqual(found('Nos échanges bilatéraux de biens et de services atteignent près de 2,6 G$ par jour.', index), []);
    });

    it('another amount, another day, another percentage is a changed figure', () => {
      assert.deepEqual(found('Nos échanges bilatéraux de biens et de services atteignent près de deux milliards de dollars par jour.', index), ['changed-figure: deux milliards de dollars par jour']);
      assert.deepEqual(found('Les ministres se réuniront le 2 mars 2024 pour faire le point sur 95 % des engagements.', index), ['changed-figure: 2 mars 2024']);
      assert.deepEqual(found('Les ministres se réuniront le 1er mars 2024 pour faire le point sur 90 % des engagements.', index), ['changed-figure: 90 %']);
    });

    it('a day without its year is that day of the source’s year', () => {
      assert.deepEqual(found('Les ministres se réuniront le 1er mars pour faire le point sur 95 % des engagements.', index), []);
      assert.deepEqual(found('Les ministres se réuniront le 3 mars pour faire le point sur 95 % des engagements.', index), ['changed-figure: 3 mars']);
    });
  });
});
