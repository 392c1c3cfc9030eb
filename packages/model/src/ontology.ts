/**
 * The ontology as data: every entity kind, every relation kind and which kinds each relation
 * may connect. Store, seed, API and web read the rules from here; adding a kind is one entry
 * in ENTITY_KINDS (plus its name in the `from`/`to` lists of the relations it takes part in).
 */
import { z } from 'zod';

/** A display name in both languages the product speaks. */
export interface Bilingual {
  zh: string;
  en: string;
}

// ---------------------------------------------------------------------------------------------
// Shared vocabularies (enums used by several kinds)
// ---------------------------------------------------------------------------------------------

export const OWNERSHIPS = ['state', 'private', 'mixed', 'public'] as const;
export const Ownership = z.enum(OWNERSHIPS);
export type Ownership = z.infer<typeof Ownership>;

export const FIRM_STAGES = ['seed', 'growth', 'mature'] as const;
export const FirmStage = z.enum(FIRM_STAGES);
export type FirmStage = z.infer<typeof FirmStage>;

/** Annual revenue in yuan: under 10M, 10M to 100M, 100M to 1B, over 1B. */
export const REVENUE_BANDS = ['under10m', '10m-100m', '100m-1b', 'over1b'] as const;
export const RevenueBand = z.enum(REVENUE_BANDS);
export type RevenueBand = z.infer<typeof RevenueBand>;

export const OPENNESS = ['open', 'partial', 'closed'] as const;
export const Openness = z.enum(OPENNESS);
export type Openness = z.infer<typeof Openness>;

export const PLATFORM_OWNERS = ['soe', 'university', 'institute', 'private', 'government'] as const;
export const PlatformOwner = z.enum(PLATFORM_OWNERS);

export const FUND_TYPES = ['government-guided', 'soe-participating', 'social-capital-led'] as const;
export const FundType = z.enum(FUND_TYPES);

export const FUND_STAGE_FOCUS = ['seed', 'early', 'growth', 'mature'] as const;
export const FundStageFocus = z.enum(FUND_STAGE_FOCUS);

/** The four high-end producer services the source names. */
export const SERVICE_AREAS = [
  'resource-attraction',
  'common-tech-rd',
  'incubation',
  'market-integration',
] as const;
export const ServiceArea = z.enum(SERVICE_AREAS);
export type ServiceArea = z.infer<typeof ServiceArea>;

export const ACCESS_TYPES = ['equipment', 'joint-testing', 'pilot-runs', 'data', 'expertise'] as const;
export const AccessType = z.enum(ACCESS_TYPES);

export const AMOUNT_BANDS = ['under10m', '10m-50m', '50m-200m', 'over200m'] as const;
export const AmountBand = z.enum(AMOUNT_BANDS);

export const PARK_LEVELS = ['national', 'municipal', 'district'] as const;
export const CHAIN_POSITIONS = ['upstream', 'midstream', 'downstream', 'support'] as const;
export const ChainPosition = z.enum(CHAIN_POSITIONS);

/** A free-text tag such as a capability or a technical domain: short, trimmed, non-empty. */
const tag = z.string().trim().min(1).max(80);
const tags = z.array(tag).max(50);

// ---------------------------------------------------------------------------------------------
// Entity kinds
// ---------------------------------------------------------------------------------------------

export interface EntityKindDef {
  name: Bilingual;
  description: Bilingual;
  /** Kind-specific attributes. Values are strings, numbers, booleans or string lists, so that
   *  they store as Neo4j properties as they are. Unknown attributes are rejected. */
  attributes: z.ZodObject;
}

