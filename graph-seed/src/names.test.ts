import { describe, expect, it } from 'vitest';
import { joinName, NameMaker } from './names.js';
import { Random } from './random.js';
import { NAME_SYLLABLES } from './vocabulary.js';

describe('NameMaker', () => {
  it('keeps syllables apart in English so that names stay distinct in both languages', () => {
    expect(new Set(NAME_SYLLABLES.map((s) => s.en)).size).toBe(NAME_SYLLABLES.length);
    expect(new Set(NAME_SYLLABLES.map((s) => s.zh)).size).toBe(NAME_SYLLABLES.length);
  });

  it('joins a prefix and words: 渝芯智驾科技 / Yuxin Smart Driving Tech', () => {
    expect(
      joinName({ zh: '渝芯', en: 'Yuxin' }, { zh: '智驾', en: 'Smart Driving' }, { zh: '科技', en: 'Tech' }),
    ).toEqual({ zh: '渝芯智驾科技', en: 'Yuxin Smart Driving Tech' });
  });

  it('writes pinyin prefixes with an apostrophe before a vowel', () => {
    const names = new NameMaker(new Random(1));
    for (let i = 0; i < 500; i++)
      expect(names.prefix().en).toMatch(/^[A-Z][a-z]+('[aeo][a-z]*|[b-df-hj-np-tv-z][a-z]*)$/);
  });

  it('never repeats a name, numbering them when the words run out', () => {
    const names = new NameMaker(new Random(2));
    const made = Array.from({ length: 3000 }, () =>
      names.unique((prefix) => joinName(prefix, { zh: '科技', en: 'Tech' })),
    );
    expect(new Set(made.map((name) => name.zh)).size).toBe(made.length);
    expect(new Set(made.map((name) => name.en)).size).toBe(made.length);
    expect(made.some((name) => name.en.endsWith(')'))).toBe(true);
  });

  it('refuses a hand-written name given twice', () => {
    const names = new NameMaker(new Random(3));
    names.reserve({ zh: '渝江汽车集团', en: 'Yujiang Automotive Group' });
    expect(() => names.reserve({ zh: '渝江汽车集团', en: 'Yujiang Automotive Group' })).toThrow(/twice/);
  });
});
