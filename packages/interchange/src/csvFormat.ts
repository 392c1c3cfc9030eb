/**
 * The CSV format: two files, `entities.csv` and `relations.csv`, one record a row.
 *
 * - Export writes UTF-8 with a byte-order mark (so Excel shows Chinese), the model's field names as
 *   headers (`id,kind,nameZh,nameEn,description,<attributes>` and
 *   `id,type,from,to,status,since,until,source,confidence,<attributes>`), lists as `a; b` (or as a
 *   JSON array when an item holds a separator) and empty cells for values not set.
 * - Import reads those files and spreadsheets made by people: headers may be the field names, their
 *   Chinese or English names (`COLUMN_ALIASES`, case, spaces and `_ - .` ignored) or anything a
 *   `CsvMapping` maps; kinds and relation kinds may be written as their Chinese or English display
 *   names, choices as the model's values or their display names (`民营` for `private`), yes/no as
 *   `是`/`否`, `true`/`false`, `yes`/`no` or `1`/`0`, dates as `2024-03-01` or `2024/3/1`.
 */
import {
  type CsvMapping,
  ENTITY_KIND_NAMES,
  ENTITY_KINDS,
  type Entity,
  RELATION_KIND_NAMES,
  RELATION_KINDS,
  type Relation,
} from '@innograph/model';
import type { CsvRow } from './csvReader.js';
import {
  attributeColumns,
  choiceValue,
  ENTITY_ATTRIBUTE_SHAPES,
  RELATION_ATTRIBUTE_SHAPES,
  shapeOfAttribute,
  type ValueShape,
  valueFromText,
  valueText,
} from './values.js';

export const ENTITY_FIELDS = ['id', 'kind', 'nameZh', 'nameEn', 'description'] as const;
export const RELATION_FIELDS = [
  'id',
  'type',
  'from',
  'to',
  'status',
  'since',
  'until',
  'source',
  'confidence',
] as const;

export const ENTITY_ATTRIBUTES = attributeColumns(ENTITY_ATTRIBUTE_SHAPES);
export const RELATION_ATTRIBUTES = attributeColumns(RELATION_ATTRIBUTE_SHAPES);

/** The header row of each file as export writes it. */
export const ENTITY_COLUMNS: readonly string[] = [...ENTITY_FIELDS, ...ENTITY_ATTRIBUTES];
export const RELATION_COLUMNS: readonly string[] = [...RELATION_FIELDS, ...RELATION_ATTRIBUTES];

/** Columns an import cannot do without (`status` defaults to active, `until` and attributes are
 *  optional). */
const REQUIRED = {
  entities: ['id', 'kind', 'nameZh', 'nameEn'],
  relations: ['id', 'type', 'from', 'to', 'since', 'source', 'confidence'],
} as const;

/**
 * Header names an import accepts besides the field names themselves, Chinese first. Attributes
 * are also accepted as `attributes.<name>`.
 */
