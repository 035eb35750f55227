import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// Adds `.openapi()` to zod (once per process; the library guards against doing it twice). The
// same schemas validate query parameters, type the responses and generate /api/v1/openapi.json.
extendZodWithOpenApi(z);

/*
 * Query parameters. Every query schema is strict: an unknown parameter (often a typo, or a Danish
 * name from the website such as `kommune`) is answered with 400 naming it, rather than silently
 * returning the unfiltered list.
 */

const page = z.coerce.number().int().min(1).max(100_000).default(1).describe('Sidenummer, fra 1.');
const pageSize = z.coerce
	.number()
	.int()
	.min(1)
	.max(1000)
	.default(100)
	.describe('Antal poster pr. side (1–1000).');
const municipality = z
	.string()
	.regex(/^\d{4}$/, 'skal være en kommunekode med fire cifre, fx 0751')
	.describe('Kommunekode (fire cifre). For steder: beliggenhedskommunen fra DAR.')
	.openapi({ example: '0751' });
const ownerType = z
	.enum(['kommune', 'privat', 'andet'])
	.describe('Ejertype: kommune, privat eller andet.');
const authority = z
	.string()
	.regex(/^[a-z0-9-]{1,40}$/, 'skal være et myndigheds-id (a-z, 0-9 og -)')
	.describe('Ældretilsynsmyndighedens id (se /api/v1/municipalities).');
const provider = z
	.string()
	.regex(
		/^[a-z]+-[0-9A-Za-z]{1,20}$/,
		'skal være et leverandør-id, fx kommune-0751 eller cvr-12345678',
	)
	.describe('Leverandørens id, fx kommune-0751 eller cvr-12345678.');
const locality = z
	.string()
	.regex(/^\d{1,18}$/, 'skal være et SOR-ID (1–18 cifre)')
	.describe('Stedets SOR-ID.');
const updatedSince = z
	.string()
	.date('skal være en dato på formen ÅÅÅÅ-MM-DD')
	.describe('Kun poster ændret denne dag eller senere (ÅÅÅÅ-MM-DD).');
const booleanText = (description: string) =>
	z
		.enum(['true', 'false'])
		.default('false')
		.transform((value) => value === 'true')
		.describe(description);

/** Query of GET /municipalities. */
export const municipalityListQuery = z
	.object({
		page,
		pageSize,
		authority: authority.optional(),
		region: z
			.string()
			.regex(/^\d{4}$/, 'skal være en regionskode med fire cifre, fx 1082')
			.optional()
			.describe('Regionskode (fire cifre).'),
	})
	.strict();

/** Query of GET /providers. */
export const providerListQuery = z
	.object({
		page,
		pageSize,
		municipality: municipality.optional(),
		ownerType: ownerType.optional(),
		authority: authority.optional(),
		updatedSince: updatedSince.optional(),
	})
	.strict();

/** Query of GET /localities. */
export const localityListQuery = z
	.object({
		page,
		pageSize,
		municipality: municipality.optional(),
		ownerType: ownerType.optional(),
		authority: authority.optional(),
		provider: provider.optional(),
		status: z
			.enum(['active', 'closed'])
			.optional()
			.describe('Kun aktive eller kun lukkede steder. Standard: begge.'),
		includeHeldBack: booleanText(
			'Tag også aktive steder med, der er holdt tilbage, fordi besøgsadressen ikke er gyldig i DAR.',
		),
		updatedSince: updatedSince.optional(),
	})
	.strict();

/** Query of the lists of reported content (inspections, surveys, staff reports). */
export const reportListQuery = z
	.object({
		page,
		pageSize,
		municipality: municipality.optional(),
		ownerType: ownerType.optional(),
		authority: authority
			.optional()
			.describe(
				'For tilsyn: myndigheden, der førte tilsynet. Ellers: myndigheden, der dækker stedet.',
			),
		provider: provider.optional(),
		locality: locality.optional(),
		updatedSince: updatedSince.optional(),
	})
	.strict();

