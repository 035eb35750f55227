import type { Classifications } from '../../../domain/sor/classification';
import { diffEntity } from '../../../domain/sor/entity-diff';
import { entityStatus } from '../../../domain/sor/status';
import {
	entityContent,
	type EntityFingerprint,
	type SorEntityRepository,
} from '../../repositories/sor-entity-repository';
import type { SorEventRepository } from '../../repositories/sor-event-repository';
import type { CheckedRecord } from '../../sor/record-check';
import type { DarLookahead } from '../quality/address-validation';

/** A record that failed validation, with the owner it belongs to when the parser knew it. */
export interface Rejection {
	sorId: string | null;
	ownerSorId: string | null;
	reason: string;
}

/** Entity counts of a run. */
export interface EntityCounts {
	entitiesRead: number;
	entitiesNew: number;
	entitiesChanged: number;
	entitiesMoved: number;
	entitiesClosed: number;
	entitiesReopened: number;
	recordsRejected: number;
}

/**
 * Diffs a snapshot, record by record as it streams in, against the stored SOR entities: new and
 * changed entities are written with their history ('new', 'changed', 'moved', 'closed',
 * 'reopened'), unchanged ones cost a fingerprint comparison. {@link closeMissing} then closes what
 * the snapshot no longer holds and lets go of the per-entity state.
 */
export class SnapshotDiff {
	readonly counts: EntityCounts = {
		entitiesRead: 0,
		entitiesNew: 0,
		entitiesChanged: 0,
		entitiesMoved: 0,
		entitiesClosed: 0,
		entitiesReopened: 0,
		recordsRejected: 0,
	};
	readonly rejections: Rejection[] = [];
	/** SOR-IDs with a 'changed' event in this run. */
	readonly changedIds = new Set<string>();
	/** SOR-IDs with a 'moved' event in this run. */
	readonly movedIds = new Set<string>();
	// Per-entity state for the whole snapshot (~30 MB at national size), dropped by closeMissing.
	private fingerprints: Map<string, EntityFingerprint> | null;
	private seen: Set<string> | null = new Set();

	constructor(
		private readonly input: {
			entities: SorEntityRepository;
			events: SorEventRepository;
			classifications: Classifications;
			runId: number;
			/** Gets the visiting address of every active locality-type unit, for early lookup. */
			lookahead: DarLookahead | null;
		},
	) {
		this.fingerprints = input.entities.loadFingerprints();
	}

	/** Handles one record of the snapshot dated `snapshotDate`. */
	add(checked: CheckedRecord, snapshotDate: string): void {
		const { counts, rejections } = this;
		const { entities, events, runId, lookahead } = this.input;
		const seen = this.seen!;
		counts.entitiesRead++;
		if (!checked.ok) {
			// A rejected record is still in the snapshot: it must not be closed as missing.
			if (checked.sorId) seen.add(checked.sorId);
			const { sorId, ownerSorId, reason } = checked;
			rejections.push({ sorId, ownerSorId, reason });
			counts.recordsRejected++;
			return;
		}
		const record = checked.record;
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
		const status = entityStatus(record, snapshotDate);
		if (
			lookahead !== null &&
			status === 'active' &&
			this.input.classifications.isLocalityType(record.entityTypeCode)
		) {
			lookahead.add(record.sorId, record.visitingAddress);
		}
		const content = entityContent(record);
		const before = this.fingerprints!.get(record.sorId);
		if (!before) {
			entities.insert(content, { status, runId });
			events.append(runId, snapshotDate, record.sorId, 'new', {
				name: record.name,
				level: record.level,
				status,
			});
			counts.entitiesNew++;
			return;
		}
		let unchanged = before.contentHash === content.contentHash;
		if (!unchanged && sameValues(entities.storedContentValues(record.sorId), content.values)) {
			// Stored under a fingerprint of another definition (an older release): same content, so
			// only the fingerprint is rewritten, and nothing is recorded.
			entities.setContentHash(record.sorId, content.contentHash);
			unchanged = true;
		}
		if (!unchanged) {
			const old = entities.get(record.sorId)!;
			const diff = diffEntity(old, record);
			entities.replaceContent(content, { status });
			if (Object.keys(diff.changes).length > 0) {
				events.append(runId, snapshotDate, record.sorId, 'changed', diff.changes);
				this.changedIds.add(record.sorId);
				counts.entitiesChanged++;
			}
			if (diff.move) {
				events.append(runId, snapshotDate, record.sorId, 'moved', { parentSorId: diff.move });
				this.movedIds.add(record.sorId);
				counts.entitiesMoved++;
			}
		} else if (before.status !== status || !before.inSnapshot) {
			entities.setStatus(record.sorId, status, status === 'closed' ? 'to_date' : null, true);
		}
		const wasOpen = before.inSnapshot && before.status !== 'closed';
		if (wasOpen && status === 'closed') {
			events.append(runId, snapshotDate, record.sorId, 'closed', {
				reason: 'to_date',
				toDate: record.toDate,
			});
			counts.entitiesClosed++;
		} else if (!wasOpen && status !== 'closed' && before.status === 'closed') {
			events.append(runId, snapshotDate, record.sorId, 'reopened', { status });
			counts.entitiesReopened++;
		}
	}

	/** Closes every stored entity the snapshot no longer holds ('missing'); call once, at the end. */
	closeMissing(snapshotDate: string): void {
		const { entities, events, runId } = this.input;
		const seen = this.seen!;
		for (const [sorId, fingerprint] of this.fingerprints!) {
			if (!fingerprint.inSnapshot || seen.has(sorId)) continue;
			entities.setStatus(sorId, 'closed', 'missing', false);
			if (fingerprint.status !== 'closed') {
				events.append(runId, snapshotDate, sorId, 'closed', { reason: 'missing' });
				this.counts.entitiesClosed++;
			}
		}
		events.flush();
		this.fingerprints = null;
		this.seen = null;
	}
}

function sameValues(stored: unknown[] | null, values: readonly unknown[]): boolean {
	if (stored === null || stored.length !== values.length) return false;
	for (let i = 0; i < values.length; i++) if (stored[i] !== values[i]) return false;
	return true;
}
