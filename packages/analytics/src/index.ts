/**
 * @innograph/analytics: pure functions on graphology graphs of the innovation ecosystem.
 * No I/O; every function takes `(graph, options?)`, leaves the graph as it is (except the
 * `.assign` variants) and gives the same answer for the same graph.
 */
export { datasetGraph } from './datasetGraph.js';
export type { EcosystemIndex, OwnershipGroup } from './ecosystem.js';
export { ecosystemIndex, isActive, isActiveTie, ownershipGroupOf, TIE_TYPES } from './ecosystem.js';
export { accessGaps } from './gaps/accessGaps.js';
export type { BridgingGapOptions } from './gaps/bridgingGaps.js';
export { BRIDGING_DEFAULTS, bridgingGaps } from './gaps/bridgingGaps.js';
export { capabilityGaps } from './gaps/capabilityGaps.js';
export { capitalGaps } from './gaps/capitalGaps.js';
export { closedPlatformGaps } from './gaps/closedPlatformGaps.js';
export { consortiumGaps } from './gaps/consortiumGaps.js';
export type { DetectGapsOptions, GapList } from './gaps/detectGaps.js';
export { countGaps, DETECT_GAPS_DEFAULTS, detectGaps, gapCounts, listGaps } from './gaps/detectGaps.js';
export { pairingGaps } from './gaps/pairingGaps.js';
export type { GapCounts, GapDetectorOptions, GapEntry, GapItem, GapType } from './gaps/types.js';
export { GAP_NAMES, GAP_TYPES } from './gaps/types.js';
export type { EdgeFilter, NodeFilter, ProjectionOptions } from './graph.js';
export { chainOf, chainsOf, parkOf, parksOf, undirectedProjection } from './graph.js';
export type { BrokerageCounts, BrokerageRole } from './indicators/brokerage.js';
export { BROKERAGE_ROLES } from './indicators/brokerage.js';
export type {
  BrokerEntry,
  ChainIndicators,
  CommunityBridge,
  CommunitySummary,
  EcosystemShares,
  Indicators,
  IndicatorsOptions,
  NetworkIndicators,
  Share,
  ShareName,
} from './indicators/computeIndicators.js';
export {
  computeIndicators,
  INDICATORS_DEFAULTS,
  networkMeasureSettings,
  networkMeasureValues,
  SHARE_NAMES,
  tieNetwork,
} from './indicators/computeIndicators.js';
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
export {
  FORCE_BARNES_HUT_NODES,
  FORCE_BARNES_HUT_THETA,
  forceLayoutSettings,
} from './layout/forceSettings.js';
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
export {
  betweennessSources,
  computeMeasures,
  MEASURE_NAMES,
  MEASURES_DEFAULTS,
} from './measures/computeMeasures.js';
export type { SampledBetweennessOptions } from './measures/sampledBetweenness.js';
export { SAMPLED_BETWEENNESS_DEFAULTS, sampledBetweenness } from './measures/sampledBetweenness.js';
export { mulberry32 } from './random.js';
export type {
  AppliedScenario,
  EvaluateScenarioOptions,
  GraphFigures,
  MeasureNetwork,
  ScenarioFigures,
} from './scenarios/applyChanges.js';
export {
  applyScenarioChanges,
  evaluateScenario,
  evaluateScenarioAsync,
  graphFigures,
  relationEdgeAttributes,
} from './scenarios/applyChanges.js';
export type { SuggestRelationsOptions } from './suggestions/suggestRelations.js';
export { SUGGEST_RELATIONS_DEFAULTS, suggestRelations } from './suggestions/suggestRelations.js';
export type { Suggestion, SuggestionFactor, SuggestionType } from './suggestions/types.js';
export { SUGGESTION_CLOSES, SUGGESTION_TYPES } from './suggestions/types.js';