/** Query of GET /changes. */
export const changesQuery = z
	.object({
		since: z
			.string()
			.max(200)
			.optional()
			.describe(
				'Hvor listen fortsætter: værdien `next.since` fra forrige svar, eller et tidspunkt (ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DDTtt:mm:ssZ) at begynde fra. Uden: fra begyndelsen.',
			),
		limit: z.coerce
			.number()
			.int()
			.min(1)
			.max(500)
			.default(100)
			.describe('Højst så mange hændelser (1–500).'),
		municipality: municipality.optional(),
		provider: provider.optional(),
		locality: locality.optional(),
	})
	.strict();

/** Endpoints that take no query parameters. */
export const noQuery = z.object({}).strict();

/** Path parameters (a malformed id is an unknown id: 404). */
export const pathParams = {
	municipality: z.object({ code: municipality }),
	provider: z.object({ id: provider }),
	locality: z.object({ sorId: locality }),
	report: z.object({
		id: z
			.string()
			.regex(/^\d{1,12}$/)
			.describe('Postens id.'),
	}),
};

/*
 * Responses. Objects are strict so the OpenAPI document says `additionalProperties: false` and the
 * tests catch a field that is sent but not documented.
 */

const isoDate = z.string().date().openapi({ format: 'date' });
const isoDateTime = z.string().datetime({ offset: true }).openapi({ format: 'date-time' });
const nameRef = z.object({ code: z.string(), name: z.string() }).strict();

/** A problem report (RFC 9457) for 4xx answers. */
export const problemSchema = z
	.object({
		type: z.string().describe('URI, der identificerer fejltypen.'),
		title: z.string(),
		status: z.number().int(),
		detail: z.string(),
		instance: z.string().describe('Den forespurgte sti med parametre.'),
		invalidParams: z
			.array(z.object({ name: z.string(), reason: z.string() }).strict())
			.optional()
			.describe('De parametre, der var forkerte, og hvorfor.'),
	})
	.strict()
	.openapi('Problem');

/** Paging facts of a list. */
export const listMetaSchema = z
	.object({
		page: z.number().int(),
		pageSize: z.number().int(),
		totalItems: z.number().int(),
		totalPages: z.number().int(),
		modified: isoDateTime.nullable().describe('Hvornår data bag listen sidst blev ændret.'),
	})
	.strict()
	.openapi('ListMeta');

/** Links of a list page (root-relative). */
export const listLinksSchema = z
	.object({
		self: z.string(),
		first: z.string(),
		last: z.string(),
		prev: z.string().nullable(),
		next: z.string().nullable(),
	})
	.strict()
	.openapi('ListLinks');

/** A paged list of items. */
export function listSchema<T extends z.ZodTypeAny>(item: T, name: string) {
	return z
		.object({ data: z.array(item), meta: listMetaSchema, links: listLinksSchema })
		.strict()
		.openapi(name);
}

const authorityRef = z
	.object({ id: z.string(), name: z.string(), provisional: z.boolean() })
	.strict()
	// Not a named component: zod-to-openapi would make a named schema used with .nullable() either
	// nullable itself or an allOf that no null can satisfy.
	.describe(
		'Ældretilsynsmyndighed. `provisional` er sand, så længe fordelingen er registrets standard og ikke bekendtgørelsens.',
	);

/** A kommune. */
export const municipalitySchema = z
	.object({
		code: z.string().openapi({ example: '0751' }),
		name: z.string().openapi({ example: 'Aarhus' }),
		region: nameRef,
		authority: authorityRef.nullable(),
		localitiesShown: z.number().int().describe('Aktive, viste steder med beliggenhed i kommunen.'),
		ownProviderId: z.string().nullable().describe('Kommunens egen helhedsplejeleverandør.'),
		links: z
			.object({ self: z.string(), html: z.string(), localities: z.string(), atom: z.string() })
			.strict(),
	})
	.strict()
	.openapi('Municipality');

/** An aggregate provider (helhedsplejeleverandør). */
export const providerSchema = z
	.object({
		id: z.string().openapi({ example: 'kommune-0751' }),
		name: z.string(),
		ownerType: ownerType,
		cvr: z.string().nullable().describe('CVR-nummer for private leverandører.'),
		municipality: nameRef.nullable().describe('Kommunen for en kommunal leverandør.'),
		ownerSorId: z.string().describe('SOR-ID for institutionsejeren.'),
		created: isoDate.describe('SOR-udtrækket, hvor leverandøren første gang kom i registret.'),
		modified: isoDate.describe('Seneste ændring af leverandøren eller dens steder.'),
		localities: z
			.object({ shown: z.number().int(), heldBack: z.number().int(), closed: z.number().int() })
			.strict(),
		locationMunicipalities: z.array(nameRef).describe('Kommuner, hvor leverandøren har steder.'),
		links: z
			.object({ self: z.string(), html: z.string(), localities: z.string(), atom: z.string() })
			.strict(),
	})
	.strict()
	.openapi('Provider');

