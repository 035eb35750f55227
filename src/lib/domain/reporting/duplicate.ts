/** The stored review of a duplicate pair, as far as its state goes. */
export interface DuplicateReviewRecord {
	state: 'acknowledged' | 'withdrawn';
	sorContentHash: string;
	relatedContentHash: string;
}

/** How a probable duplicate shows: open, acknowledged, or reopened because SOR changed. */
export type DuplicateState = 'open' | 'acknowledged' | 'reopened';

/**
 * A reviewed pair stays acknowledged only while both SOR units are exactly as they were when it
 * was reviewed; any change to either unit in SOR reopens it.
 */
export function duplicateState(
	review: DuplicateReviewRecord | null,
	current: { sorContentHash: string | null; relatedContentHash: string | null },
): DuplicateState {
	if (!review || review.state === 'withdrawn') return 'open';
	const unchanged =
		review.sorContentHash === current.sorContentHash &&
		review.relatedContentHash === current.relatedContentHash;
	return unchanged ? 'acknowledged' : 'reopened';
}
