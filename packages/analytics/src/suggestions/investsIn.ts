/**
 * INVESTS_IN suggestions: a fund investing in a growth-stage private firm no fund backs
 * (closes a capital gap).
 *
 * Candidates for each capital-gap firm: the funds of its chains and the funds backed by the
 * chain leaders it supplies (every fund whose stage focus includes growth when there are none).
 * Each is scored (weights sum to 1):
 * - stageFit 0.35: 1 when the fund's `stageFocus` includes growth, 0.5 when it includes a
 *   neighbouring stage (early or mature), else 0;
 * - sameChain 0.25: 1 when the fund belongs to one of the firm's chains;
 * - backerLink 0.2: 1 when a chain leader the firm supplies backs the fund (以大带小);
 * - patientCapital 0.1: 1 for a fund marked as patient capital;
 * - portfolioRoom 0.1: 1 / (1 + active investments / 20).
 */
import type { Bilingual } from '@innograph/model';
import type { Ecosystem } from '../ecosystem.js';
import {
  chainsOfEntity,
  inOf,
  isFunded,
  leadersSupplied,
  ofKind,
  outOf,
  tagsAttribute,
} from '../ecosystem.js';
import { growthFirms } from '../gaps/capitalGaps.js';
import { compareKeys } from '../graph.js';
import { nameList, plural } from '../text.js';
import type { Candidates, Scored } from './common.js';
import { Marks, ScoreFloor, scoreOf, shares, suggestion, TopCandidates } from './common.js';
import type { Suggestion } from './types.js';

export const INVESTS_IN_FACTORS = [
  'stageFit',
  'sameChain',
  'backerLink',
  'patientCapital',
  'portfolioRoom',
] as const;
export const INVESTS_IN_WEIGHTS = [0.35, 0.25, 0.2, 0.1, 0.1] as const;

const STAGE_NAMES: Record<string, Bilingual> = {
  seed: { zh: '种子期', en: 'seed' },
  early: { zh: '早期', en: 'early' },
  growth: { zh: '成长期', en: 'growth' },
  mature: { zh: '成熟期', en: 'mature' },
};

interface FundInfo {
  key: string;
  /** Numbers of its chains (for scoring). */
  chainIds: number[];
  backerIds: number[];
  /** The stage fit (first factor), which depends on the fund only. */
  stageFit: number;
  stages: string[];
  chains: readonly string[];
  backers: readonly string[];
  patient: boolean;
  portfolio: number;
  /** The weighted sum of its own factors (stage fit, patient capital, portfolio room). */
  own: number;
}

const [W_STAGE, W_CHAIN, W_BACKER, W_PATIENT, W_ROOM] = INVESTS_IN_WEIGHTS;

