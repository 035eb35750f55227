import { formatAddress } from '../../../domain/format';
import { listLinks, totalPages } from '../../../domain/open-data/paging';
import type {
	AddressItem,
	InspectionItem,
	ListLinks,
	ListMeta,
	LocalityItem,
	LocalityListQuery,
	MunicipalityItem,
	MunicipalityListQuery,
	ProviderItem,
	ProviderListQuery,
	ReportListQuery,
	StaffReportItem,
	SurveyItem,
} from '../../../domain/open-data/schemas';
import { responseRate } from '../../../domain/reporting/survey';
import type {
	LocalityRow,
	MunicipalityRow,
	OpenDataRegisterRepository,
	ProviderRow,
} from '../../repositories/open-data-register-repository';
import type {
	InspectionRow,
	OpenDataReportingRepository,
	ReportFilter,
	StaffRow,
	SurveyRow,
} from '../../repositories/open-data-reporting-repository';

/** A page of items with its paging facts and links. */
export interface ListResult<T> {
	data: T[];
	meta: ListMeta;
	links: ListLinks;
}

/** A reported item looked up by id: found, withdrawn by its editor, or unknown. */
export type ReportLookup<T> =
	{ kind: 'found'; item: T } | { kind: 'withdrawn' } | { kind: 'missing' };

/** Where a list request came from, for its links. */
export interface ListRequest {
	path: string;
	params: URLSearchParams;
}

/** Settings of the open-data service. */
export interface OpenDataSettings {
	/** Fewest answers before a survey's results are published (as on the website). */
	surveyMinRespondents: number;
	/** When the data last changed (for `meta.modified`). */
	modified: () => string | null;
}

const iso = (timestamp: string) => new Date(timestamp).toISOString();
const modifiedDate = (timestamp: string) => iso(timestamp).slice(0, 10);

/**
 * The open-data records: kommuner, providers, localities and the reported content, shaped as the
 * OpenAPI document describes them (types inferred from the same zod schemas).
 */
export class OpenDataService {
	constructor(
		private readonly register: OpenDataRegisterRepository,
		private readonly reporting: OpenDataReportingRepository,
		private readonly settings: OpenDataSettings,
	) {}

	/** A page of kommuner. */
	municipalities(query: MunicipalityListQuery, request: ListRequest): ListResult<MunicipalityItem> {
		const { page, pageSize, ...filter } = query;
		const { rows, total } = this.register.municipalities(filter, slice(page, pageSize));
		return this.result(rows.map(municipalityItem), total, page, pageSize, request);
	}

	/** Every kommune (for the download). */
	allMunicipalities(): MunicipalityItem[] {
		return this.register.municipalities({}).rows.map(municipalityItem);
	}

	/** One kommune by kommunekode, or null. */
	municipality(code: string): MunicipalityItem | null {
		const row = this.register.municipality(code);
		return row ? municipalityItem(row) : null;
	}

	/** A page of providers. */
	providers(query: ProviderListQuery, request: ListRequest): ListResult<ProviderItem> {
		const { page, pageSize, ...filter } = query;
		const { rows, total } = this.register.providers(filter, slice(page, pageSize));
		const locations = this.register.providerLocationMunicipalities();
		return this.result(
			rows.map((row) => providerItem(row, locations.get(row.id) ?? [])),
			total,
			page,
			pageSize,
			request,
		);
	}

	/** Every provider (for the download). */
	allProviders(): ProviderItem[] {
		const locations = this.register.providerLocationMunicipalities();
		return this.register
			.providers({})
			.rows.map((row) => providerItem(row, locations.get(row.id) ?? []));
	}

	/** One provider by id, or null. */
	provider(id: string): ProviderItem | null {
		const row = this.register.provider(id);
		if (!row) return null;
		return providerItem(row, this.register.providerLocationMunicipalities().get(id) ?? []);
	}

	/** A page of localities. */
	localities(query: LocalityListQuery, request: ListRequest): ListResult<LocalityItem> {
		const { page, pageSize, ...filter } = query;
		const { rows, total } = this.register.localities(filter, slice(page, pageSize));
		return this.result(rows.map(localityItem), total, page, pageSize, request);
	}

	/** The localities open data lists by default (shown and closed), for the downloads. */
	allLocalities(): LocalityItem[] {
		return this.register.localities({}).rows.map(localityItem);
	}

	/** One locality by SOR-ID (held back and closed included), or null. */
	locality(sorId: string): LocalityItem | null {
		const row = this.register.locality(sorId);
		return row ? localityItem(row) : null;
	}

	/** A page of inspection feedback. */
	inspections(query: ReportListQuery, request: ListRequest): ListResult<InspectionItem> {
		const { page, pageSize, ...filter } = query;
		const { rows, total } = this.reporting.inspections(filter, slice(page, pageSize));
		return this.result(this.inspectionItems(rows), total, page, pageSize, request);
	}

