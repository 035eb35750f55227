import type { ImportRunRepository } from '../../repositories/import-run-repository';

/** What every public page shows in its frame: data freshness and whether it is sample data. */
export interface SiteStatus {
	lastSorImportAt: string | null;
	snapshotDate: string | null;
	isSampleData: boolean;
}

/** Freshness of the register for the page frame (footer and sample-data notice). */
export class SiteService {
	constructor(private readonly runs: ImportRunRepository) {}

	/** The latest successful SOR import: when it finished, the snapshot date, sample or real. */
	siteStatus(): SiteStatus {
		const run = this.runs.latest('sor', true);
		return {
			lastSorImportAt: run?.finishedAt ?? null,
			snapshotDate: run?.snapshotDate ?? null,
			isSampleData: run?.isSampleData ?? false,
		};
	}
}
