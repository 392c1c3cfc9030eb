import { CsvMapping } from '@innograph/model';
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  dateText,
  entitiesCsv,
  entityFromRow,
  fromCell,
  planColumns,
  relationFromRow,
} from './csvFormat.js';
import { type CsvRow, csvRows } from './csvReader.js';
import { listText, valueFromText } from './values.js';

describe('planColumns', () => {
  it('takes field names, Chinese and English names, in any case and spacing', () => {
    const plan = planColumns('entities', [
      '编号',
      'Kind',
      '中文名称',
      'English name',
      '发展阶段',
      'attributes.capabilities',
      '',
    ]);
    expect(plan.issues).toEqual([]);
    expect(plan.targets).toEqual([
      'id',
      'kind',
      'nameZh',
      'nameEn',
      'attributes.stage',
      'attributes.capabilities',
      null,
    ]);
  });

  it('reports unknown, repeated and missing columns', () => {
    const plan = planColumns('relations', ['id', 'type', '起点', 'to', 'to id', '备注']);
    expect(plan.issues.map((issue) => issue.message)).toEqual([
      "columns 'to' and 'to id' both give to",
      expect.stringMatching(/^unknown column '备注'/),
      "missing column 'since' (or '开始日期' or '起始日期')",
      "missing column 'source' (or '来源' or '依据')",
      "missing column 'confidence' (or '可信度' or '置信度')",
    ]);
  });

  it('follows a mapping, which may ignore columns', () => {
    const mapping = CsvMapping.parse({
      entities: { columns: { 企业全称: 'nameZh', 备注: 'ignore', Stage: 'attributes.stage' } },
    });
    const plan = planColumns('entities', ['id', 'kind', '企业全称', 'nameEn', '备注', 'Stage'], mapping);
    expect(plan.issues).toEqual([]);
    expect(plan.targets).toEqual(['id', 'kind', 'nameZh', 'nameEn', null, 'attributes.stage']);
  });
});

describe('rows to records', () => {
  it('maps kinds, choices, yes/no, lists and dates written the way people write them', () => {
    const mapping = CsvMapping.parse({ entities: { kinds: { 民企: 'PrivateFirm' } } });
    const header = planColumns(
      'entities',
      ['id', '类型', '中文名称', '英文名称', '阶段', '营收规模', '高端服务', '能力', '所有制'],
      mapping,
    );
    const entity = entityFromRow(
      {
        line: 2,
        fields: ['pf-1', '民企', '一号', 'One', '成长期', '10m-100m', '是', '座舱；雷达、ADAS', '民营'],
      },
      header,
      mapping,
    );
    expect(entity).toEqual({
      id: 'pf-1',
      kind: 'PrivateFirm',
      name: { zh: '一号', en: 'One' },
      attributes: {
        stage: 'growth',
        revenueBand: '10m-100m',
        advancedServices: true,
        capabilities: ['座舱', '雷达', 'ADAS'],
        ownership: 'private',
      },
    });
    const relationHeader = planColumns('relations', [
      '编号',
      '关系类型',
      '起点',
      '终点',
      '状态',
      '开始日期',
      '来源',
      '可信度',
    ]);
    expect(
      relationFromRow(
        { line: 2, fields: ['r-1', '开放共享', 'lab-1', 'pf-1', '有效', '2024/3/1', '访谈', '已确认'] },
        relationHeader,
      ),
    ).toEqual({
      id: 'r-1',
      type: 'OPENS_TO',
      from: 'lab-1',
      to: 'pf-1',
      status: 'active',
      since: '2024-03-01',
      evidence: { source: '访谈', confidence: 'confirmed' },
      attributes: {},
    });
  });

  it('leaves what does not fit as it is, for the model to report', () => {
    expect(valueFromText('lots', { type: 'number' })).toBe('lots');
    expect(valueFromText('maybe', { type: 'boolean' })).toBe('maybe');
    expect(dateText('01/03/2024')).toBe('01/03/2024');
    expect(dateText('2024年3月1日')).toBe('2024-03-01');
  });

  it('writes lists so that they read back', () => {
    expect(listText(['a', 'b'])).toBe('a; b');
    expect(listText(['a;b', 'c'])).toBe('["a;b","c"]');
    expect(valueFromText(listText(['a;b', 'c']), { type: 'list', item: { type: 'text' } })).toEqual([
      'a;b',
      'c',
    ]);
  });
});

describe('formula-looking cells', () => {
  it('are written with a leading apostrophe and read back without it', () => {
    for (const text of ['=HYPERLINK("http://x","click")', '+86 23 1234', '-5', '@SUM(A1)', '\tTab']) {
      const cell = csvCell(text);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      expect(unquoted).toBe(`'${text}`);
      expect(fromCell(unquoted)).toBe(text);
    }
    // Ordinary text, and an apostrophe before anything else, are left as they are.
    expect(csvCell('智能网联, NEV')).toBe('"智能网联, NEV"');
    expect(csvCell("O'Brien")).toBe("O'Brien");
    expect(fromCell("'quoted")).toBe("'quoted");
  });

  it('round-trip through an entities file read by the CSV reader', async () => {
    const entity = {
      id: 'pf-1',
      kind: 'PrivateFirm' as const,
      name: { zh: '=cmd|calc', en: '+danger, "quoted"' },
      attributes: {
        ownership: 'private' as const,
        stage: 'growth' as const,
        revenueBand: 'under10m' as const,
        capabilities: ['-lidar'],
        advancedServices: false,
      },
    };
    const text = [...entitiesCsv([entity])].join('');
    expect(text).toContain("'=cmd|calc");
    expect(text).not.toMatch(/(^|,)"?[=+@-]/m);
    const read: CsvRow[] = [];
    for await (const row of csvRows([text.replace('\uFEFF', '')])) read.push(row);
    const [header, row] = read;
    const plan = planColumns('entities', header?.fields ?? []);
    const record = entityFromRow(row ?? { line: 2, fields: [] }, plan);
    expect(record).toMatchObject({ name: { zh: '=cmd|calc', en: '+danger, "quoted"' } });
    expect(record.attributes).toMatchObject({ capabilities: ['-lidar'] });
  });
});
