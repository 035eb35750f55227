/**
 * Replaces the local DAR access-address table with a DAWA CSV extract, atomically.
 *
 * Policy for bad rows: any row that fails validation fails the whole import, naming the line and
 * column. The national file is machine-made, so a bad row means a format change or a damaged file,
 * and a partial table would make valid visiting addresses look unknown. Likewise a file with far
 * fewer addresses than the table already holds (e.g. cut off at a line break) is refused unless
 * the operator allows it.
 */
import {
	PostcodeCentreAccumulator,
	type PostcodeCentre,
} from '../../domain/address/postcode-centres';
import type { RegisterDb } from '../db/client';
import {
	darColumnIndexes,
	DarImportFormatError,
	toStoredValues,
	validateDarRow,
} from '../dar/dar-csv-row';
import type { DarStatus } from '../dar/dar-source';
import { streetKey } from '../../domain/address/normalise';
import { CsvFormatError, readCsvRowBatches, readTextFile, TextFileError } from '../csv/read-csv';
import {
	DarAddressRepository,
	type DarAddressValues,
	type DarStagingAppender,
} from '../repositories/dar-address-repository';
import { ImportRunRepository } from '../repositories/import-run-repository';
import { acquireImportLock } from './import-lock';
import { ImportRefusedError } from './sor-import/errors';

export { DarImportFormatError };

/** Everything a DAR import needs, passed in so tests can use temp files and a fixed clock. */
export interface DarImportOptions {
	db: RegisterDb;
	/** The CSV file, plain or gzip. */
	path: string;
	/** Shown in the run log; defaults to the path. */
	sourceLabel?: string;
	/** The lock shared with the SOR import. */
	lockPath: string;
	now?: () => Date;
	/** Every 50 000 rows while reading, then once when the table is being replaced. */
	onProgress?: (progress: DarImportProgress) => void;
	/** Permit an extract with fewer than `MIN_KEPT_SHARE` of the addresses the table holds now. */
	allowShrink?: boolean;
}

/** Progress of a run: rows read so far, and whether the table is now being replaced. */
export interface DarImportProgress {
	phase: 'read' | 'replace';
	rowsRead: number;
	elapsedMs: number;
}

/** The outcome of a successful import. */
export interface DarImportSummary {
	runId: number;
	source: string;
	startedAt: string;
	finishedAt: string;
	durationMs: number;
	rowsRead: number;
	previousRows: number;
	rowsByStatus: Record<DarStatus, number>;
	/** Where the time went: reading and staging the file, replacing the table, commit and checkpoint. */
	phaseMs: { read: number; replace: number; commit: number };
}

/** Below this share of the current row count an extract is taken to be cut off. */
export const MIN_KEPT_SHARE = 0.9;
const PROGRESS_EVERY = 50_000;
const STREET_KEY_CACHE_LIMIT = 200_000;

/**
 * Imports a DAWA access-address CSV into `dar_addresses` inside one transaction (BEGIN IMMEDIATE):
 * every row validated and staged, then indexes dropped, rows deleted, staged rows copied in id
 * order, indexes rebuilt, COMMIT. Readers keep seeing the old table until the commit; any error
 * rolls everything back.
 */
export async function importDarExtract(options: DarImportOptions): Promise<DarImportSummary> {
	const now = options.now ?? (() => new Date());
	const { db, path: sourcePath } = options;
	const source = options.sourceLabel ?? sourcePath;
	const release = acquireImportLock(options.lockPath);
	const runs = new ImportRunRepository(db);
	const startedAt = now();
	const runId = runs.start('dar', source, startedAt.toISOString());
	const sqlite = db.$client;
	let inTransaction = false;
	let batches: AsyncGenerator<string[][]> | null = null;
	try {
		// Rows after the header hold just the DAR_CSV_COLUMNS, in that order; a row of the wrong
		// width (e.g. a cut-off last line) is a CsvFormatError naming the line.
		batches = readCsvRowBatches(readTextFile(sourcePath, { strictUtf8: true }), {
			project: (header) => darColumnIndexes(header, sourcePath),
		});
		const first = await batches.next();
		if (first.done || first.value.length === 0) {
			throw new DarImportFormatError(`${sourcePath} er tom. Intet er ændret.`);
		}

		const repository = new DarAddressRepository(db);
		sqlite.exec('BEGIN IMMEDIATE');
		inTransaction = true;
		const previousRows = repository.count();
		const staging = repository.openStaging();

		const parseStarted = Date.now();
		const { rowsRead, statusCounts, centres } = await stageRows(
			first.value.slice(1),
			batches,
			staging,
			(rowsRead) =>
				options.onProgress?.({ phase: 'read', rowsRead, elapsedMs: Date.now() - parseStarted }),
		);

		if (rowsRead === 0) {
			throw new DarImportFormatError(`${sourcePath} indeholder ingen adresser. Intet er ændret.`);
		}
		if (!options.allowShrink && rowsRead < previousRows * MIN_KEPT_SHARE) {
			throw new ImportRefusedError(
				`Filen har ${rowsRead.toLocaleString('da-DK')} adresser, men tabellen har ${previousRows.toLocaleString('da-DK')}; det ligner et afkortet udtræk. Intet er ændret. Brug --allow-shrink, hvis det er meningen.`,
			);
		}
		const replaceStarted = Date.now();
		options.onProgress?.({ phase: 'replace', rowsRead, elapsedMs: replaceStarted - parseStarted });
		try {
			repository.replaceAllFromStaging(centres);
		} catch (error) {
			throw duplicateFailure(error, repository);
		}
		const commitStarted = Date.now();
		sqlite.exec('COMMIT');
		inTransaction = false;
		checkpoint(db);
		const phaseMs = {
			read: replaceStarted - parseStarted,
			replace: commitStarted - replaceStarted,
			commit: Date.now() - commitStarted,
		};

		const rowsByStatus: Record<DarStatus, number> = {
			gældende: statusCounts[1]!,
			foreløbig: statusCounts[3]!,
			nedlagt: statusCounts[2]!,
			henlagt: statusCounts[4]!,
		};
		const finishedAt = now();
		runs.finish(runId, {
			status: 'succeeded',
			finishedAt: finishedAt.toISOString(),
			counts: { rowsRead, previousRows, ...rowsByStatus },
		});
		return {
			runId,
			source,
			startedAt: startedAt.toISOString(),
			finishedAt: finishedAt.toISOString(),
			durationMs: finishedAt.getTime() - startedAt.getTime(),
			rowsRead,
			previousRows,
			rowsByStatus,
			phaseMs,
		};
	} catch (caught) {
		// SQLite may already have rolled back by itself (e.g. disk full); a second ROLLBACK would
		// hide the real error.
		if (inTransaction && sqlite.inTransaction) sqlite.exec('ROLLBACK');
		const error = asImportError(caught, sourcePath);
		runs.finish(runId, {
			status: error instanceof ImportRefusedError ? 'refused' : 'failed',
			finishedAt: now().toISOString(),
			message: error instanceof Error ? error.message : String(error),
		});
		throw error;
	} finally {
		// Closes the file when the import stopped early.
		await batches?.return(undefined).catch(() => undefined);
		release();
	}
}

