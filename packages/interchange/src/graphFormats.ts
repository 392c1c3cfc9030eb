/**
 * GEXF (Gephi) and GraphML: the dataset as a graph whose node keys are entity ids and edge keys
 * relation ids, with flat attributes.
 *
 * - Nodes: `label` (the English name, what Gephi shows), `kind`, `nameZh`, `nameEn`, `description`
 *   when set, and the kind's attributes. Edges: `label` (the relation kind), `type`, `status`,
 *   `since`, `until` when set, `source`, `confidence` and the kind's attributes.
 * - Lists are JSON text (`["智能座舱","ADAS"]`): GEXF's own list syntax cannot hold every tag
 *   exactly, and GraphML has none.
 *
 * GEXF is written and read with `graphology-gexf`. `graphology-graphml` only reads, so GraphML is
 * written here and checked by reading it back with that parser. Reading goes through an
 * `@xmldom/xmldom` document first: malformed XML, nodes or edges without an id and repeated ids
 * become issues with their line (the graphology parsers would stop at the first, without a place),
 * and edges may point at entities that are not in the file (they may be stored already).
 */
import type { Dataset, Entity, ImportIssue, ImportItem, Relation } from '@innograph/model';
import { DOMParser } from '@xmldom/xmldom';
import Graph, { MultiDirectedGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import { entityKindOf, relationKindOf } from './csvFormat.js';
import {
  ENTITY_ATTRIBUTE_SHAPES,
  RELATION_ATTRIBUTE_SHAPES,
  shapeOfAttribute,
  valueFromAny,
} from './values.js';

export type GraphFormat = 'gexf' | 'graphml';

/** Attributes a graph tool adds for display; an import ignores them. */
const DISPLAY_ATTRIBUTES = new Set(['label', 'x', 'y', 'z', 'size', 'color', 'shape', 'thickness', 'weight']);

function flatAttributes(attributes: Record<string, unknown>, into: Record<string, unknown>) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) into[name] = JSON.stringify(value);
    } else into[name] = value;
  }
}

function nodeAttributes(entity: Entity): Record<string, unknown> {
  const out: Record<string, unknown> = { label: entity.name.en };
  flatAttributes(entity.attributes, out);
  out.kind = entity.kind;
  out.nameZh = entity.name.zh;
  out.nameEn = entity.name.en;
  if (entity.description !== undefined) out.description = entity.description;
  return out;
}

function edgeAttributes(relation: Relation): Record<string, unknown> {
  const out: Record<string, unknown> = { label: relation.type };
  flatAttributes(relation.attributes, out);
  out.type = relation.type;
  out.status = relation.status;
  out.since = relation.since;
  if (relation.until !== undefined) out.until = relation.until;
  out.source = relation.evidence.source;
  out.confidence = relation.evidence.confidence;
  return out;
}

/** The dataset as a graphology graph with the flat attributes of the module comment. */
export function interchangeGraph(
  dataset: Pick<Dataset, 'meta' | 'entities' | 'relations'>,
): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  graph.setAttribute('creator', 'innograph');
  graph.setAttribute('title', dataset.meta.title);
  if (dataset.meta.description !== undefined) graph.setAttribute('description', dataset.meta.description);
  for (const entity of dataset.entities) graph.addNode(entity.id, nodeAttributes(entity));
  for (const relation of dataset.relations) {
    graph.addDirectedEdgeWithKey(relation.id, relation.from, relation.to, edgeAttributes(relation));
  }
  return graph;
}

/** A GEXF 1.3 document (opens in Gephi). */
export function writeGexf(dataset: Pick<Dataset, 'meta' | 'entities' | 'relations'>): string {
  return gexf.write(interchangeGraph(dataset), { version: '1.3', pretty: true });
}

