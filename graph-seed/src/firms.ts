/**
 * Private firms of the long tail, for the seed and the generator alike: a name from the line's
 * words, capabilities from the line, a stage that follows revenue, and an entry date that follows
 * the stage (mature firms have been around longer, seed-stage ones are recent).
 */
import type { FirmStage, RevenueBand } from '@innograph/model';
import type { FirmActor } from './ecosystem.js';
import { joinName, type NameMaker } from './names.js';
import type { Random } from './random.js';
import { entryDay } from './ties.js';
import type { FirmLine } from './vocabulary.js';

/** What sets one firm apart before it gets a name. */
export interface FirmProfile {
  revenueBand: RevenueBand;
  /** Offers advanced services (only lines with advanced capabilities can). */
  advanced: boolean;
}

const STAGES_BY_REVENUE: Record<RevenueBand, readonly (readonly [FirmStage, number])[]> = {
  under10m: [
    ['seed', 55],
    ['growth', 45],
  ],
  '10m-100m': [
    ['growth', 70],
    ['mature', 30],
  ],
  '100m-1b': [
    ['growth', 25],
    ['mature', 75],
  ],
  over1b: [['mature', 1]],
};

type RevenueMix = readonly (readonly [RevenueBand, number])[];

/** Revenue of automotive-software firms as the interview puts it: about 2.5% above 100 million. */
export const SOFTWARE_REVENUE: RevenueMix = [
  ['under10m', 56],
  ['10m-100m', 41.5],
  ['100m-1b', 2.2],
  ['over1b', 0.3],
];

/** Revenue of hardware and equipment suppliers. */
export const SUPPLIER_REVENUE: RevenueMix = [
  ['under10m', 30],
  ['10m-100m', 50],
  ['100m-1b', 18],
  ['over1b', 2],
];

/** The larger the exponent, the earlier the entry: mature firms came first. */
const ENTRY_SKEW: Record<FirmStage, number> = { mature: 1.5, growth: 0.7, seed: 0.35 };

export function stageFor(random: Random, revenueBand: RevenueBand): FirmStage {
  return random.weighted(STAGES_BY_REVENUE[revenueBand]);
}

/** The day a firm of this stage entered the ecosystem, between 2018 and just before today. */
export function entryDayFor(random: Random, stage: FirmStage): number {
  return entryDay(random, ENTRY_SKEW[stage]);
}

function capabilitiesFor(random: Random, line: FirmLine, advanced: boolean): string[] {
  const ordinary = random.sample(line.capabilities, random.int(1, 3));
  if (!advanced) return ordinary;
  const [first, ...others] = line.advancedCapabilities;
  const extra = others.filter(() => random.chance(0.5));
  return [...(first === undefined ? [] : [first]), ...extra, ...ordinary];
}

export function makeFirm(
  random: Random,
  names: NameMaker,
  id: string,
  chain: string,
  line: FirmLine,
  profile: FirmProfile,
): FirmActor {
  const advanced = profile.advanced && line.advancedCapabilities.length > 0;
  const stage = stageFor(random, profile.revenueBand);
  const name = names.unique((prefix) =>
    joinName(prefix, random.pick(line.words), random.pick(line.suffixes)),
  );
  return {
    entity: {
      id,
      kind: 'PrivateFirm',
      name,
      attributes: {
        ownership: 'private',
        sector: line.sector,
        stage,
        revenueBand: profile.revenueBand,
        capabilities: capabilitiesFor(random, line, advanced),
        advancedServices: advanced,
      },
    },
    chains: [chain],
    position: line.position,
    entered: entryDayFor(random, stage),
    line,
  };
}