export const ENTITY_KINDS = {
  ChainLeader: {
    name: { zh: '链主企业', en: 'Chain leader' },
    description: {
      zh: '牵头产业链的龙头企业（多为国企），建设实验室与中试基地，牵头组建创新联合体',
      en: 'Lead enterprise of an industry chain (mostly state-owned); builds labs and pilot bases, leads consortia',
    },
    attributes: z.strictObject({
      ownership: Ownership.default('state'),
      sector: tag.optional(),
      revenueBand: RevenueBand.optional(),
      /** Capabilities the chain leader needs from suppliers (for the capability gap). */
      capabilitiesNeeded: tags.default([]),
    }),
  },
  PrivateFirm: {
    name: { zh: '民营企业', en: 'Private firm' },
    description: {
      zh: '民营配套企业或科技型中小企业',
      en: 'Private supplier or technology SME',
    },
    attributes: z.strictObject({
      ownership: Ownership.default('private'),
      sector: tag.optional(),
      stage: FirmStage,
      revenueBand: RevenueBand,
      capabilities: tags.default([]),
      /** Offers advanced services such as autonomous-driving scenario optimisation. */
      advancedServices: z.boolean().default(false),
    }),
  },
  Lab: {
    name: { zh: '重点实验室', en: 'Key lab' },
    description: {
      zh: '由国企、高校或科研院所建设的重点实验室',
      en: 'Key laboratory owned by an SOE, university or institute',
    },
    attributes: z.strictObject({
      ownerType: PlatformOwner,
      ownership: Ownership.optional(),
      openness: Openness,
      domains: tags.default([]),
    }),
  },
  PilotBase: {
    name: { zh: '中试基地', en: 'Pilot base' },
    description: {
      zh: '从实验室到生产线的中试、试生产基地',
      en: 'Pilot and trial-production base: the lab-to-production-line step',
    },
    attributes: z.strictObject({
      ownerType: PlatformOwner,
      ownership: Ownership.optional(),
      openness: Openness,
      domains: tags.default([]),
      /** Pilot runs a year it can host; used to weigh platform load. */
      capacity: z.number().int().positive().optional(),
    }),
  },
  Fund: {
    name: { zh: '产业发展基金', en: 'Industry fund' },
    description: {
      zh: '政府引导、国企参与、社会资本主导的产业发展基金（耐心资本）',
      en: 'Government-guided, SOE-participating or social-capital-led industry fund (patient capital)',
    },
    attributes: z.strictObject({
      fundType: FundType,
      ownership: Ownership.optional(),
      stageFocus: z.array(FundStageFocus).min(1),
      sizeBand: AmountBand.optional(),
      patientCapital: z.boolean().default(false),
    }),
  },
  SciencePark: {
    name: { zh: '科技创新产业园', en: 'Science park' },
    description: {
      zh: '承载、孵化企业的科技创新产业园',
      en: 'Park that hosts and incubates firms',
    },
    attributes: z.strictObject({
      ownership: Ownership.optional(),
      district: tag.optional(),
      level: z.enum(PARK_LEVELS).optional(),
      focus: tags.default([]),
    }),
  },
  ServiceInstitution: {
    name: { zh: '产业服务机构', en: 'Service institution' },
    description: {
      zh: '提供资源招引落地、共性技术攻关、孵化、市场整合等高端生产性服务的机构',
      en: 'High-end producer services: resource attraction, common-technology R&D, incubation, market integration',
    },
    attributes: z.strictObject({
      ownership: Ownership.optional(),
      serviceAreas: z.array(ServiceArea).min(1),
    }),
  },
  Consortium: {
    name: { zh: '创新联合体', en: 'Innovation consortium' },
    description: {
      zh: '由链主企业牵头、国企民企与实验室参与的创新联合体',
      en: 'Consortium led by a chain leader with SOEs, private firms and labs as members',
    },
    attributes: z.strictObject({
      focus: tags.default([]),
    }),
  },
  IndustryChain: {
    name: { zh: '产业链', en: 'Industry chain' },
    description: {
      zh: '实行链长制的重点产业链',
      en: 'Key industry chain governed by a chain chief',
    },
    attributes: z.strictObject({
      /** The chain chief (链长), usually an official's office. */
      chainChief: tag.optional(),
      segments: tags.default([]),
    }),
  },
} as const satisfies Record<string, EntityKindDef>;

export type EntityKind = keyof typeof ENTITY_KINDS;
export const ENTITY_KIND_NAMES = Object.keys(ENTITY_KINDS) as [EntityKind, ...EntityKind[]];
export const EntityKindSchema = z.enum(ENTITY_KIND_NAMES);

// ---------------------------------------------------------------------------------------------
// Relation kinds
// ---------------------------------------------------------------------------------------------

export interface RelationKindDef {
  name: Bilingual;
  description: Bilingual;
  from: readonly EntityKind[];
  to: readonly EntityKind[];
  /** A symmetric relation reads the same both ways (PAIRED_WITH); it is stored once. */
  symmetric: boolean;
  attributes: z.ZodObject;
}

const ORGANISATIONS = [
  'ChainLeader',
  'PrivateFirm',
  'Lab',
  'PilotBase',
  'ServiceInstitution',
] as const satisfies readonly EntityKind[];

