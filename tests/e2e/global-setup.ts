import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { populateRegister } from '../../scripts/e2e/populate';
import { writeFixtureFiles } from './fixture/write-fixture';
import { buildIfNeeded, startServer } from './support/server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		databasePath: string;
	}
}

/**
 * Builds the site if needed, fills a temporary register with the real importers (DAR extract, then
 * two SOR snapshots of the fixture) and starts the built server on 127.0.0.1 with no tile server.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const log = (line: string) => process.stdout.write(`[e2e] ${line}\n`);
	buildIfNeeded(log);
	const dir = mkdtempSync(join(tmpdir(), 'plejeoverblik-e2e-'));
	const databasePath = join(dir, 'register.sqlite');
	const files = writeFixtureFiles(join(dir, 'fixture'));
	const counts = await populateRegister({
		databasePath,
		...files,
		now: () => new Date('2026-11-24T03:00:00Z'),
	});
	log(`Register fyldt: ${counts.localities} steder, ${counts.published} vises.`);
	const server = await startServer({ DATABASE_PATH: databasePath, MAP_TILE_URL: '' });
	log(`Server: ${server.baseUrl}`);
	project.provide('baseUrl', server.baseUrl);
	project.provide('databasePath', databasePath);
	return async () => {
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	};
}
