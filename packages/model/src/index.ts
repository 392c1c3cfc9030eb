export * from './api.js';
export * from './dataset.js';
export * from './entity.js';
export * from './issues.js';
export * from './json.js';
export * from './ontology.js';
export * from './relation.js';
export * from './view.js';
