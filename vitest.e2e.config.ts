import { defineConfig } from 'vitest/config';

// Browser tests: the built server + Debian Chromium, run by `npm run test:e2e`.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		environment: 'node',
		pool: 'forks',
		// One server for all files; files run one after another so timings stay predictable.
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 120_000,
		reporters: ['default'],
	},
});
