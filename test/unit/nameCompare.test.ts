import * as assert from 'node:assert/strict';
import { compareNames, misspelling, type NameLexicon, type NameWord } from '../../server/src/engine/names/compare';
import { english } from '../../server/src/engine/lang/en';
import { wordsOf } from '../../server/src/engine/text/words';

// The rules of names/compare.ts, each on a name of the bundled sources and one of another source.
const lex: NameLexicon = {
  isConnector: k => english.isStopKey(k) || english.names.connectors.has(k),
  isParty: k => Object.prototype.hasOwnProperty.call(english.parties.actors, k) || english.names.peoples.has(k) || english.names.groupings.has(k),
  genericClass: k => english.names.generic.get(k),
};

function name(text: string): NameWord[] {
  const ws = wordsOf(text, 0, text.length, english);
  return ws.map((w, i) => ({ key: w.key, text: text.slice(w.start, w.end), joinedNext: i + 1 < ws.length && text.slice(w.end, ws[i + 1].start) === '-' }));
}

function relation(draft: string, official: string, restating = true): string {
  const r = compareNames(name(draft), name(official), lex, restating);
  return r.kind === 'altered' ? `altered:${r.how}` : r.kind;
}

describe('official names: altered, another name, or the same name written another way', () => {
  it('a generic word changed is an alteration', () => {
    assert.equal(relation('Canada-U.S. Critical Minerals Strategy', 'Canada-U.S. Critical Minerals Action Plan'), 'altered:generic');
    assert.equal(relation('Cross-Border Crime Council', 'Cross-Border Crime Forum'), 'altered:generic');
    // Without the restatement, one descriptor for another still is; one kind of body for another is another body.
    assert.equal(relation('Canada-U.S. Critical Minerals Strategy', 'Canada-U.S. Critical Minerals Action Plan', false), 'altered:generic');
    assert.equal(relation('World Health Assembly', 'World Health Organization', false), 'different');
  });

  it('a distinctive word swapped in a name otherwise kept is an alteration; the only distinctive word changed is another name', () => {
    assert.equal(relation('Warsaw Summit Defense Investment Pledge', 'Wales Summit Defense Investment Pledge', false), 'altered:swapped');
    assert.equal(relation('Energy Resource Security Initiative', 'Energy Resource Governance Initiative'), 'altered:swapped');
    assert.equal(relation('U.S.-Canada High-Level Dialogue on Climate Ambition', 'U.S.-Canada Arctic Dialogue'), 'different');
    assert.equal(relation('U.S.-Canada Indo-Pacific Strategic Dialogue', 'U.S.-Canada Arctic Dialogue'), 'different');
    assert.equal(relation('Quad Vaccine Partnership', 'Quad Vaccine Experts Group'), 'different');
    // A grouping of countries says whose the name is, like a party: it is no distinctive word.
    assert.equal(relation('Quad Critical and Emerging Technology Working Group', 'Critical and Emerging Technology Working Group'), 'same');
    assert.equal(relation('Senior Cyber Group', 'Quad Senior Cyber Group'), 'same');
  });

  it('one of a coordination replaced is an alteration; one left out is a partial reference', () => {
    assert.equal(relation('East and Central Africa', 'West and Central Africa'), 'altered:swapped');
    assert.equal(relation('Olympic Games in Tokyo', 'Olympic and Paralympic Games'), 'same');
  });

  it('words dropped from inside the name alter it; its leading words left off are a short form; its end left off is something else', () => {
    assert.equal(relation('North American Plan for Pandemic Influenza', 'North American Plan for Animal and Pandemic Influenza'), 'same');
    assert.equal(relation('Energy Governance Initiative', 'Energy Resource Governance Initiative'), 'altered:dropped');
    assert.equal(relation('Air Station Futenma', 'Marine Corps Air Station Futenma'), 'same');
    assert.equal(relation('Natural Resources Canada', 'Department of Natural Resources Canada'), 'same');
    assert.equal(relation('Global Health Security', 'Global Health Security Agenda'), 'different');
  });

  it('the parties in another order, the of-phrase turned round, a spelling variant: the same name', () => {
    assert.equal(relation('Japan-U.S. Alliance', 'U.S.-Japan Alliance'), 'same');
    assert.equal(relation('Leaders Summit on Climate', 'Leaders’ Climate Summit'), 'same');
    assert.equal(relation('Joint Action Plan on Critical Minerals', 'Canada-U.S. Critical Minerals Action Plan'), 'same');
    assert.equal(relation('Africa Centres for Disease Control and Prevention', 'Africa Centers for Disease Control and Prevention'), 'same');
  });

  it('the same words in another order, breaking a hyphenated word, is an alteration when the draft restates the source', () => {
    assert.equal(relation('Cross-Forum on Border Crime', 'Cross-Border Crime Forum'), 'altered:order');
    assert.equal(relation('Cross-Forum on Border Crime', 'Cross-Border Crime Forum', false), 'different');
  });

  it("a person's name misspelt is an alteration, in any order of the names listed", () => {
    assert.equal(relation('Michael Spavor and Michael Koving', 'Michael Kovrig and Michael Spavor', false), 'altered:misspelled');
    assert.ok(misspelling('Koving', 'Kovrig'));
    assert.ok(!misspelling('Centres', 'Centre'), 'an inflection is no misspelling');
    assert.ok(!misspelling('Japan', 'Jaipur'), 'a word too far from the other');
    assert.ok(!misspelling('kovrig', 'koving'), 'only capitalised words');
  });
});
