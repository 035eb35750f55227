/** Lifecycle status of a SOR entity on a given day. */
export type EntityStatus = 'active' | 'future' | 'closed';

/**
 * Status of an entity on `asOf` (ISO date). Active means FirstFromDate ≤ asOf and no ToDate before
 * asOf: SOR's ToDate is the last valid day, so a unit is still active on its ToDate.
 */
export function entityStatus(
	dates: { firstFromDate: string; toDate: string | null },
	asOf: string,
): EntityStatus {
	if (dates.toDate !== null && dates.toDate < asOf) return 'closed';
	if (dates.firstFromDate > asOf) return 'future';
	return 'active';
}
