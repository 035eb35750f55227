// Entry of the SOR parser worker. Node 20 does not hand a parent's TypeScript loader (tsx) to worker
// threads, so the worker registers tsx's in-thread CommonJS hook itself before loading the parser.
require('tsx/cjs/api').register();
require('./parse-worker.ts');
