import * as assert from 'node:assert/strict';
import { officialNames } from '../../server/src/engine/names/table';
import { bundledIndex } from '../support/corpus';
import { completeAt } from './completion.test';

describe('names: official names extracted from the sources', () => {
  const table = () => officialNames(bundledIndex());

  for (const name of ['Cross-Border Crime Forum', 'Canada-U.S. Critical Minerals Action Plan', 'North American Aerospace Defense Command (NORAD)', 'Energy Resource Governance Initiative (ERGI)', 'High Level Climate Ministerial', 'Global Health Security Agenda']) {
    it(`finds ${name}`, () => {
      assert.ok(table().names.some(n => n.text === name), table().names.map(n => n.text).join('\n'));
    });
  }

  it('looks names up by acronym and by key', () => {
    assert.equal(table().byAcronym('norad')[0]?.base, 'North American Aerospace Defense Command');
    assert.equal(table().byAcronym('CBCF')[0]?.text, 'Cross-Border Crime Forum');
    assert.ok(table().byKey('cross-border crime forum'));
    assert.ok(table().names.every(n => n.occurrences.length > 0 && !/^(the|both|they) /i.test(n.base)));
  });

  it('expands an acronym through the @@ search, which replaces what follows @@', () => {
    const { items, lineOf } = completeAt('We will modernize @@NORAD|');
    assert.equal(lineOf(items[0]), 'We will modernize North American Aerospace Defense Command (NORAD)');
  });

  it('does not offer to expand an acronym typed in the text: that would replace the typed word', () => {
    const { items } = completeAt('We will modernize NORAD|');
    assert.deepEqual(items.map(i => i.label), []);
  });

  it('completes a name from its first words, with a typo in an earlier word kept as typed', () => {
    const { items, lineOf } = completeAt('We welcome the Energy Resouce Gov|');
    assert.ok(items.slice(0, 5).some(i => lineOf(i) === 'We welcome the Energy Resouce Governance Initiative (ERGI)'), items.map(lineOf).join('\n'));
  });

  it('offers no name for words common in the sources (United States) until a word of the name is typed', () => {
    assert.deepEqual(completeAt('We met the United Sta|').items.map(i => i.label), []);
    const { items, lineOf } = completeAt('We met under the United States-Mexico-Ca|');
    assert.ok(items.some(i => lineOf(i).endsWith('United States-Mexico-Canada Agreement (USMCA)')), items.map(lineOf).join('\n'));
  });
});
