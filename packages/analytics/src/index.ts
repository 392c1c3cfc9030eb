/**
 * @innograph/analytics: pure functions on graphology graphs of the innovation ecosystem.
 * No I/O; every function takes `(graph, options?)`, leaves the graph as it is (except the
 * `.assign` variants) and gives the same answer for the same graph.
 */
export type { EdgeFilter, NodeFilter, ProjectionOptions } from './graph.js';
export { chainOf, chainsOf, parkOf, parksOf, undirectedProjection } from './graph.js';
export type {
  ChainBandGuide,
  ChainLane,
  ChainLaneGuide,
  ChainLaneId,
  ChainLayoutGuides,
  ChainLayoutOptions,
} from './layout/chainLayout.js';
export {
  CHAIN_LANES,
  CHAIN_LAYOUT_DEFAULTS,
  chainLayout,
  chainLayoutGuides,
  OTHER_LANE,
  UNASSIGNED_CHAIN_LABEL,
} from './layout/chainLayout.js';
export type { ParkClusterGuide, ParkLayoutGuides, ParkLayoutOptions } from './layout/parkLayout.js';
export { NO_PARK_LABEL, PARK_LAYOUT_DEFAULTS, parkLayout, parkLayoutGuides } from './layout/parkLayout.js';
export type { Box, Position, Positions } from './layout/types.js';
export type {
  BetweennessMeasures,
  CommunityMeasures,
  DegreeMeasures,
  MeasureName,
  Measures,
  MeasuresOptions,
  NodeValues,
  PagerankMeasures,
} from './measures/computeMeasures.js';
export { computeMeasures, MEASURE_NAMES, MEASURES_DEFAULTS } from './measures/computeMeasures.js';
export type { SampledBetweennessOptions } from './measures/sampledBetweenness.js';
export { SAMPLED_BETWEENNESS_DEFAULTS, sampledBetweenness } from './measures/sampledBetweenness.js';
export { mulberry32 } from './random.js';