function listIn(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The INVESTS_IN candidates of every capital-gap firm (see the module comment) that can be
 *  among the first `limit` (see ScoreFloor). */
export function investsInCandidates(
  eco: Ecosystem,
  inChain: (node: string) => boolean,
  perGap: number,
  limit: number,
): Candidates {
  const funds: FundInfo[] = [];
  const byKey = new Map<string, FundInfo>();
  const byChain = new Map<string, number[]>();
  const byBacker = new Map<string, number[]>();
  const growthFocused: number[] = [];
  const chainMarks = new Marks();
  const leaderMarks = new Marks();
  let bestOwn = 0;
  for (const fund of ofKind(eco, 'Fund')) {
    const stages = tagsAttribute(eco, fund, 'stageFocus');
    const chains = chainsOfEntity(eco, fund);
    const backers = inOf(eco, 'BACKS', fund);
    const stageFit = stages.includes('growth')
      ? 1
      : stages.includes('early') || stages.includes('mature')
        ? 0.5
        : 0;
    const patient = eco.graph.getNodeAttribute(fund, 'patientCapital') === true;
    const portfolio = outOf(eco, 'INVESTS_IN', fund, 'PrivateFirm').length;
    const own = W_STAGE * stageFit + W_PATIENT * (patient ? 1 : 0) + W_ROOM * (1 / (1 + portfolio / 20));
    if (own > bestOwn) bestOwn = own;
    const f: FundInfo = {
      key: fund,
      chainIds: chainMarks.idsOf(chains),
      backerIds: leaderMarks.idsOf(backers),
      stageFit,
      stages,
      chains,
      backers,
      patient,
      portfolio,
      own,
    };
    const number = funds.length;
    funds.push(f);
    byKey.set(fund, f);
    for (const chain of f.chains) listIn(byChain, chain, number);
    for (const leader of f.backers) listIn(byBacker, leader, number);
    if (f.stages.includes('growth')) growthFocused.push(number);
  }

  const kept: Scored[] = [];
  const seen = new Int32Array(funds.length);
  const candidates: number[] = [];
  const values = [0, 0, 0, 0, 0];
  const top = new TopCandidates(perGap, values.length);
  const floor = new ScoreFloor(limit);
  let stamp = 0;
  const add = (list: readonly number[] | undefined) => {
    if (!list) return;
    for (const f of list) {
      if (seen[f] === stamp) continue;
      seen[f] = stamp;
      candidates.push(f);
    }
  };
  for (const firm of growthFirms(eco)) {
    if (isFunded(eco, firm) || !inChain(firm)) continue;
    const supplied = leadersSupplied(eco, firm);
    // The firm's best possible score: a fund of its chain backed by a leader it supplies, with
    // the best own factors of any fund.
    if (!floor.reaches(W_CHAIN + (supplied.length > 0 ? W_BACKER : 0) + bestOwn)) continue;
    const chains = chainsOfEntity(eco, firm);
    const leaders = new Set(supplied);
    stamp += 1;
    candidates.length = 0;
    // Once no fund without a backer link can reach the floor, the candidates that can are among
    // those backed by the leaders the firm supplies (its chains' funds and the fallback to every
    // growth-focused fund add none that can).
    const backersOnly = !floor.reaches(W_CHAIN + bestOwn);
    if (!backersOnly) for (const chain of chains) add(byChain.get(chain));
    for (const leader of leaders) add(byBacker.get(leader));
    const pool = candidates.length > 0 || backersOnly ? candidates : growthFocused;

    chainMarks.mark(chains);
    leaderMarks.mark(leaders);
    for (const number of pool) {
      const f = funds[number] as FundInfo;
      const sameChain = chainMarks.hasAny(f.chainIds) ? 1 : 0;
      const backerLink = leaderMarks.hasAny(f.backerIds) ? 1 : 0;
      if (!floor.reaches(f.own + W_CHAIN * sameChain + W_BACKER * backerLink)) continue;
      values[0] = f.stageFit;
      values[1] = sameChain;
      values[2] = backerLink;
      values[3] = f.patient ? 1 : 0;
      values[4] = 1 / (1 + f.portfolio / 20);
      top.offer(f.key, values, scoreOf(values, INVESTS_IN_WEIGHTS));
    }
    top.drain(firm, kept, floor);
  }

  const describe = (scored: Scored): Suggestion => {
    const firm = scored.gap;
    const fund = scored.candidate;
    const f = byKey.get(fund) as FundInfo;
    const chains = chainsOfEntity(eco, firm);
    const leaders = new Set(leadersSupplied(eco, firm));
    const chain = shares(chains, f.chains);
    const backers = f.backers.filter((l) => leaders.has(l)).sort(compareKeys);
    const stages = f.stages.map((s) => STAGE_NAMES[s] ?? { zh: s, en: s });
    const notes: Bilingual[] = [
      {
        zh: `基金投资阶段：${stages.map((s) => s.zh).join('、') || '未知'}；企业处于成长期`,
        en: `the fund invests at ${stages.map((s) => s.en).join(', ') || 'unknown'} stage; the firm is growth-stage`,
      },
      chain
        ? { zh: `同属${nameList(eco, [chain]).zh}`, en: `both in ${nameList(eco, [chain]).en}` }
        : { zh: '不在同一产业链', en: 'not in the same chain' },
      backers.length > 0
        ? {
            zh: `企业为基金出资方${nameList(eco, backers).zh}配套`,
            en: `the fund is backed by ${nameList(eco, backers).en}, which the firm supplies`,
          }
        : { zh: '企业不为基金出资方配套', en: "the firm supplies none of the fund's backers" },
      f.patient ? { zh: '耐心资本', en: 'patient capital' } : { zh: '非耐心资本', en: 'not patient capital' },
      { zh: `在投企业${f.portfolio}家`, en: plural(f.portfolio, 'active investment') },
    ];
    return suggestion('INVESTS_IN', fund, firm, scored, INVESTS_IN_FACTORS, INVESTS_IN_WEIGHTS, notes);
  };
  return { type: 'INVESTS_IN', kept, describe };
}