export const RELATION_KINDS = {
  PAIRED_WITH: {
    name: { zh: '结对发展', en: 'Paired with' },
    description: {
      zh: '服务机构与科创园结对，或国企与民企结对',
      en: 'Pairing of a service institution with a science park, or of an SOE with a private firm',
    },
    from: ['ServiceInstitution', 'ChainLeader'],
    to: ['SciencePark', 'PrivateFirm'],
    symmetric: true,
    attributes: z.strictObject({ focusAreas: tags.default([]) }),
  },
  OPENS_TO: {
    name: { zh: '开放共享', en: 'Opens to' },
    description: {
      zh: '实验室或中试基地向民营企业开放',
      en: 'A lab or pilot base opened to a private firm',
    },
    from: ['Lab', 'PilotBase'],
    to: ['PrivateFirm'],
    symmetric: false,
    attributes: z.strictObject({ accessTypes: z.array(AccessType).default([]) }),
  },
  OPERATES: {
    name: { zh: '建设运营', en: 'Operates' },
    description: { zh: '建设并运营平台', en: 'Built and runs the platform' },
    from: ['ChainLeader'],
    to: ['Lab', 'PilotBase'],
    symmetric: false,
    attributes: z.strictObject({}),
  },
  SUPPLIES: {
    name: { zh: '配套供应', en: 'Supplies' },
    description: { zh: '供应链配套关系', en: 'Supply-chain link: a part or capability supplied' },
    from: ['PrivateFirm'],
    to: ['ChainLeader'],
    symmetric: false,
    attributes: z.strictObject({ capability: tag.optional(), part: tag.optional() }),
  },
  LEADS: {
    name: { zh: '牵头组建', en: 'Leads' },
    description: { zh: '牵头组建创新联合体', en: 'Leads an innovation consortium' },
    from: ['ChainLeader'],
    to: ['Consortium'],
    symmetric: false,
    attributes: z.strictObject({}),
  },
  MEMBER_OF: {
    name: { zh: '成员', en: 'Member of' },
    description: { zh: '创新联合体成员', en: 'Member of an innovation consortium' },
    from: ORGANISATIONS,
    to: ['Consortium'],
    symmetric: false,
    attributes: z.strictObject({ role: z.enum(['core', 'member']).default('member') }),
  },
  INVESTS_IN: {
    name: { zh: '投资', en: 'Invests in' },
    description: { zh: '基金投资企业', en: 'A fund invests in a private firm' },
    from: ['Fund'],
    to: ['PrivateFirm'],
    symmetric: false,
    attributes: z.strictObject({
      stage: FirmStage.optional(),
      amountBand: AmountBand.optional(),
    }),
  },
  BACKS: {
    name: { zh: '出资参与', en: 'Backs' },
    description: { zh: '国企参与出资基金', en: 'SOE participation in a fund' },
    from: ['ChainLeader'],
    to: ['Fund'],
    symmetric: false,
    attributes: z.strictObject({ role: z.enum(['lead', 'participant']).default('participant') }),
  },
  LOCATED_IN: {
    name: { zh: '位于', en: 'Located in' },
    description: { zh: '所在园区', en: 'Where it sits' },
    from: ORGANISATIONS,
    to: ['SciencePark'],
    symmetric: false,
    attributes: z.strictObject({}),
  },
  BELONGS_TO: {
    name: { zh: '所属产业链', en: 'Belongs to' },
    description: { zh: '服务的产业链', en: 'Which industry chain it serves' },
    from: [
      'ChainLeader',
      'PrivateFirm',
      'Lab',
      'PilotBase',
      'Fund',
      'SciencePark',
      'ServiceInstitution',
      'Consortium',
    ],
    to: ['IndustryChain'],
    symmetric: false,
    attributes: z.strictObject({ position: ChainPosition.optional() }),
  },
} as const satisfies Record<string, RelationKindDef>;

export type RelationKind = keyof typeof RELATION_KINDS;
export const RELATION_KIND_NAMES = Object.keys(RELATION_KINDS) as [RelationKind, ...RelationKind[]];
export const RelationKindSchema = z.enum(RELATION_KIND_NAMES);

export const RELATION_STATUSES = ['planned', 'active', 'ended'] as const;
export const RelationStatus = z.enum(RELATION_STATUSES);
export type RelationStatus = z.infer<typeof RelationStatus>;

/** How sure we are that a relation exists: a planner must tell fact from assumption. */
export const CONFIDENCES = ['confirmed', 'reported', 'assumed'] as const;
export const Confidence = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof Confidence>;

/** Display names of the enum values a client shows (statuses, confidences). */
export const VALUE_NAMES: Record<string, Bilingual> = {
  planned: { zh: '计划', en: 'Planned' },
  active: { zh: '有效', en: 'Active' },
  ended: { zh: '已结束', en: 'Ended' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  reported: { zh: '报道', en: 'Reported' },
  assumed: { zh: '推定', en: 'Assumed' },
  state: { zh: '国有', en: 'State-owned' },
  private: { zh: '民营', en: 'Private' },
  mixed: { zh: '混合所有制', en: 'Mixed ownership' },
  public: { zh: '公共机构', en: 'Public institution' },
  seed: { zh: '种子期', en: 'Seed' },
  growth: { zh: '成长期', en: 'Growth' },
  mature: { zh: '成熟期', en: 'Mature' },
  open: { zh: '开放', en: 'Open' },
  partial: { zh: '部分开放', en: 'Partly open' },
  closed: { zh: '未开放', en: 'Closed' },
};

/** May a relation of this kind run from an entity of kind `from` to one of kind `to`? */
export function relationAllowed(relation: RelationKind, from: EntityKind, to: EntityKind): boolean {
  const def: RelationKindDef = RELATION_KINDS[relation];
  return def.from.includes(from) && def.to.includes(to);
}

/** Reads the rule of a relation kind as a sentence, for error messages. */
export function describeRule(relation: RelationKind): string {
  const def: RelationKindDef = RELATION_KINDS[relation];
  return `${relation} runs from ${def.from.join(' | ')} to ${def.to.join(' | ')}`;
}

/** Entity and relation properties that the store owns; attributes may not use these names. */
export const RESERVED_PROPERTIES = [
  'id',
  'kind',
  'type',
  'nameZh',
  'nameEn',
  'description',
  'version',
  'createdAt',
  'updatedAt',
  'since',
  'until',
  'status',
  'source',
  'confidence',
  'from',
  'to',
] as const;