const addressSchema = z
	.object({
		street: z.string().nullable(),
		houseNumber: z.string().nullable(),
		floor: z.string().nullable(),
		door: z.string().nullable(),
		postcode: z.string().nullable(),
		district: z.string().nullable(),
		text: z.string().describe('Adressen på én linje.'),
	})
	.strict(); // inline, not a component: it is also used nullable (see authorityRef)

/** A locality (helhedsplejeleverandørsted). */
export const localitySchema = z
	.object({
		sorId: z.string().openapi({ example: '100011000016001' }),
		name: z.string(),
		status: z.enum(['active', 'closed']),
		closedSince: isoDate.nullable(),
		published: z
			.boolean()
			.describe('Vises på plejeoverblik (aktivt og gyldig besøgsadresse i DAR).'),
		addressStatus: z
			.enum(['valid', 'missing', 'not_found', 'retired', 'pending'])
			.describe('Resultatet af seneste DAR-kontrol af besøgsadressen.'),
		provider: z.object({ id: z.string(), name: z.string(), ownerType: ownerType }).strict(),
		cvr: z.string().nullable().describe('CVR-nummer, når leverandøren er privat.'),
		visitingAddress: addressSchema,
		postalAddress: addressSchema.nullable(),
		darAddressId: z.string().nullable().describe('DAR-husnummerets UUID.'),
		position: z
			.object({ lat: z.number(), lon: z.number() })
			.strict()
			.nullable()
			.describe('WGS84 (EPSG:4326) fra DAR.'),
		locationMunicipality: nameRef.nullable().describe('Beliggenhedskommunen fra DAR.'),
		authority: authorityRef.nullable(),
		contact: z
			.object({
				phone: z.string().nullable(),
				email: z.string().nullable(),
				website: z.string().nullable(),
			})
			.strict(),
		firstFromDate: isoDate.describe('Oprettet i SOR (FirstFromDate).'),
		firstRegistered: isoDate.describe('SOR-udtrækket, hvor stedet første gang kom i registret.'),
		modified: isoDate.describe('Seneste ændring fra SOR eller DAR.'),
		links: z
			.object({
				self: z.string(),
				html: z.string(),
				atom: z.string(),
				inspections: z.string(),
				surveys: z.string(),
				staffReports: z.string(),
			})
			.strict(),
	})
	.strict()
	.openapi('Locality');

const localityRef = z
	.object({ sorId: z.string(), name: z.string(), providerId: z.string() })
	.strict()
	.openapi('LocalityRef');

const reportCommon = {
	id: z.number().int(),
	locality: localityRef,
	version: z.number().int().describe('Versionsnummer; over 1 betyder rettet.'),
	corrected: z.boolean(),
	firstReportedAt: isoDateTime,
	reportedAt: isoDateTime.describe('Hvornår den gældende version blev indberettet.'),
	modified: isoDate,
};

const orderSchema = z
	.object({
		kind: z.enum(['order', 'ban']).describe('order = påbud, ban = forbud.'),
		description: z.string(),
		issuedOn: isoDate,
		deadline: isoDate.nullable(),
		liftedOn: isoDate.nullable(),
	})
	.strict()
	.openapi('Order');

/** Ældretilsynet's written feedback from one visit (current version). */
export const inspectionSchema = z
	.object({
		...reportCommon,
		authority: z.object({ id: z.string(), name: z.string().nullable() }).strict(),
		visitDate: isoDate,
		announced: z.boolean(),
		themes: z
			.object({
				selfDetermination: z.string(),
				trust: z.string(),
				relatives: z.string(),
			})
			.strict()
			.describe('Vurderingen af de tre temaer i ældretilsynsloven § 7 stk. 3.'),
		status: z.object({ code: z.string(), label: z.string(), text: z.string() }).strict(),
		summary: z.string(),
		orders: z.array(orderSchema),
		correctionNote: z.string().nullable(),
		links: z.object({ self: z.string(), locality: z.string() }).strict(),
	})
	.strict()
	.openapi('Inspection');

