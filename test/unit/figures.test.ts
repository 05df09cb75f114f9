import * as assert from 'node:assert/strict';
import { findFigures } from '../../server/src/engine/lang/en/figures';

const read = (t: string) => findFigures(t).map(f => [f.kind, f.value, f.text, f.unit ?? '', f.per ?? ''].join('|'));

describe('English figures of every kind', () => {
  it('a period after an amount or a percentage is part of it', () => {
    assert.deepEqual(read('nearly $2 billion every day'), ['money|2000000000|$2 billion every day||day']);
    assert.deepEqual(read('30 percent annually'), ['percent|30|30 percent annually||year']);
    assert.deepEqual(read('$2 billion in goods'), ['money|2000000000|$2 billion||']);
  });

  it('a count of anything plural, with at most one word between', () => {
    assert.deepEqual(read('15,000 Syrian refugees and two new initiatives'), ['count|15000|15,000 Syrian refugees|refugee|', 'count|2|two new initiatives|initiative|']);
    // Not the end of a name (`COVID-19 vaccines`), nor a singular noun.
    assert.deepEqual(read('COVID-19 vaccines under Article 5 of the treaty'), []);
  });

  it('a length of time, in months or days, whatever its unit', () => {
    assert.deepEqual(read('over two years, a 24-month plan, six weeks'), ['duration|24 months|two years||', 'duration|24 months|24-month||', 'duration|42 days|six weeks||']);
  });

  it('an ordinal before a name or a counted event, not before any noun', () => {
    assert.deepEqual(read('the ninth Summit of the Americas'), ['ordinal|9|ninth Summit|summit|']);
    assert.deepEqual(read('the first-ever leaders’ summit'), ['ordinal|1|first-ever leaders’ summit|summit|']);
    assert.deepEqual(read('for the first time, the first step'), []);
  });
});
