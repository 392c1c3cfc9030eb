export * from './datasetFile.js';
export { generateDataset } from './generate.js';
export { buildSeedDataset } from './seed/buildSeed.js';
