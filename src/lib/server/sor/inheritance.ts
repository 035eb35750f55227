import type { RawSorRecord, SorLevel } from '../../domain/sor/record';

/** An address as the parser builds it, before zod normalises it. */
export type RawSorAddress = NonNullable<RawSorRecord['postalAddress']>;

/** What one record element says about itself, before anything is inherited from its ancestors. */
export interface RecordDraft {
	level: SorLevel;
	sorId: string;
	name: string;
	entityTypeCode: string | null;
	cvr: string | null;
	/** null = no PostalAddressInformation element. */
	postalAddress: RawSorAddress | null;
	/** null = no VisitingAddressInformation element. */
	visitingAddress: RawSorAddress | null;
	/** Whether the record has its own VirtualAddressInformation (then nothing is inherited). */
	hasVirtualAddress: boolean;
	phone: string | null;
	email: string | null;
	website: string | null;
	eanLocationCode: string | null;
	/** EntityInheritanceIndicator / EntityInheritedIndicator was true. */
	eanInherited: boolean;
	/** '' when absent, so that validation rejects the record instead of us inventing a date. */
	firstFromDate: string;
	fromDate: string | null;
	toDate: string | null;
	updatedAt: string | null;
	replaces: string[];
	replacedBy: string[];
}

/** The resolved facts of an emitted record that its descendants need for nesting and inheritance. */
export interface ResolvedAncestor {
	sorId: string;
	ownerSorId: string;
	depth: number;
	postalAddress: RawSorAddress | null;
	phone: string | null;
	email: string | null;
	website: string | null;
	eanLocationCode: string | null;
}

/** An empty draft for a record element of the given level. */
export function createDraft(level: SorLevel): RecordDraft {
	return {
		level,
		sorId: '',
		name: '',
		entityTypeCode: null,
		cvr: null,
		postalAddress: null,
		visitingAddress: null,
		hasVirtualAddress: false,
		phone: null,
		email: null,
		website: null,
		eanLocationCode: null,
		eanInherited: false,
		firstFromDate: '',
		fromDate: null,
		toDate: null,
		updatedAt: null,
		replaces: [],
		replacedBy: [],
	};
}

/** An address with every part missing, filled in as its elements arrive. */
export function createAddress(): RawSorAddress {
	return {
		street: null,
		houseNumber: null,
		floor: null,
		door: null,
		postcode: null,
		district: null,
		municipalityCode: null,
		streetCode: null,
		etrsNorth: null,
		etrsEast: null,
	};
}

/**
 * Applies SOR's inheritance rules (sor-format.md §2.4) to a draft and returns the raw record plus
 * what its own descendants will inherit from it.
 */
export function resolveDraft(
	draft: RecordDraft,
	parent: ResolvedAncestor | null,
): { record: RawSorRecord; resolved: ResolvedAncestor } {
	const inheritsPostal = draft.postalAddress === null && parent?.postalAddress != null;
	const postalAddress = draft.postalAddress ?? parent?.postalAddress ?? null;

	// Phone, e-mail and website travel as one block: a unit with any VirtualAddressInformation
	// owns all three, even the ones it leaves out.
	const fromParent = !draft.hasVirtualAddress && parent !== null;
	const phone = fromParent ? parent.phone : draft.phone;
	const email = fromParent ? parent.email : draft.email;
	const website = fromParent ? parent.website : draft.website;
	const inheritsContact = fromParent && (phone !== null || email !== null || website !== null);

	const eanLocationCode =
		draft.eanLocationCode ?? (draft.eanInherited ? (parent?.eanLocationCode ?? null) : null);

	let visitingAddress: RawSorAddress | null = null;
	let visitingAddressSource: RawSorRecord['visitingAddressSource'] = null;
	if (draft.visitingAddress !== null) {
		visitingAddress = draft.visitingAddress;
		visitingAddressSource = 'own';
	} else if (postalAddress !== null) {
		visitingAddress = { ...postalAddress };
		visitingAddressSource = 'postal';
	}

	const sorId = draft.sorId;
	const ownerSorId = parent === null ? sorId : parent.ownerSorId;
	const depth = parent === null ? 0 : parent.depth + 1;

	const record: RawSorRecord = {
		sorId,
		level: draft.level,
		parentSorId: parent === null ? null : parent.sorId,
		ownerSorId,
		depth,
		name: draft.name,
		entityTypeCode: draft.entityTypeCode,
		cvr: draft.cvr,
		// Copies, so the consumer can never change a descendant's address through this record.
		postalAddress: postalAddress === null ? null : { ...postalAddress },
		postalAddressInherited: inheritsPostal,
		visitingAddress,
		visitingAddressSource,
		phone,
		email,
		website,
		contactInherited: inheritsContact,
		eanLocationCode,
		firstFromDate: draft.firstFromDate,
		fromDate: draft.fromDate,
		toDate: draft.toDate,
		updatedAt: draft.updatedAt,
		replaces: draft.replaces,
		replacedBy: draft.replacedBy,
	};
	const resolved: ResolvedAncestor = {
		sorId,
		ownerSorId,
		depth,
		postalAddress,
		phone,
		email,
		website,
		eanLocationCode,
	};
	return { record, resolved };
}
