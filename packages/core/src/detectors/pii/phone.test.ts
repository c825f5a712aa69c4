import { describe, expect, it } from 'vitest';
import type { DetectorMatch } from '../../types.js';
import { phone } from './phone.js';
import { regionCue } from './phone-regions.js';

function found(text: string, regions?: readonly string[]): string[] {
  const out: DetectorMatch[] = [];
  phone(regions === undefined ? {} : { regions }).find(text, out);
  return out.filter((m) => m.score >= 0.5).map((m) => text.slice(m.start, m.end));
}

describe('phone numbers with the default region hints (US first)', () => {
  it.each([
    ['a formatted US number', 'call (415) 555-0132 today', '(415) 555-0132'],
    ['an unformatted US number', 'reach me on 4155550132', '4155550132'],
    ['a formatted number of another hinted region', 'Büro: 030 1234 5678', '030 1234 5678'],
    ['an international number', 'office +33 1 42 68 53 00', '+33 1 42 68 53 00'],
    ['a CN mobile written as one run (no trunk prefix in CN)', 'text 13812345678 after six', '13812345678'],
    ['a TR mobile written as one run (the trunk prefix is optional in TR)', '5421234567', '5421234567'],
    ['a trunk-prefixed mobile of another region', '07700900123', '07700900123'],
  ])('finds %s', (_title, text, value) => {
    expect(found(text)).toEqual([value]);
  });

  it.each([
    ['a PH mobile without its trunk prefix (PH writes 09..)', '9181234567'],
    ['a run that is a mobile in two hinted regions (CN and BR)', '13987654321'],
    ['a GB mobile without its trunk prefix', '7700900123'],
    ['a number valid nowhere', '1234567890'],
    ['a date', '2024-03-15'],
    ['a dotted IPv4 address', '192.168.10.254'],
  ])('leaves %s', (_title, text) => {
    expect(found(text)).toEqual([]);
  });

  it('reads a number against a region named next to it', () => {
    expect(found('9181234567')).toEqual([]);
    expect(found('my PH number is 9181234567')).toEqual(['9181234567']);
    expect(found('my UK mobile is 7700900123')).toEqual(['7700900123']);
    expect(found('the Chinese one: 13987654321')).toEqual(['13987654321']);
    expect(found('電話 13987654321')).toEqual(['13987654321']);
    // A fixed line in Van (TR), invalid in the US: only a cue makes it a phone number.
    expect(found('numaram 4321234567')).toEqual([]);
    expect(found('Türk numaram 4321234567')).toEqual(['4321234567']);
  });

  it('lets an explicit region list decide', () => {
    expect(found('4321234567', ['TR'])).toEqual(['4321234567']);
    expect(found('5321234567', ['TR'])).toEqual(['5321234567']);
    // Valid US numbers, not Turkish ones.
    expect(found('6123456789', ['TR'])).toEqual([]);
    expect(found('6123456789')).toEqual(['6123456789']);
  });

  it('takes a bare run of the main region as written only where that region may omit the trunk prefix', () => {
    // PH and GB write their numbers with the 0 (GB `07911 123456`): the bare national number is no evidence on its own.
    expect(found('9181234567', ['PH'])).toEqual([]);
    expect(found('918-1234567', ['PH'])).toEqual([]);
    expect(found('09181234567', ['PH'])).toEqual(['09181234567']);
    expect(found('0918 123 4567', ['PH'])).toEqual(['0918 123 4567']);
    expect(found('7911123456', ['GB'])).toEqual([]);
    expect(found('07911123456', ['GB'])).toEqual(['07911123456']);
    // A phone word, or the region named next to it, still makes it one.
    expect(found('mobile: 9181234567', ['PH'])).toEqual(['9181234567']);
    expect(found('my PH number is 9181234567', ['PH'])).toEqual(['9181234567']);
    // The US and CN write numbers without a trunk prefix.
    expect(found('4155550132', ['US'])).toEqual(['4155550132']);
    expect(found('13812345678', ['CN'])).toEqual(['13812345678']);
  });
});

describe('regionCue', () => {
  it.each([
    ['My CN number is 13812345678', 'CN'],
    ['13812345678 (Chinese mobile)', 'CN'],
    ['UK mobile 07700900123', 'GB'],
    ['ruf an: 030 1234 5678, deutsche Nummer', 'DE'],
    ['Numaram 0532 123 45 67, lütfen arayın', 'TR'],
    ['携帯 090-1234-5678 です', 'JP'],
    ['call 415 555 0132', undefined],
    ['IT desk: 415 555 0132', undefined],
  ])('%s -> %s', (text, region) => {
    const m = /[\d(][\d \-()]{6,}\d/.exec(text) as RegExpExecArray;
    expect(regionCue(text, m.index, m.index + m[0].length)).toBe(region);
  });
});
