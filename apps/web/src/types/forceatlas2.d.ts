/** The parts of graphology-layout-forceatlas2 its package ships without type declarations. */
declare module 'graphology-layout-forceatlas2/iterate' {
  export default function iterate(
    settings: Record<string, unknown>,
    nodes: Float32Array,
    edges: Float32Array,
  ): void;
}

declare module 'graphology-layout-forceatlas2/helpers' {
  import type Graph from 'graphology-types';
  export function graphToByteArrays(
    graph: Graph,
    getEdgeWeight: (...args: unknown[]) => number,
  ): { nodes: Float32Array; edges: Float32Array };
}

declare module 'graphology-layout-forceatlas2/defaults' {
  const defaults: Record<string, number | boolean>;
  export default defaults;
}
