/**
 * Illustrative bilingual names: a place-like two-syllable prefix (渝芯 / Yuxin) joined to domain
 * words (智驾科技 / Smart Driving Tech). Names are unique in both languages within one maker.
 */
import type { Bilingual } from '@innograph/model';
import type { Random } from './random.js';
import { NAME_SYLLABLES } from './vocabulary.js';

const FRESH_ATTEMPTS = 16;

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Pinyin puts an apostrophe before a syllable that starts with a vowel: Yu'an, not Yuan. */
function joinPinyin(first: string, second: string): string {
  return `${capitalise(first)}${/^[aeo]/.test(second) ? "'" : ''}${second}`;
}

export function joinName(...parts: Bilingual[]): Bilingual {
  return {
    zh: parts.map((part) => part.zh).join(''),
    en: parts.map((part) => part.en).join(' '),
  };
}

export class NameMaker {
  private readonly takenZh = new Set<string>();
  private readonly takenEn = new Set<string>();

  constructor(private readonly random: Random) {}

  /** A place-like prefix of two different syllables: 渝芯 / Yuxin. */
  prefix(): Bilingual {
    const first = this.random.pick(NAME_SYLLABLES);
    let second = this.random.pick(NAME_SYLLABLES);
    while (second === first) second = this.random.pick(NAME_SYLLABLES);
    return { zh: `${first.zh}${second.zh}`, en: joinPinyin(first.en, second.en) };
  }

  /** Records a hand-written name so that no generated name repeats it. Throws on a repeat. */
  reserve(name: Bilingual): Bilingual {
    if (!this.isFree(name)) throw new Error(`names: '${name.zh}' / '${name.en}' is used twice`);
    return this.take(name);
  }

  /**
   * A fresh name from `compose`, which is given a random prefix. When the combinations run short,
   * the name gets a number: 渝芯智驾科技（2） / Yuxin Smart Driving Tech (2).
   */
  unique(compose: (prefix: Bilingual) => Bilingual): Bilingual {
    for (let attempt = 0; attempt < FRESH_ATTEMPTS; attempt++) {
      const name = compose(this.prefix());
      if (this.isFree(name)) return this.take(name);
    }
    const base = compose(this.prefix());
    for (let number = 2; ; number++) {
      const name = { zh: `${base.zh}（${number}）`, en: `${base.en} (${number})` };
      if (this.isFree(name)) return this.take(name);
    }
  }

  private isFree(name: Bilingual): boolean {
    return !this.takenZh.has(name.zh) && !this.takenEn.has(name.en);
  }

  private take(name: Bilingual): Bilingual {
    this.takenZh.add(name.zh);
    this.takenEn.add(name.en);
    return name;
  }
}
