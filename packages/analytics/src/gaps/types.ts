/**
 * The gaps a planner looks for (DOMAIN.md) and the shape of one gap item. Field names are the
 * contract the API will expose (packages/model adds the zod schema): keep them as they are.
 */
import { type Bilingual, GAP_TYPE_NAMES } from '@innograph/model';

/** The gap types; the model's list, which the HTTP contract validates against. */
export const GAP_TYPES = GAP_TYPE_NAMES;

export type GapType = (typeof GAP_TYPES)[number];

/**
 * A gap found: its type, its entity and how severe it is. The detectors find entries; the
 * sentences and the entities they name are written only for the entries a reader is shown
 * (`GapList.describe`): at 100,000 entities a report holds 160,000 gaps, and a planner reads a page.
 */
export interface GapEntry {
  type: GapType;
  /** The entity the gap is about (a firm, platform, park, chain leader or chain). */
  entity: string;
  /** 0..1, higher is more urgent; the formula of each type is in its detector's comment. */
  severity: number;
}

export interface GapItem extends GapEntry {
  /** A sentence a planner can read aloud, in Chinese and English. */
  reasons: Bilingual;
  /** Other entities the reasons mention (chains, leaders, consortia, platforms...), sorted. */
  involved: string[];
}

export type GapCounts = Record<GapType, number>;

/** Options every detector takes. */
export interface GapDetectorOptions {
  /** Keep only gaps whose entity is counted in this IndustryChain (see `chainScope`). */
  chain?: string;
}

export const GAP_NAMES: Record<GapType, Bilingual> = {
  access: { zh: '开放共享缺口', en: 'Access gap' },
  closedPlatform: { zh: '封闭平台', en: 'Closed platform' },
  pairing: { zh: '结对缺口', en: 'Pairing gap' },
  capital: { zh: '资本缺口', en: 'Capital gap' },
  consortiumExclusion: { zh: '未纳入创新联合体', en: 'Consortium exclusion' },
  capability: { zh: '能力缺口', en: 'Capability gap' },
  bridging: { zh: '国企民企联通薄弱', en: 'Weak SOE–private bridging' },
};
