/** The CPU-list parser behind performance-profile-cpu-sets: Linux list format, placeholders skipped. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpuSetSize, formatCpuList, intersectCpuSets, parseCpuList } from '../../server/src/engine/cpuset';

function list(text: string): string | undefined {
  const set = parseCpuList(text);
  return set && formatCpuList(set);
}

describe('parseCpuList', () => {
  const valid: [string, string][] = [
    ['0', '0'],
    ['0-3', '0-3'],
    ['0-3,8,10-11', '0-3,8,10-11'],
    ['8,0-3', '0-3,8'],
    ['0-1,2-3', '0-3'],
    ['0-3,2-5', '0-5'],
    ['0,1,2', '0-2'],
    ['3-3', '3'],
    [' 0-1 , 4 ', '0-1,4'],
    ['2-51,54-103', '2-51,54-103'],
  ];
  for (const [input, expected] of valid) {
    it(`reads ${JSON.stringify(input)} as ${expected}`, () => assert.equal(list(input), expected));
  }

  it('reads the empty string as the empty set', () => {
    assert.deepEqual(parseCpuList(''), []);
    assert.deepEqual(parseCpuList('   '), []);
  });

  const invalid = ['$isolated', '${RESERVED}', '{{ .Reserved }}', '3-1', '1,,2', '1,', ',1', '-1', '1-', '0x3', '1.5', 'a-b', '1-2-3', '0-99999999', '+1'];
  for (const input of invalid) {
    it(`returns undefined for ${JSON.stringify(input)} instead of guessing`, () => assert.equal(parseCpuList(input), undefined));
  }
});

describe('intersectCpuSets', () => {
  const cases: [string, string, string][] = [
    ['0-3', '2-15', '2-3'],
    ['0-1', '2-7', ''],
    ['0-1,52-53', '2-51,54-103', ''],
    ['0-10', '2,4,6-7,20', '2,4,6-7'],
    ['5', '0-9', '5'],
    ['0-3,8-11', '2-9', '2-3,8-9'],
  ];
  for (const [a, b, expected] of cases) {
    it(`${a} ∩ ${b} = ${JSON.stringify(expected)}`, () => {
      const both = intersectCpuSets(parseCpuList(a)!, parseCpuList(b)!);
      assert.equal(formatCpuList(both), expected);
      assert.equal(formatCpuList(intersectCpuSets(parseCpuList(b)!, parseCpuList(a)!)), expected, 'symmetric');
    });
  }
});

describe('cpuSetSize', () => {
  it('counts CPUs across ranges', () => {
    assert.equal(cpuSetSize(parseCpuList('0-3,8,10-11')!), 7);
    assert.equal(cpuSetSize(parseCpuList('')!), 0);
  });
});
