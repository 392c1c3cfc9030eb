/**
 * The gap report's CSV downloads: every gap with its reasons, the suggested relations with their
 * factors, and the indicator shares overall and per chain. Both languages go in every file (a
 * planner forwards it to colleagues who read either); names are taken from the explorer's graph.
 */
import { GAP_NAMES } from '@innograph/analytics';
import {
  type GapItemRecord,
  type IndicatorsRecord,
  SHARE_NAME_LIST,
  type SuggestionRecord,
} from '@innograph/model';
import { type CsvCell, toCsv } from '../export/csv.js';
import { SHARE_LABELS } from '../i18n.js';

export interface Names {
  zh(id: string): string;
  en(id: string): string;
}

const rounded = (value: number) => Math.round(value * 1000) / 1000;

export function gapsCsv(items: readonly GapItemRecord[], names: Names): string {
  return toCsv(
    [
      'gap_type',
      'gap_zh',
      'gap_en',
      'entity_id',
      'entity_zh',
      'entity_en',
      'severity',
      'reason_zh',
      'reason_en',
      'involved_ids',
    ],
    items.map((item) => [
      item.type,
      GAP_NAMES[item.type].zh,
      GAP_NAMES[item.type].en,
      item.entity,
      names.zh(item.entity),
      names.en(item.entity),
      rounded(item.severity),
      item.reasons.zh,
      item.reasons.en,
      item.involved.join(';'),
    ]),
  );
}

export function suggestionsCsv(items: readonly SuggestionRecord[], names: Names): string {
  return toCsv(
    [
      'rank',
      'relation',
      'from_id',
      'from_zh',
      'from_en',
      'to_id',
      'to_zh',
      'to_en',
      'score',
      'closes_gap',
      'factors_zh',
      'factors_en',
    ],
    items.map((s, index) => [
      index + 1,
      s.type,
      s.from,
      names.zh(s.from),
      names.en(s.from),
      s.to,
      names.zh(s.to),
      names.en(s.to),
      rounded(s.score),
      s.closes,
      s.factors.map((f) => `${f.note.zh} (${rounded(f.value * f.weight)})`).join('; '),
      s.factors.map((f) => `${f.note.en} (${rounded(f.value * f.weight)})`).join('; '),
    ]),
  );
}

/** One row per scope (the whole ecosystem, then each chain) and share. */
export function indicatorsCsv(indicators: IndicatorsRecord): string {
  const scopes = [
    { id: '', zh: '整体', en: 'Whole ecosystem', shares: indicators.overall.shares },
    ...indicators.chains.map((c) => ({ id: c.chain, zh: c.name.zh, en: c.name.en, shares: c.shares })),
  ];
  const rows: CsvCell[][] = [];
  for (const scope of scopes) {
    for (const name of SHARE_NAME_LIST) {
      const share = scope.shares[name];
      rows.push([
        scope.id,
        scope.zh,
        scope.en,
        name,
        SHARE_LABELS[name].zh,
        SHARE_LABELS[name].en,
        share?.numerator,
        share?.denominator,
        share?.value === null || share?.value === undefined ? null : rounded(share.value),
      ]);
    }
  }
  return toCsv(
    [
      'chain_id',
      'scope_zh',
      'scope_en',
      'indicator',
      'indicator_zh',
      'indicator_en',
      'numerator',
      'denominator',
      'share',
    ],
    rows,
  );
}
