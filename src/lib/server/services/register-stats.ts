import type { RegisterDb } from '../db/client';
import { ImportRunRepository, type ImportRun } from '../repositories/import-run-repository';
import { RegisterRepository } from '../repositories/register-repository';
import { SorEntityRepository } from '../repositories/sor-entity-repository';

/** The register in numbers, for operators and monitoring. */
export interface RegisterStats {
	owners: number;
	providers: number;
	localitiesActive: number;
	localitiesClosed: number;
	sorEntities: { level: string; status: string; count: number }[];
	lastSorRun: Pick<
		ImportRun,
		'id' | 'status' | 'source' | 'startedAt' | 'finishedAt' | 'snapshotDate' | 'isSampleData'
	> | null;
	lastSuccessfulSorRun: Pick<ImportRun, 'id' | 'finishedAt' | 'snapshotDate'> | null;
}

/** Counts owners, providers and localities and reports the latest runs. */
export function registerStats(db: RegisterDb): RegisterStats {
	const entityCounts = new SorEntityRepository(db).countByLevelAndStatus();
	const register = new RegisterRepository(db).counts();
	const runs = new ImportRunRepository(db);
	const last = runs.latest('sor');
	const lastOk = runs.latest('sor', true);
	return {
		owners: entityCounts
			.filter((row) => row.level === 'IE' && row.status === 'active')
			.reduce((sum, row) => sum + row.count, 0),
		providers: register.providers,
		localitiesActive: register.localitiesActive,
		localitiesClosed: register.localitiesClosed,
		sorEntities: entityCounts,
		lastSorRun: last && {
			id: last.id,
			status: last.status,
			source: last.source,
			startedAt: last.startedAt,
			finishedAt: last.finishedAt,
			snapshotDate: last.snapshotDate,
			isSampleData: last.isSampleData,
		},
		lastSuccessfulSorRun: lastOk && {
			id: lastOk.id,
			finishedAt: lastOk.finishedAt,
			snapshotDate: lastOk.snapshotDate,
		},
	};
}