export const COLUMN_ALIASES: Record<string, readonly string[]> = {
  // both files
  id: ['编号', '标识', 'ID号', '代码'],
  // entities.csv
  kind: ['类型', '类别', '主体类型', '实体类型', 'entity kind', 'entity type'],
  nameZh: ['中文名称', '名称', '中文名', '名称（中文）', 'name (zh)', 'chinese name', 'name.zh'],
  nameEn: ['英文名称', '英文名', '名称（英文）', 'name (en)', 'english name', 'name', 'name.en'],
  description: ['描述', '简介', '说明'],
  ownership: ['所有制', '所有制性质', '企业性质'],
  sector: ['行业', '所属行业'],
  revenueBand: ['营收规模', '营收区间', '营业收入区间', 'revenue band', 'revenue'],
  capabilitiesNeeded: ['所需能力', '需求能力', 'capabilities needed'],
  stage: ['发展阶段', '阶段', '投资阶段'],
  capabilities: ['能力', '核心能力', '技术能力'],
  advancedServices: ['高端服务', '提供高端服务', 'advanced services'],
  ownerType: ['建设主体类型', '依托单位类型', 'owner type'],
  openness: ['开放程度', '开放状态'],
  domains: ['领域', '技术领域', '研究方向'],
  capacity: ['中试能力', '年中试能力', '容量'],
  fundType: ['基金类型', 'fund type'],
  stageFocus: ['投资阶段偏好', '阶段偏好', 'stage focus'],
  sizeBand: ['基金规模', '规模区间', 'size band'],
  patientCapital: ['耐心资本', 'patient capital'],
  district: ['区县', '所在区县', '行政区'],
  level: ['级别', '园区级别'],
  focus: ['重点方向', '主攻方向', '聚焦方向'],
  serviceAreas: ['服务领域', '服务类型', 'service areas'],
  chainChief: ['链长', 'chain chief'],
  segments: ['环节', '产业环节', '链条环节'],
  // relations.csv
  type: ['关系类型', '关系', 'relation', 'relation type', 'relation kind'],
  from: ['起点', '起点编号', '主体', '主体编号', 'source id', 'from id'],
  to: ['终点', '终点编号', '客体', '客体编号', 'target', 'target id', 'to id'],
  status: ['状态', '关系状态'],
  since: ['开始日期', '起始日期', '开始时间', 'start', 'start date'],
  until: ['结束日期', '终止日期', '结束时间', 'end', 'end date'],
  source: ['来源', '依据', '信息来源', 'evidence'],
  confidence: ['可信度', '置信度', '确认程度'],
  focusAreas: ['结对领域', '结对方向', 'focus areas'],
  accessTypes: ['开放方式', '开放类型', 'access types'],
  capability: ['配套能力', '供应能力'],
  part: ['配套部件', '部件', '零部件'],
  role: ['角色', '成员角色'],
  amountBand: ['金额区间', '投资金额区间', 'amount band'],
  position: ['产业链位置', '链上位置', '位置'],
};

/** Header text as compared: lower case, without spaces and `_ - . ( ) （ ）`. */
export function normaliseHeader(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.()（）:：]/g, '');
}

export type CsvFile = 'entities' | 'relations';

/** Where each column of a header row goes: a field name, `attributes.<name>`, or null (ignored). */
export interface ColumnPlan {
  targets: (string | null)[];
  issues: { column: string; message: string }[];
}

function knownTargets(file: CsvFile): Map<string, string> {
  const fields: readonly string[] = file === 'entities' ? ENTITY_FIELDS : RELATION_FIELDS;
  const attributes = file === 'entities' ? ENTITY_ATTRIBUTES : RELATION_ATTRIBUTES;
  const targets = new Map<string, string>();
  const add = (name: string, target: string) => {
    const key = normaliseHeader(name);
    if (!targets.has(key)) targets.set(key, target);
  };
  for (const field of fields) add(field, field);
  for (const name of attributes) {
    add(name, `attributes.${name}`);
    add(`attributes.${name}`, `attributes.${name}`);
  }
  for (const field of fields) for (const alias of COLUMN_ALIASES[field] ?? []) add(alias, field);
  for (const name of attributes)
    for (const alias of COLUMN_ALIASES[name] ?? []) add(alias, `attributes.${name}`);
  return targets;
}

const TARGETS = { entities: knownTargets('entities'), relations: knownTargets('relations') };

/** Reads a header row: which column goes where, with a person's mapping first. Unknown and
 *  repeated columns and missing required ones are issues. */
export function planColumns(file: CsvFile, header: readonly string[], mapping?: CsvMapping): ColumnPlan {
  const known = TARGETS[file];
  const mapped = new Map(
    Object.entries(mapping?.[file].columns ?? {}).map(([column, target]) => [
      normaliseHeader(column),
      target,
    ]),
  );
  const issues: ColumnPlan['issues'] = [];
  const seen = new Map<string, string>();
  const targets = header.map((column) => {
    const key = normaliseHeader(column);
    if (key === '') return null;
    const given = mapped.get(key);
    if (given === 'ignore') return null;
    const target = given === undefined ? known.get(key) : (known.get(normaliseHeader(given)) ?? null);
    if (target === undefined || target === null) {
      issues.push({
        column,
        message:
          given === undefined
            ? `unknown column '${column}'; name it as a field (${(file === 'entities' ? ENTITY_COLUMNS : RELATION_COLUMNS).join(', ')}) or one of its Chinese names, or map it (to 'ignore' to skip it)`
            : `the mapping sends column '${column}' to '${given}', which is not a field of ${file}.csv`,
      });
      return null;
    }
    const before = seen.get(target);
    if (before !== undefined) {
      issues.push({ column, message: `columns '${before}' and '${column}' both give ${target}` });
      return null;
    }
    seen.set(target, column);
    return target;
  });
  for (const required of REQUIRED[file]) {
    if (!seen.has(required)) {
      const aliases = (COLUMN_ALIASES[required] ?? []).slice(0, 2).join("' or '");
      issues.push({
        column: required,
        message: `missing column '${required}'${aliases === '' ? '' : ` (or '${aliases}')`}`,
      });
    }
  }
  return { targets, issues };
}

