export { type AppDeps, buildApp } from './app.js';
export { type ApiConfig, apiConfig } from './config.js';
export { modelResponse } from './routes/meta.js';
