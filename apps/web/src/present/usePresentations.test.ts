import { describe, expect, it } from 'vitest';
import { stepKey } from './usePresentations.js';

describe('stepKey', () => {
  it('steps forward on the keys clickers and keyboards send', () => {
    for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', ' ']) expect(stepKey(key)).toBe('next');
  });
  it('steps back on the opposite keys', () => {
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp']) expect(stepKey(key)).toBe('previous');
  });
  it('jumps to the ends, stops on Escape and ignores other keys', () => {
    expect(stepKey('Home')).toBe('first');
    expect(stepKey('End')).toBe('last');
    expect(stepKey('Escape')).toBe('stop');
    expect(stepKey('a')).toBeNull();
    expect(stepKey('Enter')).toBeNull();
  });
});
