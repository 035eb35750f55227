import { Classifications } from '../../../domain/sor/classification';
import type { SorSnapshotHeader } from '../../../domain/sor/record';
import { checkMassClose } from '../../../domain/register/mass-close-guard';
import type { RegisterDb } from '../../db/client';
import { ImportRunRepository } from '../../repositories/import-run-repository';
import { ReferenceRepository } from '../../repositories/reference-repository';
import { RegisterRepository } from '../../repositories/register-repository';
import { SorEntityRepository } from '../../repositories/sor-entity-repository';
import { SorEventRepository } from '../../repositories/sor-event-repository';
import type { DarSource } from '../../dar/dar-source';
import {
	DataProblemRepository,
	type OwnedProblem,
	type StoredProblem,
} from '../../repositories/data-problem-repository';
import { InspectionRepository } from '../../repositories/inspection-repository';
import {
	readAuthorityAreas,
	readClassifications,
	readMunicipalities,
} from '../../reference/reference-files';
import {
	AddressValidator,
	DarLookahead,
	type AddressValidationSummary,
} from '../quality/address-validation';
import { findProblems } from '../quality/find-problems';
import { SorParserThread } from '../../sor/parser-thread';
import { acquireImportLock } from '../import-lock';
import { ImportRefusedError } from './errors';
import { municipalityNameKey } from './owner-identity';
import { RegisterDerivation, type RegisterChangeCounts } from './register-derivation';
import { SnapshotDiff, type EntityCounts, type Rejection } from './snapshot-diff';

export type { Rejection } from './snapshot-diff';

/** Everything a SOR import run needs, passed in so tests can use real files and a fake clock. */
export interface SorImportOptions {
	db: RegisterDb;
	/** Shown in the run log: a path or URL. */
	sourceLabel: string;
	/** Opens the byte stream of the snapshot (file, gzip or URL). */
	openSource: () => Promise<AsyncIterable<Buffer | string>>;
	classificationsPath: string;
	municipalitiesPath: string;
	authoritiesPath: string;
	/** Where visiting addresses are validated (the local DAR table or an online service). */
	darSource: DarSource;
	lockPath: string;
	massCloseThreshold: number;
	allowMassClose?: boolean;
	/** The file is the bundled, fictitious sample: every page then says so. */
	isSampleData?: boolean;
	/** Permit a snapshot older than the one the register already holds. */
	allowOlderSnapshot?: boolean;
	now?: () => Date;
	onProgress?: (progress: { entitiesRead: number; elapsedMs: number }) => void;
	/** Called as each step of the run ends, with its duration (for benchmarks). */
	onPhase?: (phase: SorImportPhase, durationMs: number) => void;
	/**
	 * Where the XML is parsed. 'auto' (default): on a worker thread, overlapping with the database
	 * work here, once the file proves larger than a few MB; 'always': on the worker whatever the
	 * size; 'never': in this thread. Without a usable worker the parse runs in this thread.
	 */
	parseInWorker?: 'auto' | 'always' | 'never';
}

/** The steps of a run, as {@link SorImportOptions.onPhase} reports them. */
export type SorImportPhase =
	'prepare' | 'stream' | 'close-missing' | 'localities' | 'problems' | 'commit';

/** Counts reported for a run. */
export interface SorImportCounts extends RegisterChangeCounts, EntityCounts {}

/** The outcome of a successful run. */
export interface SorImportSummary {
	runId: number;
	source: string;
	snapshotDate: string;
	fileCreatedAt: string | null;
	startedAt: string;
	finishedAt: string;
	durationMs: number;
	counts: SorImportCounts;
	rejections: Rejection[];
	addressValidation: AddressValidationSummary;
	problems: { opened: OwnedProblem[]; resolved: StoredProblem[]; open: number };
}

const PROGRESS_EVERY = 5000;
const IDLE_SLICE_MS = 1;

// SQLite's page cache for the run, in KiB. The default 2 MB makes a national snapshot's index pages
// spill to the WAL and be read back for every insert; 16 MB holds the indexes the run touches (more
// did not pay and counts in the run's memory). Restored afterwards, so a long-lived connection (the
// server after `npm start`) does not keep it.
const IMPORT_CACHE_KIB = 16_384;

/**
 * Imports one SOR snapshot atomically: every entity is diffed against the register, history rows
 * record what changed, localities and providers are derived, and any failure or refusal rolls the
 * whole run back.
 */
