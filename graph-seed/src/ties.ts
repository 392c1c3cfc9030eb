/**
 * Makes relations ("ties") with ids, dates, status and evidence. Dates run from 2018 to the end of
 * 2026; a tie never starts before both its ends entered the ecosystem, and starts skew towards
 * later years, so that a time slider shows the network growing.
 */
import type {
  Confidence,
  Relation,
  RelationAttributes,
  RelationKind,
  RelationStatus,
} from '@innograph/model';
import type { Random } from './random.js';

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(2018, 0, 1);

/** Days are counted from 2018-01-01 (day 0). */
export function dayOf(isoDate: string): number {
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - EPOCH) / MS_PER_DAY);
}

export const FIRST_DAY = 0;
export const LAST_DAY = dayOf('2026-12-31');
/** An ended tie lasted two months to about two and a half years. */
const ENDED_MIN_DAYS = 60;
const ENDED_SPREAD_DAYS = 900;

/** "Now" in the story: ties before it are active or ended, ties after it are planned. */
export const PRESENT_DAY = dayOf('2026-03-01');

/** A day before today on which an actor joined the ecosystem; the larger `skew`, the earlier. */
export function entryDay(random: Random, skew: number): number {
  return Math.floor((PRESENT_DAY - 30) * random.next() ** skew);
}

let isoDays: string[] | undefined;

/** The ISO date of a day number; the strings are made once and shared. */
export function isoOf(day: number): string {
  if (isoDays === undefined) {
    isoDays = [];
    for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
      isoDays.push(new Date(EPOCH + d * MS_PER_DAY).toISOString().slice(0, 10));
    }
  }
  const iso = isoDays[Math.min(Math.max(Math.round(day), FIRST_DAY), LAST_DAY)];
  if (iso === undefined) throw new Error(`ties: no date for day ${day}`);
  return iso;
}

/** A relation before the factory gives it an id, dates and evidence. */
export type RelationDraft = {
  [R in RelationKind]: { type: R; from: string; to: string; attributes: RelationAttributes<R> };
}[RelationKind];

/** When a tie may start: not before `after`; `since` and `status` fix them when given. */
export interface TieTiming {
  after: number;
  since?: number;
  status?: RelationStatus;
}

interface TieProfile {
  status: readonly (readonly [RelationStatus, number])[];
  confidence: readonly (readonly [Confidence, number])[];
}

const STRUCTURAL: TieProfile = {
  status: [['active', 1]],
  confidence: [
    ['confirmed', 8],
    ['reported', 2],
  ],
};

/** How often ties of each kind are planned or ended, and how sure the record is. */
const TIE_PROFILES: Record<RelationKind, TieProfile> = {
  BELONGS_TO: STRUCTURAL,
  OPERATES: STRUCTURAL,
  LEADS: STRUCTURAL,
  LOCATED_IN: {
    status: [
      ['active', 95],
      ['ended', 5],
    ],
    confidence: [
      ['confirmed', 7],
      ['reported', 3],
    ],
  },
  SUPPLIES: {
    status: [
      ['active', 80],
      ['ended', 12],
      ['planned', 8],
    ],
    confidence: [
      ['confirmed', 4],
      ['reported', 4],
      ['assumed', 2],
    ],
  },
  MEMBER_OF: {
    status: [
      ['active', 85],
      ['planned', 10],
      ['ended', 5],
    ],
    confidence: [
      ['confirmed', 6],
      ['reported', 3],
      ['assumed', 1],
    ],
  },
  BACKS: {
    status: [['active', 1]],
    confidence: [
      ['confirmed', 6],
      ['reported', 4],
    ],
  },
  INVESTS_IN: {
    status: [
      ['active', 85],
      ['ended', 15],
    ],
    confidence: [
      ['confirmed', 5],
      ['reported', 4],
      ['assumed', 1],
    ],
  },
  OPENS_TO: {
    status: [
      ['active', 75],
      ['planned', 15],
      ['ended', 10],
    ],
    confidence: [
      ['confirmed', 3],
      ['reported', 4],
      ['assumed', 3],
    ],
  },
  PAIRED_WITH: {
    status: [
      ['active', 60],
      ['planned', 25],
      ['ended', 15],
    ],
    confidence: [
      ['confirmed', 4],
      ['reported', 4],
      ['assumed', 2],
    ],
  },
};

function slugOf(type: RelationKind): string {
  return type.toLowerCase().replaceAll('_', '-');
}

/** Collects relations; ids are `<kind>-<number>` per kind, in the order ties are made. */
export class TieFactory {
  readonly relations: Relation[] = [];
  private readonly counters = new Map<RelationKind, number>();

  constructor(
    private readonly random: Random,
    /** The evidence note every tie carries. */
    private readonly source: string,
    /** Put before every relation id, so that datasets made apart can be loaded together. */
    private readonly idPrefix = '',
  ) {}

  add(draft: RelationDraft, timing: TieTiming): Relation {
    const profile = TIE_PROFILES[draft.type];
    const status = timing.status ?? this.statusFor(profile, timing);
    const { since, until } = this.datesOf(status, timing);
    const relation: Relation = {
      id: this.nextId(draft.type),
      ...draft,
      status,
      since: isoOf(since),
      ...(until === undefined ? {} : { until: isoOf(until) }),
      evidence: { source: this.source, confidence: this.random.weighted(profile.confidence) },
    };
    this.relations.push(relation);
    return relation;
  }

  /** A drawn status; a tie whose ends are too new to have lasted and ended stays active. */
  private statusFor(profile: TieProfile, timing: TieTiming): RelationStatus {
    const status = this.random.weighted(profile.status);
    const start = timing.since ?? timing.after;
    return status === 'ended' && PRESENT_DAY - start <= 2 * ENDED_MIN_DAYS ? 'active' : status;
  }

  private nextId(type: RelationKind): string {
    const count = (this.counters.get(type) ?? 0) + 1;
    this.counters.set(type, count);
    return `${this.idPrefix}${slugOf(type)}-${String(count).padStart(6, '0')}`;
  }

  /** Start (and end) days: skewed late, after both ends exist; planned ties start after today. */
  private datesOf(status: RelationStatus, timing: TieTiming): { since: number; until?: number } {
    const after = Math.min(Math.max(timing.after, FIRST_DAY), PRESENT_DAY - 1);
    if (status === 'planned') {
      const earliest = Math.max(PRESENT_DAY, timing.since ?? PRESENT_DAY);
      return { since: this.random.int(earliest, LAST_DAY) };
    }
    const room = PRESENT_DAY - 1 - after;
    if (status === 'active') {
      return { since: timing.since ?? after + Math.floor(room * Math.sqrt(this.random.next())) };
    }
    const since = timing.since ?? after + Math.floor(Math.max(0, room - ENDED_MIN_DAYS) * this.random.next());
    const until = Math.min(PRESENT_DAY - 1, since + ENDED_MIN_DAYS + this.random.int(0, ENDED_SPREAD_DAYS));
    return { since, until };
  }
}