// ---------------------------------------------------------------------------------------------
// Rows to records
// ---------------------------------------------------------------------------------------------

const KIND_BY_NAME = new Map<string, string>();
for (const kind of ENTITY_KIND_NAMES) {
  for (const name of [kind, ENTITY_KINDS[kind].name.zh, ENTITY_KINDS[kind].name.en]) {
    KIND_BY_NAME.set(normaliseHeader(name), kind);
  }
}
const TYPE_BY_NAME = new Map<string, string>();
for (const type of RELATION_KIND_NAMES) {
  for (const name of [type, RELATION_KINDS[type].name.zh, RELATION_KINDS[type].name.en]) {
    TYPE_BY_NAME.set(normaliseHeader(name), type);
  }
}

/** An entity kind named by its model name or its Chinese or English display name. */
export function entityKindOf(text: string): string | undefined {
  return KIND_BY_NAME.get(normaliseHeader(text));
}

/** A relation kind named by its model name or its Chinese or English display name. */
export function relationKindOf(text: string): string | undefined {
  return TYPE_BY_NAME.get(normaliseHeader(text));
}

/** `2024/3/1`, `2024.3.1`, `2024-3-1` as `2024-03-01`; anything else as it is. */
export function dateText(text: string): string {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (match === null) return text.trim();
  const [, year, month, day] = match;
  return `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
}

const STATUS_SHAPE: ValueShape = { type: 'choice', options: ['planned', 'active', 'ended'] };
const CONFIDENCE_SHAPE: ValueShape = { type: 'choice', options: ['confirmed', 'reported', 'assumed'] };

function cells(row: CsvRow, plan: ColumnPlan): Map<string, string> {
  const values = new Map<string, string>();
  plan.targets.forEach((target, index) => {
    const value = row.fields[index];
    if (target !== null && value !== undefined && value.trim() !== '') values.set(target, fromCell(value));
  });
  return values;
}

function attributesOf(
  values: Map<string, string>,
  shapes: Map<string, Map<string, ValueShape>>,
  kind: string,
  mapping: CsvMapping | undefined,
): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  const ofKind = shapes.get(kind);
  for (const [target, text] of values) {
    if (!target.startsWith('attributes.')) continue;
    const name = target.slice('attributes.'.length);
    const shape = ofKind?.get(name) ?? shapeOfAttribute(shapes, name) ?? { type: 'text' };
    attributes[name] = valueFromText(text, shape, mapping ?? {});
  }
  return attributes;
}

/** Extra cells beyond the header are an issue only when they hold something. */
export function extraCells(row: CsvRow, plan: ColumnPlan): string | undefined {
  const extra = row.fields.slice(plan.targets.length).filter((cell) => cell.trim() !== '');
  return extra.length === 0
    ? undefined
    : `the row has ${row.fields.length} cells, the header ${plan.targets.length}`;
}

/** An entity row as a record to check (the model checks it; nothing is decided here). */
export function entityFromRow(row: CsvRow, plan: ColumnPlan, mapping?: CsvMapping): Record<string, unknown> {
  const values = cells(row, plan);
  const kindText = values.get('kind')?.trim() ?? '';
  const kind = mapping?.entities.kinds[kindText] ?? entityKindOf(kindText) ?? (kindText || undefined);
  const description = values.get('description');
  return {
    id: values.get('id')?.trim(),
    kind,
    name: { zh: values.get('nameZh'), en: values.get('nameEn') },
    ...(description === undefined ? {} : { description }),
    attributes: attributesOf(values, ENTITY_ATTRIBUTE_SHAPES, kind ?? '', mapping),
  };
}

/** A relation row as a record to check. */
export function relationFromRow(
  row: CsvRow,
  plan: ColumnPlan,
  mapping?: CsvMapping,
): Record<string, unknown> {
  const values = cells(row, plan);
  const typeText = values.get('type')?.trim() ?? '';
  const type = mapping?.relations.types[typeText] ?? relationKindOf(typeText) ?? (typeText || undefined);
  const status = values.get('status');
  const until = values.get('until');
  const since = values.get('since');
  const choice = (text: string | undefined, shape: ValueShape) =>
    text === undefined || shape.type !== 'choice'
      ? text
      : choiceValue(text.trim(), shape.options, mapping ?? {});
  return {
    id: values.get('id')?.trim(),
    type,
    from: values.get('from')?.trim(),
    to: values.get('to')?.trim(),
    ...(status === undefined ? {} : { status: choice(status, STATUS_SHAPE) }),
    since: since === undefined ? undefined : dateText(since),
    ...(until === undefined ? {} : { until: dateText(until) }),
    evidence: {
      source: values.get('source'),
      confidence: choice(values.get('confidence'), CONFIDENCE_SHAPE),
    },
    attributes: attributesOf(values, RELATION_ATTRIBUTE_SHAPES, type ?? '', mapping),
  };
}

/** The id a row gives, for naming it in issues. */
export function rowId(row: CsvRow, plan: ColumnPlan): string | undefined {
  const index = plan.targets.indexOf('id');
  const id = index < 0 ? undefined : row.fields[index]?.trim();
  return id === '' ? undefined : id;
}

// ---------------------------------------------------------------------------------------------
// Records to rows
// ---------------------------------------------------------------------------------------------

/** Cell text that a spreadsheet would run as a formula (OWASP's list: = + - @, tab, carriage
 *  return first). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as CSV writes it: text a spreadsheet would run as a formula gets a leading apostrophe
 * (an entity named `=HYPERLINK(…)` opens as text), then the cell is quoted when it holds a
 * separator, a quote, a line break or spaces at either end. `fromCell` takes the apostrophe off
 * again on import, so files round-trip.
 */
export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A cell's text as read: without the apostrophe `csvCell` puts before formula-looking text. (A
 *  cell that really starts with an apostrophe and then one of = + - @ loses the apostrophe.) */
export function fromCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

function csvLine(cellsOfRow: readonly string[]): string {
  return `${cellsOfRow.map(csvCell).join(',')}\r\n`;
}

const BOM = '\uFEFF';
const ROWS_PER_CHUNK = 5_000;

function* rowsInChunks<T>(header: readonly string[], records: Iterable<T>, row: (record: T) => string[]) {
  yield BOM + csvLine(header);
  let lines: string[] = [];
  for (const record of records) {
    lines.push(csvLine(row(record)));
    if (lines.length === ROWS_PER_CHUNK) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join('');
}

/** `entities.csv`, piece by piece. */
export function entitiesCsv(entities: Iterable<Entity>): Generator<string> {
  return rowsInChunks(ENTITY_COLUMNS, entities, (entity) => {
    const attributes: Record<string, unknown> = entity.attributes;
    return [
      entity.id,
      entity.kind,
      entity.name.zh,
      entity.name.en,
      entity.description ?? '',
      ...ENTITY_ATTRIBUTES.map((name) => valueText(attributes[name])),
    ];
  });
}

/** `relations.csv`, piece by piece. */
export function relationsCsv(relations: Iterable<Relation>): Generator<string> {
  return rowsInChunks(RELATION_COLUMNS, relations, (relation) => {
    const attributes: Record<string, unknown> = relation.attributes;
    return [
      relation.id,
      relation.type,
      relation.from,
      relation.to,
      relation.status,
      relation.since,
      relation.until ?? '',
      relation.evidence.source,
      relation.evidence.confidence,
      ...RELATION_ATTRIBUTES.map((name) => valueText(attributes[name])),
    ];
  });
}