export async function importSorSnapshot(options: SorImportOptions): Promise<SorImportSummary> {
	const now = options.now ?? (() => new Date());
	const { db } = options;
	const release = acquireImportLock(options.lockPath);
	const runs = new ImportRunRepository(db);
	let phaseStarted = performance.now();
	const phaseDone = (phase: SorImportPhase): void => {
		const at = performance.now();
		options.onPhase?.(phase, at - phaseStarted);
		phaseStarted = at;
	};
	const startedAt = now();
	const runId = runs.start(
		'sor',
		options.sourceLabel,
		startedAt.toISOString(),
		options.isSampleData,
	);
	let header: SorSnapshotHeader | null = null;
	let inTransaction = false;
	// Started now so the worker's start-up overlaps reading the reference files.
	const parseInWorker = options.parseInWorker ?? 'auto';
	const parserThread = SorParserThread.start({
		useWorker: parseInWorker !== 'never',
		minWorkerBytes: parseInWorker === 'always' ? 0 : undefined,
	});
	const previousCacheSize = db.$client.pragma('cache_size', { simple: true }) as number;
	const previousMmapSize = db.$client.pragma('mmap_size', { simple: true }) as number;
	db.$client.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
	// Every page the run touches (the whole new register) would count in its memory when mapped.
	db.$client.pragma('mmap_size = 0');
	try {
		const classificationEntries = await readClassifications(options.classificationsPath);
		const classifications = new Classifications(classificationEntries);
		const municipalities = await readMunicipalities(options.municipalitiesPath);
		const authorityAreas = await readAuthorityAreas(options.authoritiesPath);
		const previousRun = runs.latest('sor', true);

		db.$client.exec('BEGIN IMMEDIATE');
		inTransaction = true;
		const reference = new ReferenceRepository(db);
		reference.replaceClassifications(classificationEntries);
		reference.replaceMunicipalities(municipalities);
		new InspectionRepository(db).replaceAreas(authorityAreas);

		const entities = new SorEntityRepository(db);
		// Local DAR answers are looked up while the file streams in, whenever this thread would wait
		// for the parser; validation later replays them in its own order.
		const lookahead = DarLookahead.for(options.darSource);
		const diff = new SnapshotDiff({
			entities,
			events: new SorEventRepository(db),
			classifications,
			runId,
			lookahead,
		});
		const { counts, rejections } = diff;
		const parseStarted = Date.now();

		phaseDone('prepare');
		const result = await parserThread.parseChecked(await options.openSource(), {
			onHeader(snapshotHeader) {
				header = snapshotHeader;
				const previous = previousRun?.snapshotDate;
				if (previous && snapshotHeader.snapshotDate < previous && !options.allowOlderSnapshot) {
					throw new ImportRefusedError(
						`Udtrækket er fra ${snapshotHeader.snapshotDate}, ældre end registrets seneste (${previous}). Intet er ændret. Brug --allow-older-snapshot, hvis det er meningen.`,
					);
				}
			},
			onIdle: () => lookahead?.work(IDLE_SLICE_MS) ?? false,
			onChecked(checked) {
				diff.add(checked, header!.snapshotDate);
				if (counts.entitiesRead % PROGRESS_EVERY === 0) {
					options.onProgress?.({
						entitiesRead: counts.entitiesRead,
						elapsedMs: Date.now() - parseStarted,
					});
				}
			},
		});
		const snapshotDate = result.header.snapshotDate;
		phaseDone('stream');
		diff.closeMissing(snapshotDate);

		phaseDone('close-missing');
		const register = new RegisterRepository(db);
		const municipalityCodeByName = new Map(
			municipalities.map((m) => [municipalityNameKey(m.name), m.code] as const),
		);
		const derivation = new RegisterDerivation({
			entities,
			register,
			classifications,
			municipalityCodeByName,
			runId,
			snapshotDate,
			changedIds: diff.changedIds,
			movedIds: diff.movedIds,
		});
		// Checked before anything is written or any address is looked up.
		const preview = derivation.preview();
		const verdict = checkMassClose({
			activeBefore: preview.activeBefore,
			closing: preview.closing,
			threshold: options.massCloseThreshold,
			allowMassClose: options.allowMassClose ?? false,
		});
		if (!verdict.allowed) throw new ImportRefusedError(verdict.reason);

		const runAt = now().toISOString();
		const validator = new AddressValidator(options.darSource, runAt, lookahead);
		const registerCounts = await derivation.apply(validator);
		const addressValidation = validator.summary;
		phaseDone('localities');
		const problemRepository = new DataProblemRepository(db);
		const problemChanges = problemRepository.sync(
			findProblems({ register, entities, classifications, municipalityCodeByName, rejections }),
			runId,
			runAt,
		);
		const openProblems = problemRepository.open().length;

		for (const rejection of rejections) runs.reject(runId, rejection.sorId, rejection.reason);
		phaseDone('problems');
		db.$client.exec('COMMIT');
		inTransaction = false;
		phaseDone('commit');

		const finishedAt = now();
		const allCounts: SorImportCounts = { ...counts, ...registerCounts };
		runs.finish(runId, {
			status: 'succeeded',
			finishedAt: finishedAt.toISOString(),
			snapshotDate,
			fileCreatedAt: result.header.createdAt,
			counts: { ...allCounts },
			message: addressValidation.outage
				? `DAR var ikke tilgængelig: ${addressValidation.outage}`
				: null,
		});
		return {
			runId,
			source: options.sourceLabel,
			snapshotDate,
			fileCreatedAt: result.header.createdAt,
			startedAt: startedAt.toISOString(),
			finishedAt: finishedAt.toISOString(),
			durationMs: finishedAt.getTime() - startedAt.getTime(),
			counts: allCounts,
			rejections,
			addressValidation,
			problems: { ...problemChanges, open: openProblems },
		};
	} catch (error) {
		if (inTransaction) db.$client.exec('ROLLBACK');
		runs.finish(runId, {
			status: error instanceof ImportRefusedError ? 'refused' : 'failed',
			finishedAt: now().toISOString(),
			snapshotDate: (header as SorSnapshotHeader | null)?.snapshotDate ?? null,
			message: error instanceof Error ? error.message : String(error),
		});
		throw error;
	} finally {
		await parserThread.close();
		db.$client.pragma(`cache_size = ${previousCacheSize}`);
		db.$client.pragma(`mmap_size = ${previousMmapSize}`);
		release();
	}
}
