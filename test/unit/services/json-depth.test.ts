// The nesting scan before JSON.parse: counts arrays and objects, not brackets inside strings
// (escaped quotes included), and agrees with JSON.parse's own view of the same texts.
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../../electron/services/json-depth';

describe('nestsDeeperThan', () => {
  it('counts arrays and objects together', () => {
    expect(nestsDeeperThan('[{"a":[1]}]', 3)).toBe(false);
    expect(nestsDeeperThan('[{"a":[[1]]}]', 3)).toBe(true);
    expect(nestsDeeperThan(`${'['.repeat(32)}${']'.repeat(32)}`, 32)).toBe(false);
    expect(nestsDeeperThan(`${'['.repeat(33)}${']'.repeat(33)}`, 32)).toBe(true);
  });

  it('ignores brackets in strings, also after escaped quotes and backslashes', () => {
    const texts = ['["[[[[[["]', '[{"k\\"[[[[": "]]]]\\\\"}]', '["\\\\", "[[[[[["]'];
    for (const text of texts) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(nestsDeeperThan(text, 2)).toBe(false);
    }
  });
});
