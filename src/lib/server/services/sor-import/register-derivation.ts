import type { Classifications } from '../../../domain/sor/classification';
import type { LocalityRow, RegisterRepository } from '../../repositories/register-repository';
import type {
	SorEntityRepository,
	StoredEntity,
	TreeNode,
} from '../../repositories/sor-entity-repository';
import { resolveOwner } from './owner-identity';

/** Counts of what a run did to the register's localities and providers. */
export interface RegisterChangeCounts {
	localitiesActiveBefore: number;
	localitiesNew: number;
	localitiesChanged: number;
	localitiesMoved: number;
	localitiesClosed: number;
	localitiesReopened: number;
	providersNew: number;
}

/** Validation state of a locality that DAR has not been asked about yet. */
const NOT_YET_VALIDATED = {
	addressStatus: 'pending',
	validatedAddressKey: null,
	addressValidatedAt: null,
	darAddressId: null,
	lat: null,
	lon: null,
	locationMunicipalityCode: null,
	published: false,
} as const satisfies Partial<LocalityRow>;

interface DerivationInput {
	entities: SorEntityRepository;
	register: RegisterRepository;
	classifications: Classifications;
	municipalityCodeByName: ReadonlyMap<string, string>;
	runId: number;
	snapshotDate: string;
	/** SOR-IDs with a 'changed' or 'moved' event in this run. */
	changedIds: ReadonlySet<string>;
	movedIds: ReadonlySet<string>;
}

/**
 * Brings localities and aggregate providers in line with the SOR entities stored by this run:
 * every active unit of the locality type is an active locality; one provider per owner.
 */
export function deriveRegister(input: DerivationInput): RegisterChangeCounts {
	const { entities, register, classifications, runId, snapshotDate } = input;
	const existing = register.allLocalities();
	const counts: RegisterChangeCounts = {
		localitiesActiveBefore: [...existing.values()].filter((row) => row.status === 'active').length,
		localitiesNew: 0,
		localitiesChanged: 0,
		localitiesMoved: 0,
		localitiesClosed: 0,
		localitiesReopened: 0,
		providersNew: 0,
	};
	// Localities share ancestors and owners: look each up once per run.
	const nodeCache = new Map<string, TreeNode | null>();
	const node = (sorId: string) => {
		if (!nodeCache.has(sorId)) nodeCache.set(sorId, entities.node(sorId));
		return nodeCache.get(sorId) ?? null;
	};
	const providerByOwner = new Map<string, string>();

	const candidates = entities.withTypeCodes(classifications.localityTypeCodes());
	const candidateIds = new Set<string>();
	for (const unit of candidates) {
		candidateIds.add(unit.sorId);
		const before = existing.get(unit.sorId);
		const active = unit.status === 'active';
		if (!before && !active) continue; // never registered: a future or already-closed unit
		let providerId = providerByOwner.get(unit.ownerSorId);
		if (providerId === undefined) {
			const owner = entities.get(unit.ownerSorId);
			if (!owner) continue; // cannot happen: the parser always emits the owner first
			providerId = ensureProvider(input, owner, runId, snapshotDate, counts);
			providerByOwner.set(unit.ownerSorId, providerId);
		}
		const row: LocalityRow = {
			...(before ?? NOT_YET_VALIDATED),
			sorId: unit.sorId,
			providerId,
			status: active ? 'active' : 'closed',
			closedSince: active ? null : closedSince(unit, snapshotDate),
			closedReason: active ? null : unit.closedReason === 'missing' ? 'missing' : 'to_date',
			parentChain: JSON.stringify(parentChain(unit, node)),
			subUnits: JSON.stringify(entities.descendants(unit.sorId)),
			firstRegisteredSnapshotDate: before?.firstRegisteredSnapshotDate ?? snapshotDate,
			lastChangedSnapshotDate: before?.lastChangedSnapshotDate ?? snapshotDate,
			published: active && (before?.published ?? false),
		};
		const changed = classifyChange(before, row, input, counts);
		if (changed) {
			row.lastChangedSnapshotDate = snapshotDate;
			if (before?.status === 'closed' && !active && before.closedReason === row.closedReason) {
				row.closedSince = before.closedSince; // still closed: keep the original closing date
			}
			register.saveLocality(row);
		}
	}

	// A locality whose unit no longer has the locality type stops being one, but keeps its page.
	for (const [sorId, before] of existing) {
		if (candidateIds.has(sorId) || before.status === 'closed') continue;
		register.saveLocality({
			...before,
			status: 'closed',
			closedSince: snapshotDate,
			closedReason: 'type_changed',
			lastChangedSnapshotDate: snapshotDate,
			published: false,
		});
		counts.localitiesClosed++;
	}
	return counts;
}

function ensureProvider(
	input: DerivationInput,
	owner: StoredEntity,
	runId: number,
	snapshotDate: string,
	counts: RegisterChangeCounts,
): string {
	const resolved = resolveOwner(owner, input.classifications, input.municipalityCodeByName);
	const { created } = input.register.ensureProvider({
		id: resolved.key,
		ownerSorId: owner.sorId,
		kind: resolved.providerKind,
		municipalityCode: resolved.municipalityCode,
		cvr: owner.cvr,
		name: owner.name,
		createdRunId: runId,
		createdSnapshotDate: snapshotDate,
	});
	if (created) counts.providersNew++;
	return resolved.key;
}

function closedSince(unit: StoredEntity, snapshotDate: string): string {
	return unit.closedReason === 'missing' ? snapshotDate : (unit.toDate ?? snapshotDate);
}

/** Updates the counters and says whether the row differs from what is stored. */
function classifyChange(
	before: LocalityRow | undefined,
	after: LocalityRow,
	input: DerivationInput,
	counts: RegisterChangeCounts,
): boolean {
	if (!before) {
		counts.localitiesNew++;
		return true;
	}
	if (before.status === 'active' && after.status === 'closed') counts.localitiesClosed++;
	else if (before.status === 'closed' && after.status === 'active') counts.localitiesReopened++;
	else if (input.movedIds.has(after.sorId) || before.parentChain !== after.parentChain)
		counts.localitiesMoved++;
	else if (
		input.changedIds.has(after.sorId) ||
		before.subUnits !== after.subUnits ||
		before.providerId !== after.providerId
	)
		counts.localitiesChanged++;
	return (
		before.status !== after.status ||
		before.closedReason !== after.closedReason ||
		before.parentChain !== after.parentChain ||
		before.subUnits !== after.subUnits ||
		before.providerId !== after.providerId ||
		input.changedIds.has(after.sorId) ||
		input.movedIds.has(after.sorId)
	);
}

function parentChain(unit: StoredEntity, node: (id: string) => TreeNode | null) {
	const chain: { sorId: string; name: string; level: string }[] = [];
	let parentId = unit.parentSorId;
	while (parentId !== null) {
		const parent = node(parentId);
		if (!parent) break;
		chain.unshift({ sorId: parent.sorId, name: parent.name, level: parent.level });
		parentId = parent.parentSorId;
	}
	return chain;
}