const periodSchema = z
	.object({
		type: z.enum(['month', 'quarter', 'year']),
		value: z.string().openapi({ example: '2026-K1' }),
	})
	.strict();

/** A satisfaction survey (current version). */
export const surveySchema = z
	.object({
		...reportCommon,
		name: z.string(),
		period: periodSchema,
		method: z.string(),
		invited: z.number().int(),
		responded: z.number().int(),
		responseRatePct: z.number().nullable(),
		suppressed: z
			.boolean()
			.describe('Sand, når for få har svaret til at vise resultaterne (de udelades da).'),
		answers: z
			.array(
				z
					.object({
						questionCode: z.string(),
						questionText: z.string(),
						positivePct: z.number(),
					})
					.strict(),
			)
			.nullable(),
		links: z.object({ self: z.string(), locality: z.string() }).strict(),
	})
	.strict()
	.openapi('Survey');

/** A staff-number report (current version). */
export const staffReportSchema = z
	.object({
		...reportCommon,
		period: periodSchema,
		sicknessAbsencePct: z.number().nullable(),
		lines: z.array(
			z
				.object({
					category: z.enum(['nurses', 'care_assistants', 'care_helpers', 'therapists', 'other']),
					headcount: z.number().int(),
					fullTimeEquivalents: z.number(),
				})
				.strict(),
		),
		totals: z.object({ headcount: z.number().int(), fullTimeEquivalents: z.number() }).strict(),
		links: z.object({ self: z.string(), locality: z.string() }).strict(),
	})
	.strict()
	.openapi('StaffReport');

/** Kinds of change in the feed. */
export const CHANGE_TYPES = [
	'sor.opened',
	'sor.closed',
	'sor.reopened',
	'sor.moved',
	'sor.changed',
	'inspection.new',
	'inspection.corrected',
	'survey.new',
	'survey.corrected',
	'survey.withdrawn',
	'staff.new',
	'staff.corrected',
	'staff.withdrawn',
] as const;

/** What a SOR change touched. */
export const CHANGE_ASPECTS = [
	'contact',
	'visiting_address',
	'postal_address',
	'name',
	'type',
	'hierarchy',
	'other',
] as const;

/** One event in the change feed. */
export const changeSchema = z
	.object({
		id: z.string().describe('Stabilt id for hændelsen, fx sor-1234 eller inspection-56.'),
		type: z.enum(CHANGE_TYPES),
		recordedAt: isoDateTime.describe('Hvornår ændringen kom i registret.'),
		effectiveDate: isoDate
			.nullable()
			.describe('SOR-udtrækkets dato, besøgsdatoen eller null for indberetninger.'),
		title: z.string().describe('Kort dansk beskrivelse.'),
		locality: z
			.object({
				sorId: z.string(),
				name: z.string(),
				providerId: z.string(),
				municipalityCode: z.string().nullable(),
			})
			.strict(),
		sor: z
			.object({
				kind: z.enum(['new', 'changed', 'moved', 'closed', 'reopened']),
				aspects: z.array(z.enum(CHANGE_ASPECTS)),
				changes: z
					.record(z.tuple([z.unknown(), z.unknown()]))
					.describe('Felt → [gammel værdi, ny værdi].'),
				closedReason: z.string().nullable(),
			})
			.strict()
			.optional(),
		inspection: z
			.object({
				inspectionId: z.number().int(),
				version: z.number().int(),
				visitDate: isoDate,
				status: z.object({ code: z.string(), label: z.string() }).strict(),
				statusChanged: z
					.object({
						from: z.object({ code: z.string(), label: z.string() }).strict().nullable(),
						to: z.object({ code: z.string(), label: z.string() }).strict().nullable(),
					})
					.strict()
					.nullable()
					.describe('Stedets samlede status før og efter, når den ændrede sig.'),
				ordersChanged: z.boolean().describe('Påbud eller forbud blev givet, ændret eller ophævet.'),
			})
			.strict()
			.optional(),
		report: z
			.object({
				id: z.number().int(),
				version: z.number().int(),
				period: periodSchema,
			})
			.strict()
			.optional(),
		links: z.object({ locality: z.string(), resource: z.string().nullable() }).strict(),
	})
	.strict()
	.openapi('Change');