	/** All current inspection feedback (for the downloads). */
	allInspections(): InspectionItem[] {
		return this.inspectionItems(this.reporting.inspections({}).rows);
	}

	/** One inspection by id. */
	inspection(id: number): ReportLookup<InspectionItem> {
		const row = this.reporting.inspections({ id }).rows[0];
		return row ? { kind: 'found', item: this.inspectionItems([row])[0]! } : { kind: 'missing' };
	}

	/** A page of surveys. */
	surveys(query: ReportListQuery, request: ListRequest): ListResult<SurveyItem> {
		const { page, pageSize, ...filter } = query;
		const { rows, total } = this.reporting.surveys(filter, slice(page, pageSize));
		return this.result(this.surveyItems(rows), total, page, pageSize, request);
	}

	/** All current surveys (for the downloads). */
	allSurveys(): SurveyItem[] {
		return this.surveyItems(this.reporting.surveys({}).rows);
	}

	/** One survey by id. */
	survey(id: number): ReportLookup<SurveyItem> {
		return this.lookup(this.reporting.surveys(byId(id)).rows[0], (row) => this.surveyItems([row]));
	}

	/** A page of staff reports. */
	staffReports(query: ReportListQuery, request: ListRequest): ListResult<StaffReportItem> {
		const { page, pageSize, ...filter } = query;
		const { rows, total } = this.reporting.staffReports(filter, slice(page, pageSize));
		return this.result(this.staffItems(rows), total, page, pageSize, request);
	}

	/** All current staff reports (for the downloads). */
	allStaffReports(): StaffReportItem[] {
		return this.staffItems(this.reporting.staffReports({}).rows);
	}

	/** One staff report by id. */
	staffReport(id: number): ReportLookup<StaffReportItem> {
		return this.lookup(this.reporting.staffReports(byId(id)).rows[0], (row) =>
			this.staffItems([row]),
		);
	}

	private lookup<R extends { deleted: number }, T>(
		row: R | undefined,
		shape: (row: R) => T[],
	): ReportLookup<T> {
		if (!row) return { kind: 'missing' };
		if (row.deleted === 1) return { kind: 'withdrawn' };
		return { kind: 'found', item: shape(row)[0]! };
	}

	private inspectionItems(rows: InspectionRow[]): InspectionItem[] {
		const orders = this.reporting.orders(rows.map((r) => r.versionId));
		return rows.map((row) => ({
			...reportCommon(row),
			authority: { id: row.authorityId, name: row.authorityName },
			visitDate: row.visitDate,
			announced: row.announced === 1,
			themes: {
				selfDetermination: row.themeSelfDetermination,
				trust: row.themeTrust,
				relatives: row.themeRelatives,
			},
			status: { code: row.statusCode, label: row.statusLabel, text: row.statusText },
			summary: row.summary,
			orders: (orders.get(row.versionId) ?? []).map(({ versionId: _v, ...order }) => order),
			correctionNote: row.correctionNote,
			links: {
				self: `/api/v1/inspections/${row.id}`,
				locality: `/api/v1/localities/${row.sorId}`,
			},
		}));
	}

	private surveyItems(rows: SurveyRow[]): SurveyItem[] {
		const min = this.settings.surveyMinRespondents;
		// Suppressed results are never read, so they cannot leak through the API.
		const answers = this.reporting.answers(
			rows.filter((r) => r.responded >= min).map((r) => r.versionId),
		);
		return rows.map((row) => {
			const suppressed = row.responded < min;
			return {
				...reportCommon(row),
				name: row.name,
				period: { type: row.periodType, value: row.period },
				method: row.method,
				invited: row.invited,
				responded: row.responded,
				responseRatePct: responseRate(row.invited, row.responded),
				suppressed,
				answers: suppressed
					? null
					: (answers.get(row.versionId) ?? []).map(({ versionId: _v, ...answer }) => answer),
				links: {
					self: `/api/v1/surveys/${row.id}`,
					locality: `/api/v1/localities/${row.sorId}`,
				},
			};
		});
	}

	private staffItems(rows: StaffRow[]): StaffReportItem[] {
		const lines = this.reporting.staffLines(rows.map((r) => r.versionId));
		return rows.map((row) => {
			const own = (lines.get(row.versionId) ?? []).map(({ versionId: _v, ...line }) => line);
			return {
				...reportCommon(row),
				period: { type: row.periodType, value: row.period },
				sicknessAbsencePct: row.sicknessAbsencePct,
				lines: own,
				totals: {
					headcount: own.reduce((sum, line) => sum + line.headcount, 0),
					// Summed in hundredths: FTEs are reported with two decimals.
					fullTimeEquivalents:
						Math.round(own.reduce((sum, line) => sum + line.fullTimeEquivalents * 100, 0)) / 100,
				},
				links: {
					self: `/api/v1/staff-reports/${row.id}`,
					locality: `/api/v1/localities/${row.sorId}`,
				},
			};
		});
	}

