import { register } from 'tsx/esm/api';
register();
await import('./parse-worker.ts');
