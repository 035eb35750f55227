import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
	parseQuestionCatalogue,
	parseStatusList,
	type CatalogueQuestion,
} from '../../../domain/reporting/catalogue';
import type { StatusValue } from '../../../domain/reporting/inspection';
import { readCsvRecords } from '../../csv/read-csv';

/** Default locations of the reporting catalogues. */
export const CATALOGUE_FILES = {
	questions: resolve('db/reference/survey-questions.csv'),
	statuses: resolve('db/reference/tilsyn-status.csv'),
} as const;

async function* textWithoutComments(path: string): AsyncGenerator<string> {
	yield readFileSync(path, 'utf8')
		.split('\n')
		.map((line) => (line.trimStart().startsWith('#') ? '' : line))
		.filter((line, i, all) => line !== '' || i === all.length - 1)
		.join('\n');
}

async function rows(path: string) {
	const all: { line: number; values: Record<string, string> }[] = [];
	for await (const row of readCsvRecords(textWithoutComments(path))) all.push(row);
	return all;
}

/**
 * The administrator-maintained lists: survey questions and overall-status values. They are files
 * in db/reference (reviewed like code, kept in backups of the repository) and re-read when they
 * change on disk, so an administrator's edit needs no restart.
 */
export class ReportingCatalogues {
	private cache = new Map<string, { mtimeMs: number; value: unknown }>();

	constructor(private readonly paths: { questions: string; statuses: string } = CATALOGUE_FILES) {}

	/** All catalogue questions (active and retired). */
	async questions(): Promise<CatalogueQuestion[]> {
		return this.load(this.paths.questions, async (p) => parseQuestionCatalogue(await rows(p)));
	}

	/** All status values (active and retired). */
	async statuses(): Promise<StatusValue[]> {
		return this.load(this.paths.statuses, async (p) => parseStatusList(await rows(p)));
	}

	private async load<T>(path: string, parse: (path: string) => Promise<T>): Promise<T> {
		const mtimeMs = statSync(path).mtimeMs;
		const cached = this.cache.get(path);
		if (cached && cached.mtimeMs === mtimeMs) return cached.value as T;
		const value = await parse(path);
		this.cache.set(path, { mtimeMs, value });
		return value;
	}
}