	private result<T>(
		data: T[],
		total: number,
		page: number,
		pageSize: number,
		request: ListRequest,
	): ListResult<T> {
		const pages = totalPages(total, pageSize);
		return {
			data,
			meta: {
				page,
				pageSize,
				totalItems: total,
				totalPages: pages,
				modified: this.settings.modified(),
			},
			links: listLinks(request.path, request.params, page, pages),
		};
	}
}

const slice = (page: number, pageSize: number) => ({
	limit: pageSize,
	offset: (page - 1) * pageSize,
});

const byId = (id: number): ReportFilter => ({ id, includeWithdrawn: true });

const authority = (row: {
	authorityId: string | null;
	authorityName: string | null;
	authorityProvisional: number | null;
}) =>
	row.authorityId !== null && row.authorityName !== null
		? { id: row.authorityId, name: row.authorityName, provisional: row.authorityProvisional === 1 }
		: null;

function municipalityItem(row: MunicipalityRow): MunicipalityItem {
	return {
		code: row.code,
		name: row.name,
		region: { code: row.regionCode, name: row.regionName },
		authority: authority(row),
		localitiesShown: row.localitiesShown,
		ownProviderId: row.ownProviderId,
		links: {
			self: `/api/v1/municipalities/${row.code}`,
			html: `/kommune/${row.code}`,
			localities: `/api/v1/localities?municipality=${row.code}`,
			atom: `/api/v1/feeds/municipalities/${row.code}.atom`,
		},
	};
}

function providerItem(row: ProviderRow, locations: { code: string; name: string }[]): ProviderItem {
	return {
		id: row.id,
		name: row.name,
		ownerType: row.ownerType,
		cvr: row.ownerType === 'privat' ? row.cvr : null,
		municipality:
			row.municipalityCode !== null && row.municipalityName !== null
				? { code: row.municipalityCode, name: row.municipalityName }
				: null,
		ownerSorId: row.ownerSorId,
		created: row.created,
		modified: row.modified,
		localities: { shown: row.shown, heldBack: row.heldBack, closed: row.closed },
		locationMunicipalities: locations,
		links: {
			self: `/api/v1/providers/${row.id}`,
			html: `/leverandoer/${row.id}`,
			localities: `/api/v1/localities?provider=${row.id}`,
			atom: `/api/v1/feeds/providers/${row.id}.atom`,
		},
	};
}

function address(parts: {
	street: string | null;
	houseNumber: string | null;
	floor: string | null;
	door: string | null;
	postcode: string | null;
	district: string | null;
}): AddressItem {
	return { ...parts, text: formatAddress(parts) };
}

function localityItem(row: LocalityRow): LocalityItem {
	const hasPostal = row.postalStreet !== null || row.postalPostcode !== null;
	return {
		sorId: row.sorId,
		name: row.name,
		status: row.status,
		closedSince: row.closedSince,
		published: row.published === 1 && row.status === 'active',
		addressStatus: row.addressStatus,
		provider: { id: row.providerId, name: row.providerName, ownerType: row.ownerType },
		cvr: row.ownerType === 'privat' ? row.providerCvr : null,
		visitingAddress: address({
			street: row.visitingStreet,
			houseNumber: row.visitingHouseNumber,
			floor: row.visitingFloor,
			door: row.visitingDoor,
			postcode: row.visitingPostcode,
			district: row.visitingDistrict,
		}),
		postalAddress: hasPostal
			? address({
					street: row.postalStreet,
					houseNumber: row.postalHouseNumber,
					floor: row.postalFloor,
					door: row.postalDoor,
					postcode: row.postalPostcode,
					district: row.postalDistrict,
				})
			: null,
		darAddressId: row.darAddressId,
		position: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
		locationMunicipality:
			row.locationMunicipalityCode !== null && row.locationMunicipalityName !== null
				? { code: row.locationMunicipalityCode, name: row.locationMunicipalityName }
				: null,
		authority: authority(row),
		contact: { phone: row.phone, email: row.email, website: row.website },
		firstFromDate: row.firstFromDate,
		firstRegistered: row.firstRegistered,
		modified: row.modified,
		links: {
			self: `/api/v1/localities/${row.sorId}`,
			html: `/sted/${row.sorId}`,
			atom: `/api/v1/feeds/localities/${row.sorId}.atom`,
			inspections: `/api/v1/inspections?locality=${row.sorId}`,
			surveys: `/api/v1/surveys?locality=${row.sorId}`,
			staffReports: `/api/v1/staff-reports?locality=${row.sorId}`,
		},
	};
}

function reportCommon(row: {
	id: number;
	sorId: string;
	localityName: string;
	providerId: string;
	version: number;
	firstReportedAt: string;
	reportedAt: string;
}) {
	return {
		id: row.id,
		locality: { sorId: row.sorId, name: row.localityName, providerId: row.providerId },
		version: row.version,
		corrected: row.version > 1,
		firstReportedAt: iso(row.firstReportedAt),
		reportedAt: iso(row.reportedAt),
		modified: modifiedDate(row.reportedAt),
	};
}
