import * as assert from 'node:assert/strict';
import { packFor } from '../../server/src/engine/lang';
import { english } from '../../server/src/engine/lang/en';
import { french } from '../../server/src/engine/lang/fr';
import { wordsOf } from '../../server/src/engine/text/words';

/** The keys of a French text's content words. */
function contentKeys(text: string): string[] {
  return wordsOf(text, 0, text.length, french)
    .map(w => w.key)
    .filter(k => !french.isStopKey(k));
}
/** [kind, value, text] of each figure French reads in `text`. */
function figures(text: string): [string, string, string][] {
  return french.findFigures(text).map(f => [f.kind, f.value, f.text]);
}
/** The negation cues of `text`. */
function negations(text: string): string[] {
  return [...text.matchAll(french.patterns.negation)].map(m => m[0]);
}

describe('French language pack (lang/fr)', () => {
  it('is the pack of French documents; English is the pack of any other', () => {
    assert.equal(packFor('fr'), french);
    assert.equal(packFor('en'), english);
    assert.equal(packFor('de'), english);
    assert.equal(packFor(undefined), english);
  });

  describe('keys: Snowball French, elisions cut, verb forms and spellings folded', () => {
    it('one key for the forms of a verb the pack knows (present, passé composé, future)', () => {
      const forms = ['réaffirmons', 'réaffirment', 'réaffirmé', 'réaffirmera', 'réaffirmer'].map(w => french.stem(w));
      assert.equal(new Set(forms).size, 1, forms.join(' '));
      const irregular = ['convenu', 'conviennent', 'convenir', 'conviendront'].map(w => french.stem(w));
      assert.equal(new Set(irregular).size, 1, irregular.join(' '));
      // `-cer` and `-ger` keep their sound before a and o.
      assert.equal(french.stem('renforçons'), french.stem('renforcer'));
      assert.equal(french.stem('engageons'), french.stem('engager'));
    });

    it('cuts the elided article or pronoun, and reads the same words with or without accents, ligatures or circumflex', () => {
      assert.deepEqual(contentKeys("l'accord"), contentKeys('accord'));
      assert.deepEqual(contentKeys("s'engager"), contentKeys('engager'));
      assert.equal(french.stem('œuvre'), french.stem('oeuvre'));
      assert.equal(french.stem('maîtriser'), french.stem('maitriser'));
      assert.equal(french.stem('Etats'.toLowerCase()), french.stem('états'));
    });

    it('États-Unis is one word keyed like U.S. and United States, in both packs', () => {
      const fr = wordsOf('le Canada et les États-Unis', 0, undefined, french);
      const en = wordsOf('Canada and the United States', 0, undefined, english);
      assert.equal(fr.find(w => w.text === 'états unis')?.key, 'us');
      assert.equal(en.find(w => w.text === 'united states')?.key, 'us');
    });

    it('the function words of a French sentence are stop keys, its content words are not', () => {
      assert.deepEqual(contentKeys("Il est dans l'intérêt partagé des États-Unis et du Canada"), ['interet', 'partag', 'us', 'canad']);
    });
  });

  describe('figures in French', () => {
    it('amounts with thousands spaces, decimal commas, scales and number words, with or without per day', () => {
      assert.deepEqual(figures('2,6 milliards de dollars par jour'), [['money', '2600000000', '2,6 milliards de dollars']]);
      assert.deepEqual(figures('« deux milliards de dollars par jour »'), [['money', '2000000000', 'deux milliards de dollars']]);
      assert.deepEqual(figures('1 000 $, 1\u00a0000\u00a0$ et 1\u202f000 $'), [
        ['money', '1000', '1 000 $'],
        ['money', '1000', '1\u00a0000\u00a0$'],
        ['money', '1000', '1\u202f000 $'],
      ]);
      assert.deepEqual(figures('2,6 G$'), [['money', '2600000000', '2,6 G$']]);
      assert.deepEqual(figures('deux cents millions de dollars'), [['money', '200000000', 'deux cents millions de dollars']]);
    });

    it('percentages, temperatures and counts; French number words (soixante-dix, quatre-vingt-quinze)', () => {
      assert.deepEqual(figures('95 %'), [['percent', '95', '95 %']]);
      assert.deepEqual(figures('quatre-vingt-quinze pour cent'), [['percent', '95', 'quatre-vingt-quinze pour cent']]);
      assert.deepEqual(figures('soixante-dix pour cent'), [['percent', '70', 'soixante-dix pour cent']]);
      assert.deepEqual(figures('1,5 °C'), [['degrees', '1.5', '1,5 °C']]);
      assert.deepEqual(figures('la prospérité de nos deux pays'), [['count', '2', 'deux pays']]);
    });

    it('dates as the English pack gives them; a day without its year', () => {
      assert.deepEqual(figures('Le 23 février 2021'), [['date', '2021-02-23', '23 février 2021']]);
      assert.deepEqual(figures('OTTAWA, ON, le 23 févr. 2022 /CNW/'), [['date', '2022-02-23', '23 févr. 2022']]);
      assert.deepEqual(figures('le 1er mars'), [['date', '--03-01', '1er mars']]);
      assert.deepEqual(figures('en février 2021, pour 2030'), [
        ['date', '2021-02', 'février 2021'],
        ['year', '2030', '2030'],
      ]);
      // The same day in English and French has the same value.
      assert.equal(english.findFigures('February 23, 2021')[0].value, french.findFigures('23 février 2021')[0].value);
    });
  });

  describe('negation in French', () => {
    it('ne … pas, plus, jamais, with n’ and words between; aucun; a refusal', () => {
      assert.deepEqual(negations("Ils n'ont pas convenu de renforcer leurs efforts."), ["n'ont pas"]);
      assert.deepEqual(negations('Le Canada ne renforcera pas la coopération.'), ['ne renforcera pas']);
      assert.deepEqual(negations('Le partenariat ne se perpétue plus.'), ['ne se perpétue plus']);
      assert.deepEqual(negations('Ils ne se sont jamais engagés.'), ['ne se sont jamais']);
      assert.deepEqual(negations('Ils n’ont pris aucun engagement.'), ['n’ont pris aucun']);
      assert.deepEqual(negations('Aucun engagement ne figure dans le texte.'), ['Aucun']);
      assert.deepEqual(negations('Le premier ministre a refusé de signer.'), ['refusé de']);
    });

    it('no negation in an affirmation', () => {
      assert.deepEqual(negations('Ils ont convenu de renforcer leurs efforts globaux et intersectoriels afin de maîtriser la pandémie.'), []);
      assert.deepEqual(negations('Nous sommes plus forts lorsque nous travaillons ensemble.'), []);
    });
  });

  it('leaders named with their office in lower case, as French writes them', () => {
    const text = 'le premier ministre Justin Trudeau et le président Joseph R. Biden Jr.; Président Joe Biden';
    assert.deepEqual(
      [...text.matchAll(french.parties.leaderTitle)].map(m => [m[2], french.parties.officeOf(m[1])]),
      [
        ['Justin Trudeau', 'prime minister'],
        ['Joseph R. Biden', 'president'],
        ['Joe Biden', 'president'],
      ],
    );
  });

  it('the ladder ranks French verbs as the English one ranks theirs', () => {
    const level = (w: string) => french.strength.ladder[french.stem(w)];
    assert.deepEqual(['examiné', 'réaffirmé', 'convenu', 'engagés', 'lancé'].map(level), [1, 2, 3, 4, 5]);
    assert.ok(french.strength.hedges.has(french.stem('envisager')));
  });
});
