import type { RegisterDb } from '../../db/client';
import type { Clock } from '../accounts/audit-actor';
import type { ReportingCatalogues } from './catalogues';
import type { ImageProcessor } from './uploads';

/** Infrastructure the reporting services are given (real in the server, honest fakes in tests). */
export interface ReportingDeps {
	db: RegisterDb;
	clock: Clock;
	images: ImageProcessor;
	catalogues: ReportingCatalogues;
}
