/**
 * Reading the graph in the shapes of the HTTP contract (`@innograph/model`, api.ts): full-text
 * search with cursor pages, an entity with its relations, subgraphs, neighbourhoods and shortest
 * paths. Every value is a query parameter, labels and types come from cypher.ts, and every row
 * Neo4j returns is parsed (records with the model's schemas, through mapping.ts).
 */
import {
  API_LIMITS,
  BilingualName,
  ENTITY_KINDS,
  EntityId,
  type EntityKind,
  EntityKindSchema,
  type EntityRecord,
  EntityRef,
  EntityResponse,
  type GraphQuery,
  type NeighborhoodQuery,
  type PathsQuery,
  type PathsResponse,
  RELATION_KIND_NAMES,
  RELATION_KINDS,
  type RelationKind,
  type RelationRecord,
  type RelationStatus,
  type RelationView,
  type SearchQuery,
  type SearchResponse,
  type SerializedGraph,
  StoredMeta,
} from '@innograph/model';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { anyRelationType, ENTITY_LABEL, kindLabel, relationType } from './cypher.js';
import { type EdgeFields, EdgeReader, type GraphEdge, graphEdge } from './edgeValues.js';
import { StoreError } from './errors.js';
import type { Neo4jExecutor, QueryRunner } from './executor.js';
import { JsonPieces, jsonObject } from './jsonPieces.js';
import { entityFromProperties, relationFromProperties } from './mapping.js';
import { type EdgeRow, listOf, NodeRow, Properties, parseAttributes, readRows, storeFields } from './rows.js';
import { FULLTEXT_INDEX } from './schema.js';

/** A search cursor that this store did not make, or made for another kind of query. */
export class InvalidCursorError extends StoreError {}

// ---------------------------------------------------------------------------------------------
// Rows: everything Neo4j returns is parsed before use
// ---------------------------------------------------------------------------------------------

type QueryParameters = Record<string, unknown>;

/** A relationship pattern's type part for the given kinds: `:A|B`, or nothing when all kinds are
 *  wanted. Every relationship of an entity is of a model kind (the store writes no other), so
 *  leaving the types out means the same, and Neo4j then reads a node's degree as one stored
 *  count rather than one per type (measured: the degrees of all 100k generated entities in
 *  0.15–0.25 s instead of 1.1–2.9 s with the ten types listed). */
function relationTypes(types: readonly RelationKind[] | undefined): string {
  return types === undefined || types.length === 0 ? '' : `:${anyRelationType(types)}`;
}

const IdRow = z.object({ id: z.string() });

function storedMeta(props: Record<string, unknown>) {
  return storeFields(props).meta;
}

/** An entity with the store's version and timestamps, from node properties. */
export function entityRecordFromProperties(props: Record<string, unknown>): EntityRecord {
  return { ...entityFromProperties(props), ...storedMeta(props) };
}

function relationRecordFromRow(row: z.infer<typeof EdgeRow>): RelationRecord {
  return { ...relationFromProperties(row.type, row.from, row.to, row.props), ...storedMeta(row.props) };
}

/** A whole number as a Cypher INTEGER (JavaScript numbers travel as floats, which LIMIT refuses). */
function integer(value: number) {
  return neo4j.int(value);
}

/** An empty list means the same as no list: no filter. */
function nonEmptyList<T>(list: readonly T[] | undefined): readonly T[] | undefined {
  return list === undefined || list.length === 0 ? undefined : list;
}

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

/** Lucene's English stop words, which the CJK analyzer drops from names. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  'a and are as at be but by for if in into is it no not of on or s such t that the their then there these they this to was will with www'.split(
    ' ',
  ),
);

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const CJK_CHAR = new RegExp(`[${CJK}]`, 'u');
/** Runs of CJK characters, or runs of other letters, digits and apostrophes. */
const TERM = new RegExp(`[${CJK}]+|(?:(?![${CJK}])[\\p{L}\\p{M}\\p{N}'])+`, 'gu');
const MAX_TERMS = 16;

/** Escapes every character the Lucene classic query parser treats as syntax. */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-!(){}[\]^"~*?:\\/&|]/g, '\\$&');
}

/** The words of a search text as the index sees them: CJK runs and Latin words, lower case. */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(TERM)) {
    const term = match[0].replace(/^'+|'+$/g, '').toLowerCase();
    if (term !== '') terms.push(term);
  }
  return terms.slice(0, MAX_TERMS);
}

/** Chinese is indexed as bigrams: a phrase finds any run of two or more characters, and a single
 *  character is found as the first or the second half of a bigram. */