/**
 * Validates every row after the header and stages it. "Linje" in messages counts records, which
 * is the file's line number as long as no field holds a line break (DAWA's never do).
 */
async function stageRows(
	firstRows: string[][],
	batches: AsyncGenerator<string[][]>,
	staging: DarStagingAppender,
	onProgress: (rowsRead: number) => void,
): Promise<{ rowsRead: number; statusCounts: number[]; centres: PostcodeCentre[] }> {
	const statusCounts = [0, 0, 0, 0, 0];
	const centres = new PostcodeCentreAccumulator();
	const streetKeys = new Map<string, string>();
	const streetKeyOf = (name: string): string => {
		let key = streetKeys.get(name);
		if (key === undefined) {
			// Street names repeat tens of times each; the key is worth computing once.
			if (streetKeys.size >= STREET_KEY_CACHE_LIMIT) streetKeys.clear();
			key = streetKey(name);
			// `name` is a slice of a 1 MB chunk of the file; caching it as it is would keep the
			// whole chunk alive, and with it most of the file.
			streetKeys.set(detached(name), detached(key));
		}
		return key;
	};
	// Reused for every row: 2.5 million short-lived arrays fewer for the garbage collector.
	const values = new Array(15).fill(null) as DarAddressValues;
	let line = 1;
	let rowsRead = 0;
	let rows = firstRows;
	for (;;) {
		for (const row of rows) {
			line++;
			validateDarRow(row, line);
			staging.add(toStoredValues(row, streetKeyOf, values));
			statusCounts[values[1]]!++;
			centres.add(values[7], values[8], values[1], values[12], values[13]);
			if (++rowsRead % PROGRESS_EVERY === 0) onProgress(rowsRead);
		}
		const next = await batches.next();
		if (next.done) break;
		rows = next.value;
	}
	staging.flush();
	onProgress(rowsRead);
	return { rowsRead, statusCounts, centres: centres.centres() };
}

/** A primary-key violation becomes a message naming the two lines with the same id. */
function duplicateFailure(error: unknown, repository: DarAddressRepository): unknown {
	const code = (error as { code?: unknown }).code;
	if (code !== 'SQLITE_CONSTRAINT_PRIMARYKEY' && code !== 'SQLITE_CONSTRAINT_UNIQUE') return error;
	const duplicate = repository.findStagedDuplicate();
	if (duplicate === null) return error;
	// Staged rows are numbered from 1 in file order, and the header is line 1.
	return new DarImportFormatError(
		`Linje ${duplicate.first + 1} og ${duplicate.second + 1}, kolonne id: adressen ${duplicate.id} forekommer mere end én gang. Intet er ændret.`,
	);
}

/** A copy of a string that shares no memory with the (possibly much larger) string it came from. */
function detached(text: string): string {
	return Buffer.from(text, 'utf8').toString('utf8');
}

/** File-level read errors become format errors that say the table is unchanged. */
function asImportError(error: unknown, path: string): unknown {
	if (error instanceof CsvFormatError || error instanceof TextFileError) {
		return new DarImportFormatError(`${path}: ${error.message} Intet er ændret.`);
	}
	return error;
}

/** Folds the import's large WAL back into the database file; skipped while readers hold it. */
function checkpoint(db: RegisterDb): void {
	try {
		db.$client.pragma('wal_checkpoint(TRUNCATE)');
	} catch {
		// Busy readers: the next automatic checkpoint will do it.
	}
}
