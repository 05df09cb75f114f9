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
      assert.deepEqual(figures('2,6 milliards de dollars par jour'), [['money', '2600000000', '2,6 milliards de dollars par jour']]);
      assert.deepEqual(figures('« deux milliards de dollars par jour »'), [['money', '2000000000', 'deux milliards de dollars par jour']]);
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

    it('a figure per period: par jour, chaque semaine, tous les ans, annuellement, as English reads a day, a week, a year', () => {
      const per = (text: string) => french.findFigures(text).map(f => [f.kind, f.value, f.per]);
      assert.deepEqual(per('2,6 milliards de dollars par jour'), [['money', '2600000000', 'day']]);
      assert.deepEqual(per('2 milliards de dollars chaque semaine'), [['money', '2000000000', 'week']]);
      assert.deepEqual(per('trois réunions tous les ans'), [['count', '3', 'year']]);
      assert.deepEqual(per('95 % annuellement'), [['percent', '95', 'year']]);
      assert.deepEqual(per('2,6 milliards de dollars'), [['money', '2600000000', undefined]]);
      assert.equal(english.findFigures('$2.6 billion a day')[0].per, french.findFigures('2,6 milliards de dollars par jour')[0].per);
    });

    it('lengths of time in months or days, an adjective between (deux dernières années = 24 mois)', () => {
      assert.deepEqual(figures('au cours des deux dernières années'), [['duration', '24 months', 'deux dernières années']]);
      assert.deepEqual(figures('Il y a un an'), [['duration', '12 months', 'un an']]);
      assert.deepEqual(figures('24 mois, six semaines et 1 000 jours'), [
        ['duration', '24 months', '24 mois'],
        ['duration', '42 days', 'six semaines'],
        ['duration', '1000 days', '1 000 jours'],
      ]);
      assert.equal(english.findFigures('two years')[0].value, french.findFigures('deux ans')[0].value);
    });

    it('counts of anything plural, the number grouped by spaces; not a determiner, a scale or fois', () => {
      const counted = (text: string) => french.findFigures(text).map(f => [f.kind, f.value, f.text, f.unit]);
      assert.deepEqual(counted('15 000 réfugiés syriens'), [['count', '15000', '15 000 réfugiés', 'réfugié']]);
      assert.deepEqual(counted('deux nouvelles initiatives'), [['count', '2', 'deux nouvelles initiatives', 'initiative']]);
      assert.deepEqual(counted('des deux côtés de notre frontière'), [['count', '2', 'deux côtés', 'côté']]);
      for (const none of ['deux des priorités', 'une des priorités', 'deux fois plus', 'COVID-19 variants', 'deux milliards']) assert.deepEqual(counted(none), [], none);
    });

    it('ordinals before a name or an event noun (neuvième Sommet, 9e Sommet, premier anniversaire); never le premier ministre', () => {
      const ordinals = (text: string) => french.findFigures(text).map(f => [f.kind, f.value, f.text, f.unit]);
      assert.deepEqual(ordinals('le neuvième Sommet des dirigeants'), [['ordinal', '9', 'neuvième Sommet', 'sommet']]);
      assert.deepEqual(ordinals('le 9e Sommet'), [['ordinal', '9', '9e Sommet', 'sommet']]);
      assert.deepEqual(ordinals('à l’occasion du premier anniversaire'), [['ordinal', '1', 'premier anniversaire', 'anniversaire']]);
      for (const none of ['le premier ministre Justin Trudeau', 'Premier ministre Justin Trudeau', 'pour la quatrième fois', 'le 1er mars']) {
        assert.ok(!french.findFigures(none).some(f => f.kind === 'ordinal'), none);
      }
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
      assert.deepEqual(negations("Nous n'avons plus fait de progrès."), ["n'avons plus"]);
      assert.deepEqual(negations('Le Canada n’est plus engagé.'), ['n’est plus']);
      assert.deepEqual(negations('Ils ne les ont jamais réaffirmés.'), ['ne les ont jamais']);
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