function cjkClause(term: string): string {
  const escaped = escapeLucene(term);
  if ([...term].length === 1) return `+(${escaped}* *${escaped})`;
  return `+("${escaped}" ${escaped}*)`;
}

/** A Latin word matches as a prefix; the whole word scores higher. Stop words are not indexed,
 *  so they only add to the score. */
function wordClause(term: string): string {
  const escaped = escapeLucene(term);
  const clause = `(${escaped}* ${escaped}^2)`;
  return STOP_WORDS.has(term) ? clause : `+${clause}`;
}

/** A Lucene query for the full-text index in which every term of `text` must match, or null when
 *  the text holds nothing searchable (only punctuation or Lucene syntax). */
export function fulltextQuery(text: string): string | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  return terms.map((term) => (CJK_CHAR.test(term) ? cjkClause(term) : wordClause(term))).join(' ');
}

const SearchCursor = z.discriminatedUnion('by', [
  z.object({ by: z.literal('score'), score: z.number(), id: z.string() }),
  z.object({ by: z.literal('name'), name: z.string(), id: z.string() }),
]);
export type SearchCursor = z.infer<typeof SearchCursor>;

/** An opaque cursor: the position after the last item of a page. */
export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string): SearchCursor {
  try {
    return SearchCursor.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch (error) {
    throw new InvalidCursorError('the cursor is not one this search returned', undefined, { cause: error });
  }
}

function wrongCursor(): never {
  throw new InvalidCursorError('the cursor belongs to another kind of search');
}

function scoreCursor(text: string | undefined) {
  if (text === undefined) return undefined;
  const cursor = decodeCursor(text);
  return cursor.by === 'score' ? cursor : wrongCursor();
}

function nameCursor(text: string | undefined) {
  if (text === undefined) return undefined;
  const cursor = decodeCursor(text);
  return cursor.by === 'name' ? cursor : wrongCursor();
}

/** The filters of a search as Cypher conditions on `n`, with their parameters. */
function searchFilters(query: SearchQuery): { conditions: string[]; parameters: QueryParameters } {
  const conditions: string[] = [];
  const parameters: QueryParameters = {};
  const kinds = nonEmptyList(query.kind);
  if (kinds !== undefined) {
    conditions.push('n.kind IN $kinds');
    parameters.kinds = kinds;
  }
  if (query.chain !== undefined) {
    conditions.push(
      `EXISTS { (n)-[:${relationType('BELONGS_TO')}]->(:${kindLabel('IndustryChain')} {id: $chain}) }`,
    );
    parameters.chain = query.chain;
  }
  if (query.park !== undefined) {
    conditions.push(
      `EXISTS { (n)-[:${relationType('LOCATED_IN')}]->(:${kindLabel('SciencePark')} {id: $park}) }`,
    );
    parameters.park = query.park;
  }
  if (query.ownership !== undefined) {
    conditions.push('n.ownership = $ownership');
    parameters.ownership = query.ownership;
  }
  if (query.stage !== undefined) {
    conditions.push('n.stage = $stage');
    parameters.stage = query.stage;
  }
  return { conditions, parameters };
}

function where(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}

const ScoredRow = z.object({ props: Properties, score: z.number() });

async function fulltextPage(tx: QueryRunner, lucene: string, query: SearchQuery) {
  const { conditions, parameters } = searchFilters(query);
  const after = scoreCursor(query.cursor);
  if (after !== undefined) {
    conditions.push('(score < $afterScore OR (score = $afterScore AND n.id > $afterId))');
    Object.assign(parameters, { afterScore: after.score, afterId: after.id });
  }
  const rows = await readRows(
    tx,
    ScoredRow,
    `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node AS n, score
     ${where([`n:${ENTITY_LABEL}`, ...conditions])}
     RETURN properties(n) AS props, score
     ORDER BY score DESC, n.id
     LIMIT $take`,
    { ...parameters, index: FULLTEXT_INDEX, lucene, take: integer(query.limit + 1) },
  );
  return page(
    rows,
    query.limit,
    (row, record): SearchCursor => ({ by: 'score', score: row.score, id: record.id }),
  );
}

async function listPage(tx: QueryRunner, query: SearchQuery) {
  const { conditions, parameters } = searchFilters(query);
  const after = nameCursor(query.cursor);
  if (after !== undefined) {
    conditions.push('(n.nameEn > $afterName OR (n.nameEn = $afterName AND n.id > $afterId))');
    Object.assign(parameters, { afterName: after.name, afterId: after.id });
  }
  const rows = await readRows(
    tx,
    NodeRow,
    `MATCH (n:${ENTITY_LABEL}) ${where(conditions)}
     RETURN properties(n) AS props
     ORDER BY n.nameEn, n.id
     LIMIT $take`,
    { ...parameters, take: integer(query.limit + 1) },
  );
  return page(
    rows,
    query.limit,
    (_row, record): SearchCursor => ({ by: 'name', name: record.name.en, id: record.id }),
  );
}

/** One page of `limit` items out of up to `limit + 1` rows, and the cursor after it. */
function page<R extends { props: Record<string, unknown> }>(
  rows: readonly R[],
  limit: number,
  position: (row: R, record: EntityRecord) => SearchCursor,
): SearchResponse {
  const shown = rows.slice(0, limit);
  const items = shown.map((row) => entityRecordFromProperties(row.props));
  const lastRow = shown.at(-1);
  const lastItem = items.at(-1);
  const more = rows.length > limit && lastRow !== undefined && lastItem !== undefined;
  return { items, nextCursor: more ? encodeCursor(position(lastRow, lastItem)) : null, limit };
}

/**
 * Entities by name (Chinese or English, prefixes and parts of words, best match first) or, without
 * `q`, all entities by English name; filtered by kind, chain, park, ownership and stage, a page at
 * a time. A `q` with nothing searchable in it (only punctuation) finds nothing.
 */
export async function searchEntities(executor: Neo4jExecutor, query: SearchQuery): Promise<SearchResponse> {
  const text = query.q ?? '';
  if (text.trim() === '') return executor.readAutoCommit((tx) => listPage(tx, query));
  const lucene = fulltextQuery(text);
  if (lucene === null) return { items: [], nextCursor: null, limit: query.limit };
  return executor.readAutoCommit((tx) => fulltextPage(tx, lucene, query));
}

// ---------------------------------------------------------------------------------------------
// One entity
// ---------------------------------------------------------------------------------------------

const RelationGroupRow = z.object({
  type: z.string(),
  total: z.number().int(),
  items: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      props: Properties,
      other: z.object({ id: z.string(), kind: z.string(), nameZh: z.string(), nameEn: z.string() }),
    }),
  ),
});

