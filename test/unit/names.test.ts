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

  it('completes a name from its acronym', () => {
    const { items, lineOf } = completeAt('We will modernize NORAD|');
    assert.ok(items.slice(0, 5).some(i => lineOf(i) === 'We will modernize North American Aerospace Defense Command (NORAD)'));
  });

  it('completes a name from its first letters, fuzzily', () => {
    const { items, lineOf } = completeAt('We welcome the Energy Resouce Gov|');
    assert.ok(items.slice(0, 5).some(i => lineOf(i).includes('Energy Resource Governance Initiative')));
  });
});
