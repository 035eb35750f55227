import { createHash } from 'node:crypto';
import { Classifications } from '../../../domain/sor/classification';
import { diffEntity } from '../../../domain/sor/entity-diff';
import { sorRecordSchema, type SorSnapshotHeader } from '../../../domain/sor/record';
import { entityStatus } from '../../../domain/sor/status';
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
	validateLocalityAddresses,
	type AddressValidationSummary,
} from '../quality/address-validation';
import { findProblems } from '../quality/find-problems';
import { parseSorXml } from '../../sor/parser';
import { acquireImportLock } from '../import-lock';
import { ImportRefusedError } from './errors';
import { municipalityNameKey } from './owner-identity';
import { deriveRegister, type RegisterChangeCounts } from './register-derivation';

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
}

/** Counts reported for a run. */
export interface SorImportCounts extends RegisterChangeCounts {
	entitiesRead: number;
	entitiesNew: number;
	entitiesChanged: number;
	entitiesMoved: number;
	entitiesClosed: number;
	entitiesReopened: number;
	recordsRejected: number;
}

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

/** A record that failed validation, with the owner it belongs to when the parser knew it. */
export interface Rejection {
	sorId: string | null;
	ownerSorId: string | null;
	reason: string;
}

const PROGRESS_EVERY = 5000;

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
	const startedAt = now();
	const runId = runs.start(
		'sor',
		options.sourceLabel,
		startedAt.toISOString(),
		options.isSampleData,
	);
	let header: SorSnapshotHeader | null = null;
	let inTransaction = false;
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
		const events = new SorEventRepository(db);
		const fingerprints = entities.loadFingerprints();
		const seen = new Set<string>();
		const changedIds = new Set<string>();
		const movedIds = new Set<string>();
		const rejections: Rejection[] = [];
		const counts = {
			entitiesRead: 0,
			entitiesNew: 0,
			entitiesChanged: 0,
			entitiesMoved: 0,
			entitiesClosed: 0,
			entitiesReopened: 0,
			recordsRejected: 0,
		};
		const parseStarted = Date.now();

		const result = await parseSorXml(await options.openSource(), {
			onHeader(snapshotHeader) {
				header = snapshotHeader;
				const previous = previousRun?.snapshotDate;
				if (previous && snapshotHeader.snapshotDate < previous && !options.allowOlderSnapshot) {
					throw new ImportRefusedError(
						`Udtrækket er fra ${snapshotHeader.snapshotDate}, ældre end registrets seneste (${previous}). Intet er ændret. Brug --allow-older-snapshot, hvis det er meningen.`,
					);
				}
			},
			onRecord(raw) {
				counts.entitiesRead++;
				if (counts.entitiesRead % PROGRESS_EVERY === 0) {
					options.onProgress?.({
						entitiesRead: counts.entitiesRead,
						elapsedMs: Date.now() - parseStarted,
					});
				}
				const sorId = typeof raw.sorId === 'string' && raw.sorId !== '' ? raw.sorId : null;
				const ownerSorId = typeof raw.ownerSorId === 'string' ? raw.ownerSorId : null;
				const parsed = sorRecordSchema.safeParse(raw);
				if (!parsed.success) {
					// A rejected record is still in the snapshot: it must not be closed as missing.
					if (sorId) seen.add(sorId);
					const reason = parsed.error.issues
						.map((issue) => `${issue.path.join('.') || 'post'}: ${issue.message}`)
						.join('; ');
					rejections.push({ sorId, ownerSorId, reason });
					counts.recordsRejected++;
					return;
				}
				const record = parsed.data;
				if (seen.has(record.sorId)) {
					rejections.push({
						sorId: record.sorId,
						ownerSorId: record.ownerSorId,
						reason: 'SOR-ID forekommer mere end én gang i udtrækket',
					});
					counts.recordsRejected++;
					return;
				}
				seen.add(record.sorId);
				const snapshotDate = header!.snapshotDate;
				const status = entityStatus(record, snapshotDate);
				const contentHash = createHash('sha1').update(JSON.stringify(record)).digest('base64');
				const before = fingerprints.get(record.sorId);
				if (!before) {
					entities.insert(record, { status, contentHash, runId });
					events.record(runId, snapshotDate, record.sorId, 'new', {
						name: record.name,
						level: record.level,
						status,
					});
					counts.entitiesNew++;
					return;
				}
				if (before.contentHash !== contentHash) {
					const old = entities.get(record.sorId)!;
					const diff = diffEntity(old, record);
					entities.replaceContent(record, { status, contentHash, runId });
					if (Object.keys(diff.changes).length > 0) {
						events.record(runId, snapshotDate, record.sorId, 'changed', diff.changes);
						changedIds.add(record.sorId);
						counts.entitiesChanged++;
					}
					if (diff.move) {
						events.record(runId, snapshotDate, record.sorId, 'moved', {
							parentSorId: diff.move,
						});
						movedIds.add(record.sorId);
						counts.entitiesMoved++;
					}
				} else if (before.status !== status || !before.inSnapshot) {
					entities.setStatus(record.sorId, status, status === 'closed' ? 'to_date' : null, true);
				}
				const wasOpen = before.inSnapshot && before.status !== 'closed';
				if (wasOpen && status === 'closed') {
					events.record(runId, snapshotDate, record.sorId, 'closed', {
						reason: 'to_date',
						toDate: record.toDate,
					});
					counts.entitiesClosed++;
				} else if (!wasOpen && status !== 'closed' && before.status === 'closed') {
					events.record(runId, snapshotDate, record.sorId, 'reopened', { status });
					counts.entitiesReopened++;
				}
			},
		});
		const snapshotDate = result.header.snapshotDate;

		for (const [sorId, fingerprint] of fingerprints) {
			if (!fingerprint.inSnapshot || seen.has(sorId)) continue;
			entities.setStatus(sorId, 'closed', 'missing', false);
			if (fingerprint.status !== 'closed') {
				events.record(runId, snapshotDate, sorId, 'closed', { reason: 'missing' });
				counts.entitiesClosed++;
			}
		}

		const register = new RegisterRepository(db);
		const municipalityCodeByName = new Map(
			municipalities.map((m) => [municipalityNameKey(m.name), m.code] as const),
		);
		const registerCounts = deriveRegister({
			entities,
			register,
			classifications,
			municipalityCodeByName,
			runId,
			snapshotDate,
			changedIds,
			movedIds,
		});
		const verdict = checkMassClose({
			activeBefore: registerCounts.localitiesActiveBefore,
			closing: registerCounts.localitiesClosed,
			threshold: options.massCloseThreshold,
			allowMassClose: options.allowMassClose ?? false,
		});
		if (!verdict.allowed) throw new ImportRefusedError(verdict.reason);

		const runAt = now().toISOString();
		const addressValidation = await validateLocalityAddresses({
			register,
			entities,
			dar: options.darSource,
			validatedAt: runAt,
		});
		const problemRepository = new DataProblemRepository(db);
		const problemChanges = problemRepository.sync(
			findProblems({ register, entities, classifications, municipalityCodeByName, rejections }),
			runId,
			runAt,
		);
		const openProblems = problemRepository.open().length;

		for (const rejection of rejections) runs.reject(runId, rejection.sorId, rejection.reason);
		db.$client.exec('COMMIT');
		inTransaction = false;

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
		release();
	}
}