function relationView(
  entityId: string,
  type: string,
  item: z.infer<typeof RelationGroupRow>['items'][number],
) {
  const relation = relationRecordFromRow({ type, from: item.from, to: item.to, props: item.props });
  const other = EntityRef.parse({
    id: item.other.id,
    kind: item.other.kind,
    name: { zh: item.other.nameZh, en: item.other.nameEn },
  });
  const view: RelationView = {
    relation,
    direction: relation.from === entityId ? 'outgoing' : 'incoming',
    other,
  };
  return view;
}

/**
 * An entity with its relations in both directions, grouped by kind (newest first), each list
 * capped at `API_LIMITS.entityRelations`; null when there is no entity with this id.
 */
export async function getEntity(executor: Neo4jExecutor, id: string): Promise<EntityResponse | null> {
  return executor.executeRead(async (tx) => {
    const [node] = await readRows(
      tx,
      NodeRow,
      `MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN properties(n) AS props`,
      { id },
    );
    if (node === undefined) return null;
    const groups = await readRows(
      tx,
      RelationGroupRow,
      `MATCH (n:${ENTITY_LABEL} {id: $id})-[r:${anyRelationType()}]-(m:${ENTITY_LABEL})
       WITH r, m ORDER BY r.since DESC, r.id
       WITH type(r) AS type, collect({
         from: startNode(r).id, to: endNode(r).id, props: properties(r),
         other: m {.id, .kind, .nameZh, .nameEn}
       }) AS views
       RETURN type, size(views) AS total, views[..$cap] AS items`,
      { id, cap: integer(API_LIMITS.entityRelations) },
    );
    const byType = new Map(groups.map((group) => [group.type, group]));
    // Every kind is a key, with an empty list and a zero count when the entity has none.
    return EntityResponse.parse({
      entity: entityRecordFromProperties(node.props),
      relations: Object.fromEntries(
        RELATION_KIND_NAMES.map((type) => [
          type,
          (byType.get(type)?.items ?? []).map((item) => relationView(id, type, item)),
        ]),
      ),
      relationCounts: Object.fromEntries(
        RELATION_KIND_NAMES.map((type) => [type, byType.get(type)?.total ?? 0]),
      ),
      truncated: groups.some((group) => group.total > group.items.length),
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Serialised graphs (graphology's export format)
// ---------------------------------------------------------------------------------------------

export type GraphNode = SerializedGraph['nodes'][number];

const GRAPH_OPTIONS: SerializedGraph['options'] = { type: 'directed', multi: true, allowSelfLoops: false };

/** What a graph node shows of an entity. */
export interface NodeFields {
  id: string;
  kind: EntityKind;
  nameZh: string;
  nameEn: string;
  version: number;
  attributes: Record<string, unknown>;
}

// The builder below assigns fields one by one (as `graphEdge` does): object spread is measurably
// slower. The fixed fields are set last, so they win over an attribute of the same name.

/** A node keyed by the entity id: its kind, names (English as the label), attributes and version. */
export function graphNode(fields: NodeFields): GraphNode {
  const attributes: Record<string, unknown> = Object.assign({}, fields.attributes);
  attributes.kind = fields.kind;
  attributes.nameZh = fields.nameZh;
  attributes.nameEn = fields.nameEn;
  attributes.label = fields.nameEn;
  attributes.version = fields.version;
  return { key: fields.id, attributes };
}

/** A graph from nodes and edges; edges whose ends are not both among the nodes are left out. */
export function serializedGraph(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  meta: { truncated: boolean; maxNodes: number } & Record<string, unknown>,
): SerializedGraph {
  const keys = new Set(nodes.map((node) => node.key));
  const kept = edges.filter((edge) => keys.has(edge.source) && keys.has(edge.target));
  return {
    options: GRAPH_OPTIONS,
    attributes: { ...meta, nodeCount: nodes.length, edgeCount: kept.length },
    nodes: [...nodes],
    edges: kept,
  };
}

// Graphs are read lean. Each node and each relationship comes back as one flat list of values
// (maps decode slowly in the driver), without the store's timestamps and hash (a DateTime takes
// ~15 µs to decode) and with dates as strings; attributes follow in the order the ontology lists
// them for the kind. Whether the far end of a relationship is in the graph is tested by element id
// (no property read); the ends' entity ids are read once the relationship is kept.

/** Attribute names by entity kind and by relation kind, from the ontology, as query parameters. */
const ATTRIBUTE_PARAMETERS = {
  entityAttributes: attributeNames(ENTITY_KINDS),
  relationAttributes: attributeNames(RELATION_KINDS),
};

function attributeNames(kinds: Record<string, { attributes: z.ZodObject }>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(kinds).map(([kind, def]) => [kind, Object.keys(def.attributes.shape)]),
  );
}

/** `[id, kind, nameZh, nameEn, version, ...attributes of its kind]` of node `n`. */
function nodeValues(n: string): string {
  return `[${n}.id, ${n}.kind, ${n}.nameZh, ${n}.nameEn, ${n}.version]
    + [key IN $entityAttributes[${n}.kind] | ${n}[key]]`;
}

/** `[type, from, to, id, status, since, until, source, confidence, ...attributes of its kind]` of
 *  relationship `r`, its ends' entity ids given as `start` and `end`, reading properties from `p`
 *  (`r` itself or `properties(r)`). */
function relationValues(r: string, p: string, start: string, end: string): string {
  return `[type(${r}), ${start}, ${end}, ${p}.id, ${p}.status, toString(${p}.since), toString(${p}.until),
    ${p}.source, ${p}.confidence] + [key IN $relationAttributes[type(${r})] | ${p}[key]]`;
}

const Values = z.object({ values: z.array(z.unknown()) });

// Rows come as lists (they decode faster than maps) and are checked field by field with the
// model's schemas: a node by putting its values under their names and parsing that with an
// object schema (zod's tuple parse allocated three times as much, which showed as garbage
// collection on large graphs), a relation with `CheckedOnce` per field (`EdgeReader`, edgeValues.ts).

/** Node values `[id, kind, nameZh, nameEn, version, ...attributes]`. */
const NodeRowFields = z.object({
  id: EntityId,
  kind: EntityKindSchema,
  nameZh: BilingualName.shape.zh,
  nameEn: BilingualName.shape.en,
  version: StoredMeta.shape.version,
});
const NODE_FIELD_COUNT = 5;

/** A graph node from node values (`nodeValues`), checked with the model's schemas. */
function nodeOf(values: unknown): GraphNode {
  const list = listOf(values, 'an entity');
  const { id, kind, nameZh, nameEn, version } = NodeRowFields.parse({
    id: list[0],
    kind: list[1],
    nameZh: list[2],
    nameEn: list[3],
    version: list[4],
  });
  const attributes = parseAttributes(ENTITY_KINDS[kind].attributes, list, NODE_FIELD_COUNT);
  return graphNode({ id, kind, nameZh, nameEn, version, attributes });
}

/** Reads relationship values into edges (`EdgeReader`), for one read such as a path search's. */
function edgeReader(): (values: unknown) => GraphEdge {
  const reader = new EdgeReader();
  return (values) => graphEdge(reader.read(values));
}

async function readValues(tx: QueryRunner, query: string, parameters: QueryParameters) {
  const rows = await readRows(tx, Values, query, { ...ATTRIBUTE_PARAMETERS, ...parameters });
  return rows.map((row) => row.values);
}

interface EdgeFilter {
  relations?: readonly RelationKind[] | undefined;
  statuses?: readonly RelationStatus[] | undefined;
  /** Keep relations still running on or after this date. */
  from?: string | undefined;
  /** Keep relations that started on or before this date. */
  to?: string | undefined;
}

function edgeConditions(filter: EdgeFilter): { conditions: string[]; parameters: QueryParameters } {
  const conditions = ['elementId(b) IN refs'];
  const parameters: QueryParameters = {};
  const statuses = nonEmptyList(filter.statuses);
  if (statuses !== undefined) {
    conditions.push('r.status IN $statuses');
    parameters.statuses = statuses;
  }
  if (filter.to !== undefined) {
    conditions.push('r.since <= date($to)');
    parameters.to = filter.to;
  }
  if (filter.from !== undefined) {
    conditions.push('(r.until IS NULL OR r.until >= date($from))');
    parameters.from = filter.from;
  }
  return { conditions, parameters };
}

/**
 * The end of a graph query that has chosen its nodes as the list `placed` (in the order they are
 * to be listed) and says in `truncated` whether it cut them: one row per node, with the node's
 * values (`nodeValues`) and, in `edges`, the values (`relationValues`) of its outgoing relations
 * that pass the filter and end at another node of the list. So every relation among the nodes
 * comes once, from its start node, and a whole graph is one query: one round trip, and a row per
 * node rather than per relation (a 20,000-node subgraph has 125,000 relations).
 */
function graphRows(filter: EdgeFilter): { cypher: string; parameters: QueryParameters } {
  const { conditions, parameters } = edgeConditions(filter);
  return {
    cypher: `WITH placed, truncated, [n IN placed | elementId(n)] AS refs
     UNWIND placed AS a
     WITH a, a.id AS aid, refs, truncated
     RETURN truncated, ${nodeValues('a')} AS node,
       COLLECT {
         MATCH (a)-[r:${anyRelationType(nonEmptyList(filter.relations))}]->(b)
         ${where(conditions)}
         WITH r, b, properties(r) AS p
         RETURN ${relationValues('r', 'p', 'aid', 'b.id')}
       } AS edges`,
    parameters,
  };
}

/** What a graph read produces, node by node and edge by edge: an edge as its checked fields,
 *  with `text` giving its JSON (that of `graphEdge(fields)`) until the next edge is read. */
interface GraphSink {
  node(node: GraphNode): void;
  edge(fields: EdgeFields, text: () => string): void;
}

interface GraphCounts {
  truncated: boolean;
  nodeCount: number;
  edgeCount: number;
}

const Truncated = z.boolean();

/**
 * Runs a graph query (one that ends with `graphRows`) and hands its nodes and edges to `sink` as
 * the rows arrive, so that they are checked and built while the server still produces the rest.
 * A row that does not parse ends the read with its error; the rest of the stream is dropped.
 */
async function readGraphRows(
  tx: QueryRunner,
  query: string,
  parameters: QueryParameters,
  sink: GraphSink,
): Promise<GraphCounts> {
  const counts: GraphCounts = { truncated: false, nodeCount: 0, edgeCount: 0 };
  const edges = new EdgeReader();
  const text = () => edges.text();
  const result = tx.run(query, { ...ATTRIBUTE_PARAMETERS, ...parameters });
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    result.subscribe({
      onNext: (record) => {
        if (failed) return;
        try {
          if (counts.nodeCount === 0) counts.truncated = Truncated.parse(record.get('truncated'));
          sink.node(nodeOf(record.get('node')));
          counts.nodeCount += 1;
          for (const values of listOf(record.get('edges'), 'the relations of an entity')) {
            sink.edge(edges.read(values), text);
            counts.edgeCount += 1;
          }
        } catch (error) {
          failed = true;
          reject(error);
        }
      },
      onCompleted: () => {
        if (!failed) resolve();
      },
      onError: (error) => {
        if (!failed) reject(error);
      },
    });
  });
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Subgraph
// ---------------------------------------------------------------------------------------------

/** Where the candidate nodes `n` of a subgraph come from: everything, or one chain and its members. */
function subgraphSource(chain: string | undefined): string {
  if (chain === undefined) return `MATCH (n:${ENTITY_LABEL})`;
  return `MATCH (c:${kindLabel('IndustryChain')} {id: $chain})
     UNWIND [c] + COLLECT { MATCH (m:${ENTITY_LABEL})-[:${relationType('BELONGS_TO')}]->(c) RETURN DISTINCT m } AS n`;
}

/**
 * Reads a subgraph into `sink`: the entities of the given kinds (all when unset), restricted to a
 * chain's members and the chain itself when `chain` is set, to a park's occupants and the park
 * itself when `park` is set, and to an `ownership` and a `stage` when set (as the explorer's
 * filters), the most connected first (by their number of relations of the given kinds, then by
 * id), at most `limit` of them; then the relations among them of the given kinds and statuses
 * that overlap [`from`, `to`], each listed with its start node (`graphRows`).
 *
 * The nodes are chosen in two passes: the first counts them by degree, which gives the lowest
 * degree that makes the cut (`cutoff`); the second sorts by degree and id only the nodes with at
 * least that degree. Sorting every node (on the 100k graph, to choose 20,001) read and compared
 * the ids of all 100,000: 120–145 ms against 78–98 ms, time in which the API has no row yet.
 */
async function readSubgraph(tx: QueryRunner, query: GraphQuery, sink: GraphSink): Promise<GraphCounts> {
  const kinds = nonEmptyList(query.kinds);
  const relations = nonEmptyList(query.relations);
  const conditions: string[] = [];
  if (kinds !== undefined) conditions.push('n.kind IN $kinds');
  // As the explorer's park filter: the park itself and what is located in it.
  if (query.park !== undefined) {
    conditions.push(
      `((n:${kindLabel('SciencePark')} AND n.id = $park)
        OR EXISTS { (n)-[:${relationType('LOCATED_IN')}]->(:${kindLabel('SciencePark')} {id: $park}) })`,
    );
  }
  if (query.ownership !== undefined) conditions.push('n.ownership = $ownership');
  if (query.stage !== undefined) conditions.push('n.stage = $stage');
  const rows = graphRows({ relations, statuses: query.status, from: query.from, to: query.to });
  const types = relationTypes(relations);
  return readGraphRows(
    tx,
    `${subgraphSource(query.chain)}
     WITH n ${where(conditions)}
     WITH COUNT { (n)-[${types}]-() } AS degree
     WITH degree, count(*) AS size ORDER BY degree DESC
     WITH collect([degree, size]) AS sizes
     WITH reduce(cut = {degree: -1, room: $take}, s IN sizes |
       CASE WHEN cut.room <= 0 THEN cut ELSE {degree: s[0], room: cut.room - s[1]} END).degree AS cutoff
     ${subgraphSource(query.chain)}
     WITH n, cutoff ${where(conditions)}
     WITH n, COUNT { (n)-[${types}]-() } AS degree, cutoff
     WHERE degree >= cutoff
     WITH n, degree ORDER BY degree DESC, n.id
     LIMIT $take
     WITH collect(n) AS chosen
     WITH chosen[..$limit] AS placed, size(chosen) > $limit AS truncated
     ${rows.cypher}`,
    {
      ...rows.parameters,
      chain: query.chain ?? null,
      kinds: kinds ?? null,
      park: query.park ?? null,
      ownership: query.ownership ?? null,
      stage: query.stage ?? null,
      take: integer(query.limit + 1),
      limit: integer(query.limit),
    },
    sink,
  );
}

function byKey<T extends { key: string }>(x: T, y: T): number {
  return x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
}

/** What a graph's `attributes` say besides its counts; the counts follow them. */
type GraphMeta = { truncated: boolean; maxNodes: number } & Record<string, unknown>;

/** A graph read (`readGraphRows` in a transaction) handing its nodes and edges to a sink. */
type GraphRead = (sink: GraphSink) => Promise<GraphCounts>;

/** Builds what a graph read hands it into an answer (`graphObject` or `graphJson`). */
type GraphBuilder<T> = (
  read: GraphRead,
  meta: (counts: GraphCounts) => GraphMeta,
) => Promise<{ counts: GraphCounts; value: T }>;

/** A graph read built into graphology's serialised format: nodes as they came, edges in key
 *  order. */
async function graphObject(
  read: GraphRead,
  meta: (counts: GraphCounts) => GraphMeta,
): Promise<{ counts: GraphCounts; value: SerializedGraph }> {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const counts = await read({
    node: (node) => nodes.push(node),
    edge: (fields) => edges.push(graphEdge(fields)),
  });
  edges.sort(byKey);
  return { counts, value: serializedGraph(nodes, edges, meta(counts)) };
}

/**
 * The same graph as `graphObject`, as its JSON text in UTF-8 (`JSON.stringify` of it, byte for
 * byte). Each node and edge is written as it arrives, while the server still produces the rest,
 * into bytes outside the JavaScript heap (`JsonPieces`), instead of building the whole graph as
 * objects and writing it afterwards: for the API's large graphs (20,000 entities and 125,000
 * relations make 40 MB of JSON), and for the small ones because the objects then die young.
 */
async function graphJson(
  read: GraphRead,
  meta: (counts: GraphCounts) => GraphMeta,
): Promise<{ counts: GraphCounts; value: Buffer }> {
  const nodes = new JsonPieces();
  const edges = new JsonPieces();
  const counts = await read({
    node: (node) => nodes.add(node.key, JSON.stringify(node)),
    edge: (fields, text) => edges.add(fields.id, text()),
  });
  const attributes: SerializedGraph['attributes'] = {
    ...meta(counts),
    nodeCount: counts.nodeCount,
    edgeCount: counts.edgeCount,
  };
  const value = jsonObject([
    ['options', JSON.stringify(GRAPH_OPTIONS)],
    ['attributes', JSON.stringify(attributes)],
    ['nodes', { pieces: nodes, sorted: false }],
    ['edges', { pieces: edges, sorted: true }],
  ]);
  nodes.release();
  edges.release();
  return { counts, value };
}

/** A subgraph (see `readSubgraph`) built by `build`. */
function subgraphAs<T>(executor: Neo4jExecutor, query: GraphQuery, build: GraphBuilder<T>): Promise<T> {
  const meta = (counts: GraphCounts): GraphMeta => ({ truncated: counts.truncated, maxNodes: query.limit });
  return executor.readAutoCommit(
    async (tx) => (await build((sink) => readSubgraph(tx, query, sink), meta)).value,
    { fetchAll: true },
  );
}

/** A subgraph (see `readSubgraph`) in graphology's serialised format, edges in key order. */
export function subgraph(executor: Neo4jExecutor, query: GraphQuery): Promise<SerializedGraph> {
  return subgraphAs(executor, query, graphObject);
}

/** The same subgraph as `subgraph`, as its JSON text in UTF-8 (see `graphJson`). */
export function subgraphJson(executor: Neo4jExecutor, query: GraphQuery): Promise<Buffer> {
  return subgraphAs(executor, query, graphJson);
}

// ---------------------------------------------------------------------------------------------
// Neighbourhood
// ---------------------------------------------------------------------------------------------

/**
 * One ring of a breadth-first search, in Cypher: from the nodes in `frontier`, the entities next
 * to them that are not in `placed` yet, as many as there is room for (`$limit` nodes in all); the
 * database stops expanding once it has one more than the most there can be room for, and `truncated`
 * turns true when the ring did not fit. After a cut, the rings that follow are empty.
 */
function nextRing(types: string): string {
  return `CALL (placed, frontier, truncated) {
       WITH placed, frontier WHERE NOT truncated
       UNWIND frontier AS f
       MATCH (f)-[:${types}]-(m:${ENTITY_LABEL})
       WHERE NOT m IN placed
       WITH DISTINCT m LIMIT $take
       RETURN collect(m) AS ring
     }
     WITH placed, ring, truncated, $limit - size(placed) AS room
     WITH placed + ring[..room] AS placed, ring[..room] AS frontier, truncated OR size(ring) > room AS truncated`;
}

/**
 * Reads the ego network of an entity into `sink`: everything up to `depth` relations away over the
 * given kinds (both directions), nearest first and cut at `limit` nodes (the centre always in),
 * with the relations among them; one query (`nextRing` per level, then `graphRows`). No nodes when
 * there is no entity with this id.
 */
async function readNeighborhood(
  tx: QueryRunner,
  id: string,
  query: NeighborhoodQuery,
  sink: GraphSink,
): Promise<GraphCounts> {
  const relations = nonEmptyList(query.relations);
  const types = anyRelationType(relations);
  const rings = Array.from({ length: query.depth }, () => nextRing(types)).join('\n     ');
  const rows = graphRows({ relations });
  return readGraphRows(
    tx,
    `MATCH (c:${ENTITY_LABEL} {id: $id})
     WITH [c] AS placed, [c] AS frontier, false AS truncated
     ${rings}
     ${rows.cypher}`,
    // A ring has room for at most `limit - 1` nodes (the centre is in); one more tells of a cut.
    { ...rows.parameters, id, limit: integer(query.limit), take: integer(query.limit) },
    sink,
  );
}

/** The ego network of an entity (see `readNeighborhood`) built by `build`; null when there is no
 *  entity with this id. */
function neighborhoodAs<T>(
  executor: Neo4jExecutor,
  id: string,
  query: NeighborhoodQuery,
  build: GraphBuilder<T>,
): Promise<T | null> {
  const meta = (counts: GraphCounts): GraphMeta => ({
    truncated: counts.truncated,
    maxNodes: query.limit,
    center: id,
    depth: query.depth,
  });
  return executor.readAutoCommit(
    async (tx) => {
      const { counts, value } = await build((sink) => readNeighborhood(tx, id, query, sink), meta);
      return counts.nodeCount === 0 ? null : value;
    },
    { fetchAll: true },
  );
}

/** The ego network of an entity in graphology's serialised format, edges in key order; null when
 *  there is no entity with this id. */
export function neighborhood(
  executor: Neo4jExecutor,
  id: string,
  query: NeighborhoodQuery,
): Promise<SerializedGraph | null> {
  return neighborhoodAs(executor, id, query, graphObject);
}

/** The same ego network as `neighborhood`, as its JSON text in UTF-8 (see `graphJson`); null when
 *  there is no entity with this id. */
export function neighborhoodJson(
  executor: Neo4jExecutor,
  id: string,
  query: NeighborhoodQuery,
): Promise<Buffer | null> {
  return neighborhoodAs(executor, id, query, graphJson);
}

// ---------------------------------------------------------------------------------------------
// Shortest paths
// ---------------------------------------------------------------------------------------------

const PathRow = z.object({ nodes: z.array(z.array(z.unknown())), relations: z.array(z.array(z.unknown())) });

type Path = PathsResponse['paths'][number];

function comparePaths(a: Path, b: Path): number {
  const left = a.nodes.join('\u0000');
  const right = b.nodes.join('\u0000');
  return left < right ? -1 : left > right ? 1 : 0;
}

async function missingIds(tx: QueryRunner, ids: readonly string[]): Promise<string[]> {
  const found = await readRows(tx, IdRow, `MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids RETURN n.id AS id`, {
    ids,
  });
  const present = new Set(found.map((row) => row.id));
  return [...new Set(ids)].filter((id) => !present.has(id));
}

/** Up to `take` shortest paths, ignoring direction, of at most `API_LIMITS.pathLength` relations,
 *  as node and relationship values. From an entity to itself: the path of length 0. */
async function findShortestPaths(tx: QueryRunner, query: PathsQuery, take: number) {
  if (query.from === query.to) {
    const nodes = await readValues(
      tx,
      `MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN ${nodeValues('n')} AS values`,
      { id: query.from },
    );
    return [{ nodes, relations: [] }];
  }
  const types = anyRelationType(nonEmptyList(query.relations));
  return readRows(
    tx,
    PathRow,
    `MATCH (a:${ENTITY_LABEL} {id: $from}), (b:${ENTITY_LABEL} {id: $to})
     MATCH p = allShortestPaths((a)-[:${types}*..${API_LIMITS.pathLength}]-(b))
     WITH p LIMIT $take
     RETURN [n IN nodes(p) | ${nodeValues('n')}] AS nodes,
            [r IN relationships(p) | ${relationValues('r', 'r', 'startNode(r).id', 'endNode(r).id')}] AS relations`,
    { ...ATTRIBUTE_PARAMETERS, from: query.from, to: query.to, take: integer(take) },
  );
}

/**
 * Every shortest path (ties included) between two entities over the given relation kinds,
 * ignoring direction, up to `API_LIMITS.pathLength` relations long and at most `limit` of them,
 * with the graph they span. `{ missing }` names the ids that are not stored.
 */
export async function shortestPaths(
  executor: Neo4jExecutor,
  query: PathsQuery,
): Promise<PathsResponse | { missing: string[] }> {
  return executor.readAutoCommit(async (tx) => {
    const missing = await missingIds(tx, [query.from, query.to]);
    if (missing.length > 0) return { missing };
    const rows = await findShortestPaths(tx, query, query.limit + 1);
    const shown = rows.slice(0, query.limit);
    const nodes = new Map<string, GraphNode>();
    const edges = new Map<string, GraphEdge>();
    const edgeOf = edgeReader();
    const paths: Path[] = shown.map((row) => {
      const pathNodes = row.nodes.map(nodeOf);
      const pathEdges = row.relations.map(edgeOf);
      for (const node of pathNodes) nodes.set(node.key, node);
      for (const edge of pathEdges) edges.set(edge.key, edge);
      return { nodes: pathNodes.map((node) => node.key), relations: pathEdges.map((edge) => edge.key) };
    });
    paths.sort(comparePaths);
    const truncated = rows.length > query.limit;
    return {
      paths,
      length: paths[0]?.relations.length ?? null,
      truncated,
      graph: serializedGraph([...nodes.values()], [...edges.values()], {
        truncated,
        maxNodes: nodes.size,
        maxPaths: query.limit,
      }),
    };
  });
}
