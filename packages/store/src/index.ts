export * from './counts.js';
export * from './cypher.js';
export * from './datasetLoader.js';
export * from './errors.js';
export * from './executor.js';
export * from './mapping.js';
export * from './schema.js';
