import type { DarSource } from '../../dar/dar-source';
import type { ReportedContentService } from '../reporting/reported-content-service';
import type { RegisterDb } from '../../db/client';
import { ImportRunRepository } from '../../repositories/import-run-repository';
import { PublicGeoRepository } from '../../repositories/public-geo-repository';
import { PublicRegisterRepository } from '../../repositories/public-register-repository';
import { SearchRepository } from '../../repositories/search-repository';
import { DataVersion } from './data-version';
import type { MapConfig } from './map-config';
import type { SiteInfo } from './site-info';
import { NearService } from './near-service';
import { OutlineService } from './outline-service';
import { RegisterPages } from './register-pages';
import { SearchService } from './search-service';
import { SiteService } from './site-service';

/** The services behind the public site, as pages and middleware receive them in `locals`. */
export interface PublicServices {
	site: SiteService;
	dataVersion: DataVersion;
	register: RegisterPages;
	search: SearchService;
	near: NearService;
	map: MapConfig;
	info: SiteInfo;
	outlines: OutlineService;
	/** Reported content (inspection feedback, surveys, staff, provider presentation). */
	reported: ReportedContentService;
}

/** Composition root of the public site: repositories on one connection, services on top. */
export function createPublicServices(deps: {
	db: RegisterDb;
	/** Builds the DAR source for the current data (e.g. `createDarSource`). */
	dar: (db: RegisterDb) => DarSource;
	map: MapConfig;
	info: SiteInfo;
	/** db/reference/kommune-shapes.json (kommune polygons in UTM 32N). */
	kommuneShapesPath: string;
	/** How long the import version may be remembered between database reads (default 0). */
	versionTtlMs?: number;
	/** The editor area's read service, so both show reported content under the same settings. */
	reported: ReportedContentService;
}): PublicServices {
	const register = new PublicRegisterRepository(deps.db);
	const dataVersion = new DataVersion(register, { ttlMs: deps.versionTtlMs ?? 0 });
	// A DAR import may fill an empty table while the server runs: rebuild the source per version.
	let dar: { version: string; source: DarSource } | null = null;
	const currentDar = (): DarSource => {
		const version = dataVersion.current();
		if (dar?.version !== version) dar = { version, source: deps.dar(deps.db) };
		return dar.source;
	};
	return {
		site: new SiteService(new ImportRunRepository(deps.db)),
		dataVersion,
		register: new RegisterPages(register),
		search: new SearchService(new SearchRepository(deps.db), register),
		near: new NearService(currentDar, new PublicGeoRepository(deps.db), register),
		map: deps.map,
		info: deps.info,
		outlines: new OutlineService(deps.kommuneShapesPath),
		reported: deps.reported,
	};
}
