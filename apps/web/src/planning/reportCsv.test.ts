import { describe, expect, it } from 'vitest';
import { gapsCsv, indicatorsCsv, suggestionsCsv } from './reportCsv.js';

const names = { zh: (id: string) => `名${id}`, en: (id: string) => `Name ${id}` };
const lines = (csv: string) => csv.replace('\uFEFF', '').trimEnd().split('\r\n');

describe('report CSV', () => {
  it('lists every gap with both languages and its involved entities', () => {
    const csv = gapsCsv(
      [
        {
          type: 'access',
          entity: 'f1',
          severity: 0.8333,
          reasons: { zh: '未接入开放平台', en: 'reaches no open lab, or pilot base' },
          involved: ['cl1', 'cl2'],
        },
      ],
      names,
    );
    expect(lines(csv)).toEqual([
      'gap_type,gap_zh,gap_en,entity_id,entity_zh,entity_en,severity,reason_zh,reason_en,involved_ids',
      'access,开放共享缺口,Access gap,f1,名f1,Name f1,0.833,未接入开放平台,"reaches no open lab, or pilot base",cl1;cl2',
    ]);
  });

  it('ranks suggestions and spells out their weighted factors', () => {
    const csv = suggestionsCsv(
      [
        {
          type: 'OPENS_TO',
          from: 'lab',
          to: 'f1',
          score: 0.75,
          closes: 'access',
          factors: [{ name: 'chain', value: 1, weight: 0.5, note: { zh: '同链', en: 'same chain' } }],
        },
      ],
      names,
    );
    expect(lines(csv)[1]).toBe(
      '1,OPENS_TO,lab,名lab,Name lab,f1,名f1,Name f1,0.75,access,同链 (0.5),same chain (0.5)',
    );
  });

  it('writes each share overall and per chain, empty when it has no population', () => {
    const share = (numerator: number, denominator: number) => ({
      numerator,
      denominator,
      value: denominator === 0 ? null : numerator / denominator,
    });
    const shares = {
      privateFirmsWithAccess: share(1, 3),
      soePlatformsOpen: share(0, 0),
      parksPaired: share(1, 1),
      growthFirmsFunded: share(0, 2),
      consortiumInclusion: share(0, 0),
      leaderNeedsSourced: share(2, 4),
      crossOwnershipTies: share(5, 10),
      soePrivateTies: share(3, 10),
    };
    const csv = indicatorsCsv({
      overall: { shares, soePrivateBrokers: 0 },
      chains: [{ chain: 'ch1', name: { zh: '新能源汽车', en: 'NEV' }, shares, soePrivateBrokers: 0 }],
      network: null,
    });
    const rows = lines(csv);
    expect(rows).toHaveLength(1 + 2 * 8);
    expect(rows[1]).toBe(
      ',整体,Whole ecosystem,privateFirmsWithAccess,可使用开放平台的民营企业占比,Private firms with platform access,1,3,0.333',
    );
    expect(rows[2]).toMatch(/^,整体,Whole ecosystem,soePlatformsOpen,.*,0,0,$/);
    expect(rows[9]).toMatch(/^ch1,新能源汽车,NEV,privateFirmsWithAccess,/);
  });
});
