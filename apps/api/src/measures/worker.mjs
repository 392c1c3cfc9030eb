// The measures worker's entry (see measuresWorker.ts): Node runs it as plain JavaScript, so it
// registers tsx's loader first and then loads the TypeScript worker body and its packages.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