// ---------------------------------------------------------------------------------------------
// GraphML writer
// ---------------------------------------------------------------------------------------------

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xmlAttribute(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

type GraphmlType = 'string' | 'double' | 'boolean';

/** The GraphML keys of one class: every attribute name with the type of its values. */
function graphmlKeys(elements: Iterable<Record<string, unknown>>): Map<string, GraphmlType> {
  const keys = new Map<string, GraphmlType>();
  for (const attributes of elements) {
    for (const [name, value] of Object.entries(attributes)) {
      const type: GraphmlType =
        typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string';
      const before = keys.get(name);
      keys.set(name, before === undefined || before === type ? type : 'string');
    }
  }
  return keys;
}

/** A GraphML document, piece by piece. */
export function* graphmlChunks(dataset: Pick<Dataset, 'meta' | 'entities' | 'relations'>): Generator<string> {
  const nodes = dataset.entities.map((entity) => [entity.id, nodeAttributes(entity)] as const);
  const edges = dataset.relations.map((relation) => [relation, edgeAttributes(relation)] as const);
  const nodeKeys = graphmlKeys(nodes.map(([, attributes]) => attributes));
  const edgeKeys = graphmlKeys(edges.map(([, attributes]) => attributes));
  const keyId = new Map<string, string>();
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [prefix, forClass, keys] of [
    ['n', 'node', nodeKeys],
    ['e', 'edge', edgeKeys],
  ] as const) {
    for (const [name, type] of keys) {
      const id = `${prefix}_${name}`;
      keyId.set(`${forClass}:${name}`, id);
      lines.push(
        `  <key id="${xmlAttribute(id)}" for="${forClass}" attr.name="${xmlAttribute(name)}" attr.type="${type}"/>`,
      );
    }
  }
  lines.push('  <key id="g_title" for="graph" attr.name="title" attr.type="string"/>');
  lines.push('  <graph id="innograph" edgedefault="directed">');
  lines.push(`    <data key="g_title">${xmlText(dataset.meta.title)}</data>`);
  yield `${lines.join('\n')}\n`;

  const data = (forClass: string, attributes: Record<string, unknown>) =>
    Object.entries(attributes)
      .map(
        ([name, value]) =>
          `<data key="${xmlAttribute(keyId.get(`${forClass}:${name}`) ?? name)}">${xmlText(String(value))}</data>`,
      )
      .join('');
  let out: string[] = [];
  const flush = function* () {
    if (out.length > 0) yield `${out.join('\n')}\n`;
    out = [];
  };
  for (const [id, attributes] of nodes) {
    out.push(`    <node id="${xmlAttribute(id)}">${data('node', attributes)}</node>`);
    if (out.length === 5_000) yield* flush();
  }
  for (const [relation, attributes] of edges) {
    out.push(
      `    <edge id="${xmlAttribute(relation.id)}" source="${xmlAttribute(relation.from)}" target="${xmlAttribute(relation.to)}">${data('edge', attributes)}</edge>`,
    );
    if (out.length === 5_000) yield* flush();
  }
  yield* flush();
  yield '  </graph>\n</graphml>\n';
}

export function writeGraphml(dataset: Pick<Dataset, 'meta' | 'entities' | 'relations'>): string {
  return [...graphmlChunks(dataset)].join('');
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** The line of a DOM element (`@xmldom/xmldom` records it), or null. */
function lineOf(element: unknown): number | null {
  const line: unknown =
    typeof element === 'object' && element !== null ? Reflect.get(element, 'lineNumber') : null;
  return typeof line === 'number' ? line : null;
}

interface XmlElement {
  getAttribute(name: string): string | null;
  parentNode: { removeChild(child: unknown): unknown } | null;
}

function elements(document: { getElementsByTagName(name: string): ArrayLike<unknown> }, name: string) {
  return Array.from(document.getElementsByTagName(name) as ArrayLike<XmlElement>);
}

function entityFromNode(id: string, attributes: Record<string, unknown>): Record<string, unknown> {
  const { kind, nameZh, nameEn, description, label, ...rest } = attributes;
  const kindName = typeof kind === 'string' ? (entityKindOf(kind) ?? kind) : kind;
  const shapes = typeof kindName === 'string' ? ENTITY_ATTRIBUTE_SHAPES.get(kindName) : undefined;
  const converted: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(rest)) {
    if (DISPLAY_ATTRIBUTES.has(name)) continue;
    const shape = shapes?.get(name) ?? shapeOfAttribute(ENTITY_ATTRIBUTE_SHAPES, name);
    converted[name] = shape === undefined ? value : valueFromAny(value, shape);
  }
  return {
    id,
    kind: kindName,
    name: { zh: nameZh ?? label, en: nameEn ?? label },
    ...(description === undefined || description === '' ? {} : { description }),
    attributes: converted,
  };
}

function relationFromEdge(
  id: string,
  from: string,
  to: string,
  attributes: Record<string, unknown>,
): Record<string, unknown> {
  const { type, status, since, until, source, confidence, label, ...rest } = attributes;
  const typeName = typeof type === 'string' ? (relationKindOf(type) ?? type) : type;
  const shapes = typeof typeName === 'string' ? RELATION_ATTRIBUTE_SHAPES.get(typeName) : undefined;
  const converted: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(rest)) {
    if (DISPLAY_ATTRIBUTES.has(name)) continue;
    const shape = shapes?.get(name) ?? shapeOfAttribute(RELATION_ATTRIBUTE_SHAPES, name);
    converted[name] = shape === undefined ? value : valueFromAny(value, shape);
  }
  return {
    id,
    type: typeName,
    from,
    to,
    ...(status === undefined ? {} : { status }),
    since,
    ...(until === undefined || until === '' ? {} : { until }),
    evidence: { source, confidence },
    attributes: converted,
  };
}

const MARKUP =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>!?]+)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/g;

/**
 * The first tag that does not close the element open before it (or an element never closed), with
 * its line: `@xmldom/xmldom` 0.8 accepts such documents silently and builds a different tree.
 */
export function unbalancedTag(text: string): { line: number; message: string } | undefined {
  const open: { name: string; line: number }[] = [];
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(MARKUP)) {
    for (let i = counted; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
    counted = match.index;
    const [, closing, name, selfClosing] = match;
    if (name === undefined || selfClosing === '/') continue;
    if (closing !== '/') {
      open.push({ name, line });
      continue;
    }
    const top = open.pop();
    if (top?.name !== name) {
      return {
        line,
        message:
          top === undefined
            ? `</${name}> closes no open element`
            : `</${name}> does not close <${top.name}> (opened at line ${top.line})`,
      };
    }
  }
  const unclosed = open.pop();
  return unclosed === undefined
    ? undefined
    : { line: unclosed.line, message: `<${unclosed.name}> is never closed (the file may be cut short)` };
}

