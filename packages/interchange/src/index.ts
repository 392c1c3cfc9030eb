export * from './csvFormat.js';
export * from './csvItems.js';
export * from './csvReader.js';
export * from './formats.js';
export * from './graphFormats.js';
export * from './jsonFormat.js';
export * from './text.js';
export * from './values.js';
