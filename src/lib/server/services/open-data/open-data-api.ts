import type { RegisterDb } from '../../db/client';
import { PageCache } from '../../http/page-cache';
import { AuditRepository } from '../../repositories/audit-repository';
import { OpenDataFeedRepository } from '../../repositories/open-data-feed-repository';
import { OpenDataRegisterRepository } from '../../repositories/open-data-register-repository';
import { OpenDataReportingRepository } from '../../repositories/open-data-reporting-repository';
import { PublicRegisterRepository } from '../../repositories/public-register-repository';
import { ApiResponder, type ApiDataState } from './api-responder';
import { ChangeFeedService } from './change-feed-service';
import { DownloadService } from './download-service';
import { OpenDataService } from './open-data-service';
import { openApiDocument, type OpenApiDocument } from './openapi';

/** Something that says when imported data changed (the public site's `DataVersion`). */
export interface VersionSource {
	current(): string;
}

/** Everything the /api/v1 handlers use. */
export interface OpenDataApi {
	state: ApiDataState;
	data: OpenDataService;
	feed: ChangeFeedService;
	downloads: DownloadService;
	responder: ApiResponder;
	/** The OpenAPI document describing all of the above. */
	openapi: () => OpenApiDocument;
}

/** Settings of the open-data API. */
export interface OpenDataApiDeps {
	db: RegisterDb;
	/** The site's data version (import runs and in-process edits). */
	dataVersion: VersionSource;
	/** Fewest answers before survey results are published. */
	surveyMinRespondents: number;
	/** Identifies the running build (part of every ETag). */
	buildId: string;
}

/**
 * The data state of the API: the site's data version, which already holds the latest import and
 * the reported-content revision stored in the database (so an edit made by another process, or
 * before a restart, changes every ETag) and is remembered for at most 100 ms per process.
 */
function apiDataState(
	dataVersion: VersionSource,
	register: OpenDataRegisterRepository,
	audit: AuditRepository,
): ApiDataState {
	return {
		version: () => dataVersion.current(),
		modified: () => {
			const times = [register.lastImportAt(), audit.contentRevision().changedAt].filter(
				(t): t is string => t !== null,
			);
			const latest = times
				.map((t) => new Date(t).toISOString())
				.sort()
				.at(-1);
			return latest ?? null;
		},
	};
}

/** Composition root of the open-data API: repositories on one connection, services on top. */
export function createOpenDataApi(deps: OpenDataApiDeps): OpenDataApi {
	const register = new OpenDataRegisterRepository(deps.db);
	const reporting = new OpenDataReportingRepository(deps.db);
	const names = new PublicRegisterRepository(deps.db);
	const state = apiDataState(deps.dataVersion, register, new AuditRepository(deps.db));
	const data = new OpenDataService(register, reporting, {
		surveyMinRespondents: deps.surveyMinRespondents,
		modified: state.modified,
	});
	return {
		state,
		data,
		feed: new ChangeFeedService(
			new OpenDataFeedRepository(deps.db),
			reporting,
			{ unit: (id) => names.unitName(id), type: (code) => names.typeName(code) },
			state.modified,
		),
		downloads: new DownloadService(data, register, reporting, state),
		responder: new ApiResponder(
			state,
			new PageCache({ maxEntries: 2000, maxBytes: 96 * 1024 * 1024 }),
			deps.buildId,
		),
		openapi: openApiDocument,
	};
}
