import * as assert from 'node:assert/strict';
import { OffsetMap, OffsetMapBuilder } from '../../server/src/engine/offsetMap';

describe('OffsetMap (offsets kept as runs)', () => {
  it('answers every position as the expanded array would, across run boundaries', () => {
    const expanded = [3, 4, 5, 9, 9, 10, 11, 20, 2, 3];
    const map = OffsetMap.fromOffsets(expanded);
    assert.equal(map.length, expanded.length);
    assert.deepEqual(Array.from(map.toArray()), expanded);
    for (let i = 0; i < expanded.length; i++) assert.equal(map.at(i), expanded[i], `position ${i}`);
    // 3-5, 9, 9-11, 20, 2-3: five runs, not ten numbers.
    assert.equal(map.runCount, 5);
  });

  it('is undefined outside the map, like an array', () => {
    const map = OffsetMap.fromOffsets([7, 8]);
    assert.equal(map.at(-1), undefined);
    assert.equal(map.at(2), undefined);
    assert.equal(OffsetMap.fromOffsets([]).at(0), undefined);
  });

  it('builds long runs with pushRun and grows past its first buffer', () => {
    const b = new OffsetMapBuilder();
    for (let k = 0; k < 100; k++) b.pushRun(k * 1000, 10);
    const map = b.build();
    assert.equal(map.length, 1000);
    assert.equal(map.runCount, 100);
    assert.equal(map.at(0), 0);
    assert.equal(map.at(9), 9);
    assert.equal(map.at(10), 1000);
    assert.equal(map.at(999), 99009);
  });
});
