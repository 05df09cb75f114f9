import * as assert from 'node:assert/strict';
import { findDate, guessLanguage, isDatelineOnly, isEndMark, isFurniture, leadingDateline, stripHeadingNumber } from '../../server/src/engine/sources/layout';

describe('statement layout: end marks, furniture, datelines, numbers, language', () => {
  it('end marks', () => {
    for (const t of ['###', '# # #', '\\###', '\\# \\# \\#', '-30-', '- 30 -']) assert.equal(isEndMark(t), true, t);
    for (const t of ['## Trade', '30', 'The end.']) assert.equal(isEndMark(t), false, t);
  });

  it('page furniture, alone or in a row, and nothing else', () => {
    for (const t of ['Stay Connected', 'Scroll to Top', 'Share', 'Print', 'Share | Print', 'Share this page', 'Partager', 'Date modified: 2023-03-24']) assert.equal(isFurniture(t), true, t);
    for (const t of ['Share the burden of defense.', 'Print media freedom', 'Trade', 'The leaders will stay connected.']) assert.equal(isFurniture(t), false, t);
  });

  it('datelines at the start of a release, with the text after them kept', () => {
    const cases: [string, string, string][] = [
      ['WASHINGTON — The President met today', 'WASHINGTON', 'The President met today'],
      ['OTTAWA, February 23, 2022 — The Prime Minister', 'OTTAWA, February 23, 2022', 'The Prime Minister'],
      ['OTTAWA, ON, le 23 févr. 2022 /CNW/ - Le premier ministre', 'OTTAWA, ON, le 23 févr. 2022', 'Le premier ministre'],
      ['WASHINGTON, D.C. -- Today the leaders', 'WASHINGTON, D.C.', 'Today the leaders'],
    ];
    for (const [text, dateline, rest] of cases) {
      const d = leadingDateline(text);
      assert.ok(d, text);
      assert.equal(d.dateline, dateline);
      assert.equal(text.slice(d.length), rest);
    }
    for (const text of ['NATO, the EU and others – all agreed', 'COVID-19 has shown us', 'U.S. – Japan ties', 'The leaders — both of them — agreed']) assert.equal(leadingDateline(text), undefined, text);
    assert.equal(isDatelineOnly('WASHINGTON, D.C.'), true);
    assert.equal(isDatelineOnly('OTTAWA, February 23, 2022'), true);
    assert.equal(isDatelineOnly('Combating COVID-19'), false);
  });

  it('dates in English and French', () => {
    assert.equal(findDate('OTTAWA, February 23, 2022'), '2022-02-23');
    assert.equal(findDate('OTTAWA, ON, le 23 févr. 2022'), '2022-02-23');
    assert.equal(findDate('Le 1er mars 2023'), '2023-03-01');
    assert.equal(findDate('Tuesday, March 24, 2023'), '2023-03-24');
    assert.equal(findDate('WASHINGTON'), undefined);
  });

  it('heading numbers and lead-in colons', () => {
    assert.deepEqual(stripHeadingNumber('1. Catalyze Clean Energy and Create Good Jobs:'), { title: 'Catalyze Clean Energy and Create Good Jobs', numbered: true });
    assert.deepEqual(stripHeadingNumber("Catalyser l'énergie propre :"), { title: "Catalyser l'énergie propre", numbered: false });
    assert.deepEqual(stripHeadingNumber('IV. Security'), { title: 'Security', numbered: true });
    assert.deepEqual(stripHeadingNumber('2050 Targets'), { title: '2050 Targets', numbered: false });
  });

  it('guesses French or English from function words', () => {
    assert.equal(guessLanguage("Le Canada et les États-Unis se réjouissent des progrès réalisés dans le cadre de la Feuille de route. Nous réaffirmons notre alliance."), 'fr');
    assert.equal(guessLanguage('The leaders agreed to work together on the climate crisis and to strengthen our alliance with their partners.'), 'en');
    assert.equal(guessLanguage('Trade.'), undefined);
  });
});