/**
 * The records of a GEXF or GraphML text as import items: entities (the file's nodes) first, then
 * relations (its edges), with the line of each; problems of the document as issues.
 */
export function graphItems(format: GraphFormat, text: string, file: string): ImportItem[] {
  const issues: ImportIssue[] = [];
  const issue = (line: number | null, record: string, field: string, message: string) =>
    issues.push({ file, line, record, field, message });
  const xmlErrors: string[] = [];
  const document = new DOMParser({
    locator: {},
    errorHandler: {
      // xmldom 0.8 reports some broken markup (a mismatched end tag) only as a warning.
      warning: (message: string) => xmlErrors.push(message),
      error: (message: string) => xmlErrors.push(message),
      fatalError: (message: string) => xmlErrors.push(message),
    },
  }).parseFromString(text, 'application/xml');
  // The tag check first: its messages say more than xmldom's ("unclosed xml attribute").
  const unbalanced = unbalancedTag(text);
  if (unbalanced !== undefined) {
    issue(unbalanced.line, `line ${unbalanced.line}`, '', `malformed XML: ${unbalanced.message}`);
    return issues.map((found) => ({ type: 'issue', issue: found }));
  }
  for (const message of xmlErrors.slice(0, 20)) {
    const at = /line:(\d+),col:(\d+)/.exec(message);
    const line = at === null ? null : Number(at[1]);
    const reason = (message.split('\n')[0] ?? message).replace(/^\[xmldom [a-z]+\]\s*/i, '');
    issue(line, line === null ? 'file' : `line ${line}`, '', `malformed XML: ${reason}`);
  }
  if (issues.length > 0) return issues.map((found) => ({ type: 'issue', issue: found }));
  const root = format === 'gexf' ? 'gexf' : 'graphml';
  if (
    document.getElementsByTagName(root).length === 0 ||
    document.getElementsByTagName('graph').length === 0
  ) {
    issue(null, 'file', '', `not a ${format.toUpperCase()} document: no <${root}> with a <graph>`);
    return issues.map((found) => ({ type: 'issue', issue: found }));
  }

  const nodeLines = new Map<string, number | null>();
  for (const element of elements(document, 'node')) {
    const id = element.getAttribute('id') ?? '';
    const line = lineOf(element);
    const record = line === null ? `node '${id}'` : `line ${line} (node ${id})`;
    if (id === '') issue(line, line === null ? 'node' : `line ${line}`, 'id', 'a node without an id');
    else if (nodeLines.has(id)) issue(line, record, 'id', `duplicate entity id '${id}'`);
    else {
      nodeLines.set(id, line);
      continue;
    }
    element.parentNode?.removeChild(element);
  }
  const edgeLines = new Map<string, number | null>();
  for (const element of elements(document, 'edge')) {
    const id = element.getAttribute('id') ?? '';
    const line = lineOf(element);
    const record = line === null ? `edge '${id}'` : `line ${line} (edge ${id})`;
    if (id === '') issue(line, line === null ? 'edge' : `line ${line}`, 'id', 'an edge without an id');
    else if (edgeLines.has(id)) issue(line, record, 'id', `duplicate relation id '${id}'`);
    else if (!element.getAttribute('source') || !element.getAttribute('target')) {
      issue(
        line,
        record,
        element.getAttribute('source') ? 'to' : 'from',
        'an edge without a source or target',
      );
    } else {
      edgeLines.set(id, line);
      continue;
    }
    element.parentNode?.removeChild(element);
  }

  let graph: Graph;
  try {
    graph =
      format === 'gexf'
        ? gexf.parse(Graph, document, { addMissingNodes: true, allowUndeclaredAttributes: true })
        : graphml.parse(Graph, document, { addMissingNodes: true });
  } catch (error) {
    issue(
      null,
      'file',
      '',
      `cannot read the ${format.toUpperCase()} graph: ${error instanceof Error ? error.message : String(error)}`,
    );
    return issues.map((found) => ({ type: 'issue', issue: found }));
  }

  const items: ImportItem[] = issues.map((found) => ({ type: 'issue', issue: found }));
  for (const [id, line] of nodeLines) {
    items.push({
      type: 'entity',
      place: { file, line, record: line === null ? `node '${id}'` : `line ${line} (node ${id})` },
      raw: entityFromNode(id, graph.getNodeAttributes(id)),
    });
  }
  for (const [id, line] of edgeLines) {
    if (!graph.hasEdge(id)) continue;
    items.push({
      type: 'relation',
      place: { file, line, record: line === null ? `edge '${id}'` : `line ${line} (edge ${id})` },
      raw: relationFromEdge(id, graph.source(id), graph.target(id), graph.getEdgeAttributes(id)),
    });
  }
  return items;
}