/** A page of the change feed. */
export const changesPageSchema = z
	.object({
		data: z.array(changeSchema),
		hasMore: z.boolean().describe('Sand, når der allerede ligger flere hændelser klar.'),
		next: z
			.object({
				since: z.string().describe('Send denne værdi som `since` for at fortsætte.'),
				href: z.string(),
			})
			.strict(),
	})
	.strict()
	.openapi('ChangesPage');

/** One downloadable file (DCAT-like distribution). */
export const datasetSchema = z
	.object({
		id: z.string(),
		title: z.string(),
		description: z.string(),
		mediaType: z.string(),
		downloadUrl: z.string(),
		modified: isoDateTime.nullable(),
		records: z.number().int(),
	})
	.strict()
	.openapi('Dataset');

/** The list of whole-register downloads. */
export const downloadsSchema = z
	.object({
		modified: isoDateTime.nullable(),
		datasets: z.array(datasetSchema),
	})
	.strict()
	.openapi('Downloads');

/** The API's entry point. */
export const apiIndexSchema = z
	.object({
		title: z.string(),
		version: z.string(),
		openapi: z.string(),
		documentation: z.string(),
		modified: isoDateTime.nullable(),
		links: z.record(z.string()),
	})
	.strict()
	.openapi('ApiIndex');

/** A GeoJSON feature collection of localities (RFC 7946; coordinates [lon, lat], WGS84). */
export const localityGeoJsonSchema = z
	.object({
		type: z.literal('FeatureCollection'),
		features: z.array(
			z
				.object({
					type: z.literal('Feature'),
					id: z.string(),
					geometry: z
						.object({
							type: z.literal('Point'),
							coordinates: z.tuple([z.number(), z.number()]),
						})
						.strict(),
					properties: z
						.object({
							sorId: z.string(),
							name: z.string(),
							status: z.enum(['active', 'closed']),
							closedSince: z.string().nullable(),
							providerId: z.string(),
							providerName: z.string(),
							ownerType: ownerType,
							cvr: z.string().nullable(),
							address: z.string(),
							darAddressId: z.string().nullable(),
							municipalityCode: z.string().nullable(),
							municipalityName: z.string().nullable(),
							authorityId: z.string().nullable(),
							phone: z.string().nullable(),
							email: z.string().nullable(),
							website: z.string().nullable(),
							url: z.string(),
						})
						.strict(),
				})
				.strict(),
		),
	})
	.strict()
	.openapi('LocalityFeatureCollection');

/** Response types, inferred from the schemas so code and document cannot drift apart. */
export type Problem = z.infer<typeof problemSchema>;
export type ListMeta = z.infer<typeof listMetaSchema>;
export type ListLinks = z.infer<typeof listLinksSchema>;
export type MunicipalityItem = z.infer<typeof municipalitySchema>;
export type ProviderItem = z.infer<typeof providerSchema>;
export type LocalityItem = z.infer<typeof localitySchema>;
export type AddressItem = z.infer<typeof addressSchema>;
export type InspectionItem = z.infer<typeof inspectionSchema>;
export type SurveyItem = z.infer<typeof surveySchema>;
export type StaffReportItem = z.infer<typeof staffReportSchema>;
export type ChangeItem = z.infer<typeof changeSchema>;
export type ChangeType = (typeof CHANGE_TYPES)[number];
export type ChangeAspect = (typeof CHANGE_ASPECTS)[number];
export type ChangesPage = z.infer<typeof changesPageSchema>;
export type DatasetItem = z.infer<typeof datasetSchema>;
export type DownloadsItem = z.infer<typeof downloadsSchema>;
export type ApiIndexItem = z.infer<typeof apiIndexSchema>;
export type LocalityGeoJson = z.infer<typeof localityGeoJsonSchema>;
export type LocalityListQuery = z.infer<typeof localityListQuery>;
export type ProviderListQuery = z.infer<typeof providerListQuery>;
export type MunicipalityListQuery = z.infer<typeof municipalityListQuery>;
export type ReportListQuery = z.infer<typeof reportListQuery>;
export type ChangesQuery = z.infer<typeof changesQuery>;
