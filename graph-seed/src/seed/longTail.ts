/**
 * The seed's long tail of private firms, by quota so that the interview's figures hold exactly:
 * 320 automotive-software firms ("over 300"), 8 of them with revenue above 100 million yuan
 * ("fewer than 10"), 22 offering advanced services such as autonomous-driving scenario
 * optimisation (6.9%, "under 8%"); plus 40 hardware suppliers of the NEV chain and 30 firms of
 * the equipment chain.
 */
import type { FirmActor } from '../ecosystem.js';
import { type FirmProfile, makeFirm, SUPPLIER_REVENUE } from '../firms.js';
import type { NameMaker } from '../names.js';
import type { Random } from '../random.js';
import { AUTOMOTIVE_SOFTWARE, type ChainTheme, EQUIPMENT_THEME, lineOf, NEV_THEME } from '../vocabulary.js';
import { EQUIPMENT, NEV } from './catalog.js';

function repeat(count: number, profile: FirmProfile): FirmProfile[] {
  return Array.from({ length: count }, () => ({ ...profile }));
}

/** 320 profiles: 8 large (5 advanced), 132 mid-sized (12 advanced), 180 small (5 advanced). */
function softwareProfiles(): FirmProfile[] {
  return [
    ...repeat(4, { revenueBand: '100m-1b', advanced: true }),
    ...repeat(3, { revenueBand: '100m-1b', advanced: false }),
    ...repeat(1, { revenueBand: 'over1b', advanced: true }),
    ...repeat(12, { revenueBand: '10m-100m', advanced: true }),
    ...repeat(120, { revenueBand: '10m-100m', advanced: false }),
    ...repeat(5, { revenueBand: 'under10m', advanced: true }),
    ...repeat(175, { revenueBand: 'under10m', advanced: false }),
  ];
}

interface SupplierQuota {
  theme: ChainTheme;
  chain: string;
  sector: string;
  count: number;
}

const SUPPLIER_QUOTAS: readonly SupplierQuota[] = [
  { theme: NEV_THEME, chain: NEV, sector: 'auto-parts', count: 24 },
  { theme: NEV_THEME, chain: NEV, sector: 'power-battery', count: 11 },
  { theme: NEV_THEME, chain: NEV, sector: 'charging-services', count: 5 },
  { theme: EQUIPMENT_THEME, chain: EQUIPMENT, sector: 'industrial-software', count: 8 },
  { theme: EQUIPMENT_THEME, chain: EQUIPMENT, sector: 'robotics', count: 10 },
  { theme: EQUIPMENT_THEME, chain: EQUIPMENT, sector: 'equipment-components', count: 12 },
];

function numbered(prefix: string, index: number): string {
  return `${prefix}-${String(index + 1).padStart(3, '0')}`;
}

export function seedFirms(random: Random, names: NameMaker): FirmActor[] {
  const software = lineOf(NEV_THEME, AUTOMOTIVE_SOFTWARE);
  const softwareFirms = random
    .shuffle(softwareProfiles())
    .map((profile, index) => makeFirm(random, names, numbered('pf-sw', index), NEV, software, profile));
  const suppliers: FirmActor[] = [];
  const numberInChain = new Map<string, number>();
  for (const { theme, chain, sector, count } of SUPPLIER_QUOTAS) {
    const line = lineOf(theme, sector);
    const prefix = chain === NEV ? 'pf-nev' : 'pf-eq';
    for (let i = 0; i < count; i++) {
      const profile = { revenueBand: random.weighted(SUPPLIER_REVENUE), advanced: false };
      const index = numberInChain.get(chain) ?? 0;
      numberInChain.set(chain, index + 1);
      suppliers.push(makeFirm(random, names, numbered(prefix, index), chain, line, profile));
    }
  }
  return [...softwareFirms, ...suppliers];
}
