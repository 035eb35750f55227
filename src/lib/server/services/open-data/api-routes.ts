import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z, type AnyZodObject } from 'zod';
import { parsePath, parseQuery } from '../../../domain/open-data/query';
import {
	apiIndexSchema,
	changesPageSchema,
	changesQuery,
	downloadsSchema,
	inspectionSchema,
	listSchema,
	localityGeoJsonSchema,
	localityListQuery,
	localitySchema,
	municipalityListQuery,
	municipalitySchema,
	noQuery,
	pathParams,
	problemSchema,
	providerListQuery,
	providerSchema,
	reportListQuery,
	staffReportSchema,
	surveySchema,
} from '../../../domain/open-data/schemas';
import type { ApiRequest, Representation } from './api-responder';
import { DOWNLOAD_FILES } from './download-service';
import type { OpenDataApi } from './open-data-api';
import type { ReportLookup } from './open-data-service';

/** Media types the API answers with. */
export const MEDIA = {
	json: 'application/json; charset=utf-8',
	problem: 'application/problem+json; charset=utf-8',
	csv: 'text/csv; charset=utf-8; header=present',
	geojson: 'application/geo+json',
	atom: 'application/atom+xml; charset=utf-8',
} as const;

/** One endpoint: its OpenAPI description, its input schemas and its handler. */
export interface ApiRoute<
	Q extends AnyZodObject = AnyZodObject,
	P extends AnyZodObject = AnyZodObject,
> {
	/** Path below /api/v1 in OpenAPI form, e.g. `/localities/{sorId}`. */
	path: string;
	tag: string;
	summary: string;
	description: string;
	query: Q;
	params?: P;
	/** The 200 response for the OpenAPI document. */
	ok: ResponseConfig;
	/** True when the path names one item (so 404 is a documented answer). */
	item: boolean;
	handle: (
		api: OpenDataApi,
		request: ApiRequest,
		query: z.output<Q>,
		params: z.output<P>,
	) => Representation | Response;
}

const route = <Q extends AnyZodObject, P extends AnyZodObject = AnyZodObject>(
	definition: ApiRoute<Q, P>,
): ApiRoute => definition as unknown as ApiRoute;

const jsonBody = (schema: z.ZodTypeAny, description: string): ResponseConfig => ({
	description,
	content: { 'application/json': { schema } },
});

const json = (api: OpenDataApi, body: unknown, extra: Partial<Representation> = {}) => ({
	body: JSON.stringify(body),
	contentType: MEDIA.json,
	lastModified: api.state.modified(),
	...extra,
});

const listRequest = (request: ApiRequest) => ({
	path: request.url.pathname,
	params: request.url.searchParams,
});

function reported<T>(
	api: OpenDataApi,
	request: ApiRequest,
	lookup: ReportLookup<T>,
	what: string,
): Representation | Response {
	if (lookup.kind === 'missing') return api.responder.problem(request, 404, `Ukendt ${what}.`);
	if (lookup.kind === 'withdrawn') {
		return api.responder.problem(request, 410, `${what} er trukket tilbage af indberetteren.`);
	}
	return json(api, lookup.item);
}

const reportDescription =
	'Filtrene kommune, ejertype, leverandør og sted gælder stedet, som indberetningen hører til.';

/** Every endpoint of /api/v1. */
export const API_ROUTES: ApiRoute[] = [
	route({
		path: '/',
		tag: 'Generelt',
		summary: 'Indgang til API’et',
		description: 'Links til alle lister, downloads, ændringsstrømmen og OpenAPI-dokumentet.',
		query: noQuery,
		ok: jsonBody(apiIndexSchema, 'Indgangen.'),
		item: false,
		handle: (api) =>
			json(api, {
				title: 'Plejeoverblik – åbne data',
				version: 'v1',
				openapi: '/api/v1/openapi.json',
				documentation: '/data',
				modified: api.state.modified(),
				links: {
					municipalities: '/api/v1/municipalities',
					providers: '/api/v1/providers',
					localities: '/api/v1/localities',
					inspections: '/api/v1/inspections',
					surveys: '/api/v1/surveys',
					staffReports: '/api/v1/staff-reports',
					changes: '/api/v1/changes',
					downloads: '/api/v1/downloads',
				},
			}),
	}),
	route({
		path: '/openapi.json',
		tag: 'Generelt',
		summary: 'OpenAPI-beskrivelse',
		description: 'Dette dokument (OpenAPI 3.1), genereret fra de samme zod-skemaer, som validerer.',
		query: noQuery,
		ok: jsonBody(z.record(z.unknown()), 'OpenAPI 3.1-dokumentet.'),
		item: false,
		// Not tied to the data: no Last-Modified, so only the ETag revalidates it.
		handle: (api) => ({
			body: JSON.stringify(api.openapi()),
			contentType: MEDIA.json,
			lastModified: null,
		}),
	}),
	route({
		path: '/municipalities',
		tag: 'Register',
		summary: 'Kommuner',
		description: 'De 98 kommuner med region, Ældretilsyn og antal viste steder.',
		query: municipalityListQuery,
		ok: jsonBody(listSchema(municipalitySchema, 'MunicipalityList'), 'En side kommuner.'),
		item: false,
		handle: (api, request, query) => {
			const list = api.data.municipalities(query, listRequest(request));
			return json(api, list, { links: list.links });
		},
	}),
	route({
		path: '/municipalities/{code}',
		tag: 'Register',
		summary: 'Én kommune',
		description: 'En kommune efter kommunekode.',
		query: noQuery,
		params: pathParams.municipality,
		ok: jsonBody(municipalitySchema, 'Kommunen.'),
		item: true,
		handle: (api, request, _query, params) => {
			const item = api.data.municipality(params.code);
			return item ? json(api, item) : api.responder.problem(request, 404, 'Ukendt kommunekode.');
		},
	}),
	route({
		path: '/providers',
		tag: 'Register',
		summary: 'Helhedsplejeleverandører',
		description:
			'Kommunale og private leverandører. `municipality` giver kommunens egen leverandør og leverandører med viste steder i kommunen.',
		query: providerListQuery,
		ok: jsonBody(listSchema(providerSchema, 'ProviderList'), 'En side leverandører.'),
		item: false,
		handle: (api, request, query) => {
			const list = api.data.providers(query, listRequest(request));
			return json(api, list, { links: list.links });
		},
	}),
	route({
		path: '/providers/{id}',
		tag: 'Register',
		summary: 'Én leverandør',
		description: 'En leverandør efter id (kommune-<kommunekode> eller cvr-<CVR>).',
		query: noQuery,
		params: pathParams.provider,
		ok: jsonBody(providerSchema, 'Leverandøren.'),
		item: true,
		handle: (api, request, _query, params) => {
			const item = api.data.provider(params.id);
			return item ? json(api, item) : api.responder.problem(request, 404, 'Ukendt leverandør.');
		},
	}),
	route({
		path: '/localities',
		tag: 'Register',
		summary: 'Steder',
		description:
			'Helhedsplejeleverandørsteder. Som standard viste steder (aktive med gyldig besøgsadresse i DAR) og lukkede steder; steder, der er holdt tilbage, med `includeHeldBack=true`.',
		query: localityListQuery,
		ok: jsonBody(listSchema(localitySchema, 'LocalityList'), 'En side steder.'),
		item: false,
		handle: (api, request, query) => {
			const list = api.data.localities(query, listRequest(request));
			return json(api, list, { links: list.links });
		},
	}),
	route({
		path: '/localities/{sorId}',
		tag: 'Register',
		summary: 'Ét sted',
		description: 'Et sted efter SOR-ID, uanset om det vises, er holdt tilbage eller lukket.',
		query: noQuery,
		params: pathParams.locality,
		ok: jsonBody(localitySchema, 'Stedet.'),
		item: true,
		handle: (api, request, _query, params) => {
			const item = api.data.locality(params.sorId);
			return item ? json(api, item) : api.responder.problem(request, 404, 'Ukendt SOR-ID.');
		},
	}),
	route({
		path: '/inspections',
		tag: 'Indberetninger',
		summary: 'Tilsyn',
		description: `Ældretilsynets skriftlige tilbagemeldinger, gældende version. ${reportDescription}`,
		query: reportListQuery,
		ok: jsonBody(listSchema(inspectionSchema, 'InspectionList'), 'En side tilbagemeldinger.'),
		item: false,
		handle: (api, request, query) => {
			const list = api.data.inspections(query, listRequest(request));
			return json(api, list, { links: list.links });
		},
	}),
	route({
		path: '/inspections/{id}',
		tag: 'Indberetninger',
		summary: 'Ét tilsyn',
		description: 'En tilbagemelding efter id (gældende version).',
		query: noQuery,
		params: pathParams.report,
		ok: jsonBody(inspectionSchema, 'Tilbagemeldingen.'),
		item: true,
		handle: (api, request, _query, params) =>
			reported(api, request, api.data.inspection(Number(params.id)), 'tilbagemelding'),
	}),
	route({
		path: '/surveys',
		tag: 'Indberetninger',
		summary: 'Brugertilfredshedsmålinger',
		description: `Målinger, gældende version; resultater med for få svar udelades. ${reportDescription}`,
		query: reportListQuery,
		ok: jsonBody(listSchema(surveySchema, 'SurveyList'), 'En side målinger.'),
		item: false,
		handle: (api, request, query) => {
			const list = api.data.surveys(query, listRequest(request));
			return json(api, list, { links: list.links });
		},
	}),
	route({
		path: '/surveys/{id}',
		tag: 'Indberetninger',
		summary: 'Én måling',
		description: 'En måling efter id. 410, hvis den er trukket tilbage.',
		query: noQuery,
		params: pathParams.report,
		ok: jsonBody(surveySchema, 'Målingen.'),
		item: true,
		handle: (api, request, _query, params) =>
			reported(api, request, api.data.survey(Number(params.id)), 'måling'),
	}),
	route({
		path: '/staff-reports',
		tag: 'Indberetninger',
		summary: 'Medarbejdertal',
		description: `Medarbejdertal pr. sted og periode, gældende version. ${reportDescription}`,
		query: reportListQuery,
		ok: jsonBody(listSchema(staffReportSchema, 'StaffReportList'), 'En side medarbejdertal.'),
		item: false,
		handle: (api, request, query) => {
			const list = api.data.staffReports(query, listRequest(request));
			return json(api, list, { links: list.links });
		},
	}),
	route({
		path: '/staff-reports/{id}',
		tag: 'Indberetninger',
		summary: 'Ét sæt medarbejdertal',
		description: 'Medarbejdertal efter id. 410, hvis de er trukket tilbage.',
		query: noQuery,
		params: pathParams.report,
		ok: jsonBody(staffReportSchema, 'Medarbejdertallene.'),
		item: true,
		handle: (api, request, _query, params) =>
			reported(
				api,
				request,
				api.data.staffReport(Number(params.id)),
				'indberetning af medarbejdertal',
			),
	}),
	route({
		path: '/changes',
		tag: 'Ændringer',
		summary: 'Ændringsstrøm',
		description:
			'Hændelser i den rækkefølge, de kom i registret: ændringer fra SOR (oprettet, lukket, genåbnet, flyttet, ændret kontakt eller adresse), nye og rettede tilbagemeldinger fra Ældretilsynet (med ændret status og påbud/forbud), målinger og medarbejdertal. Hent næste side med `next.since`; markøren springer hverken over eller gentager en hændelse. Når `hasMore` er falsk, kan samme markør bruges senere til at hente det nye. Strømmen omfatter alle steder, også lukkede og dem, der er holdt tilbage; filtrene gælder stedets nuværende kommune og leverandør.',
		query: changesQuery,
		ok: jsonBody(changesPageSchema, 'En side hændelser.'),
		item: false,
		handle: (api, request, query) => {
			const result = api.feed.page(query, request.url.searchParams);
			return result.ok
				? json(api, result.page)
				: api.responder.invalidQuery(request, result.invalid);
		},
	}),
	...(
		[
			['municipalities', pathParams.municipality, 'code', 'kommune'],
			['providers', pathParams.provider, 'id', 'leverandør'],
			['localities', pathParams.locality, 'sorId', 'sted'],
		] as const
	).map(([kind, params, key, what]) =>
		route({
			path: `/feeds/${kind}/{${key}}.atom`,
			tag: 'Ændringer',
			summary: `Atom-feed for én ${what}`,
			description: `De seneste 50 hændelser for ${what === 'kommune' ? 'steder med beliggenhed i kommunen' : what === 'leverandør' ? 'leverandørens steder' : 'stedet'} som Atom 1.0.`,
			query: noQuery,
			params: params as AnyZodObject,
			ok: {
				description: 'Atom-feedet.',
				content: { 'application/atom+xml': { schema: z.string() } },
			},
			item: true,
			handle: (api, request, _query, parsed) => {
				const id = String((parsed as Record<string, string>)[key]);
				const scope = atomScope(api, kind, id);
				if (!scope) return api.responder.problem(request, 404, `Ukendt ${what}.`);
				return {
					body: api.feed.atom(scope, request.url.origin),
					contentType: MEDIA.atom,
					lastModified: api.state.modified(),
				};
			},
		}),
	),
	route({
		path: '/downloads',
		tag: 'Downloads',
		summary: 'Hele registret som filer',
		description:
			'Liste over filerne med ændringstidspunkt og antal poster: CSV (UTF-8 med BOM, komma) pr. enhed og GeoJSON af stederne.',
		query: noQuery,
		ok: jsonBody(downloadsSchema, 'Filerne.'),
		item: false,
		handle: (api) => json(api, api.downloads.catalogue()),
	}),
	...DOWNLOAD_FILES.map((file) =>
		route({
			path: `/downloads/${file}`,
			tag: 'Downloads',
			summary: file,
			description: file.endsWith('.geojson')
				? 'Stederne med position som GeoJSON FeatureCollection (RFC 7946, WGS84, [lon, lat]).'
				: 'CSV efter RFC 4180: UTF-8 med BOM, komma som skilletegn, første linje er kolonnenavne.',
			query: noQuery,
			ok: file.endsWith('.geojson')
				? {
						description: 'GeoJSON.',
						content: { 'application/geo+json': { schema: localityGeoJsonSchema } },
					}
				: { description: 'CSV.', content: { 'text/csv': { schema: z.string() } } },
			item: false,
			handle: (api, request) => {
				const download = api.downloads.file(file);
				if (!download) return api.responder.problem(request, 404, 'Ukendt fil.');
				return {
					body: download.body,
					contentType: download.dataset.mediaType,
					lastModified: download.dataset.modified,
					filename: `plejeoverblik-${file}`,
				};
			},
		}),
	),
];

function atomScope(
	api: OpenDataApi,
	kind: 'municipalities' | 'providers' | 'localities',
	id: string,
) {
	const selfPath = `/api/v1/feeds/${kind}/${id}.atom`;
	if (kind === 'municipalities') {
		const item = api.data.municipality(id);
		return item
			? {
					filter: { municipality: id },
					title: `${item.name} Kommune`,
					selfPath,
					htmlPath: item.links.html,
				}
			: null;
	}
	if (kind === 'providers') {
		const item = api.data.provider(id);
		return item
			? { filter: { provider: id }, title: item.name, selfPath, htmlPath: item.links.html }
			: null;
	}
	const item = api.data.locality(id);
	return item
		? { filter: { locality: id }, title: item.name, selfPath, htmlPath: item.links.html }
		: null;
}

/** Documented error responses of a route. */
export function errorResponses(route: ApiRoute): Record<string, ResponseConfig> {
	const problem = (description: string): ResponseConfig => ({
		description,
		content: { 'application/problem+json': { schema: problemSchema } },
	});
	return {
		'304': { description: 'Ikke ændret siden If-None-Match/If-Modified-Since.' },
		'400': problem('Ugyldig eller ukendt forespørgselsparameter.'),
		...(route.item ? { '404': problem('Ukendt id.') } : {}),
		...(route.path.startsWith('/surveys/') || route.path.startsWith('/staff-reports/')
			? { '410': problem('Trukket tilbage af indberetteren.') }
			: {}),
	};
}

// Route templates as regular expressions, most specific (static) paths first.
const MATCHERS = API_ROUTES.map((route) => {
	const names: string[] = [];
	const pattern = route.path
		.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
		.replace(/\{(\w+)\}/g, (_, name: string) => {
			names.push(name);
			return '([^/]+)';
		});
	return { route: route.path, names, regex: new RegExp(`^${pattern}$`) };
});

/**
 * The route and path parameters for a URL path under /api/v1 (as Astro's file routing would
 * find them), or null. Lets the API be served from middleware, before Astro renders anything.
 */
export function matchApiRoute(
	pathname: string,
): { route: string; params: Record<string, string> } | null {
	if (!pathname.startsWith('/api/v1')) return null;
	const path = pathname.slice('/api/v1'.length).replace(/(.)\/$/, '$1') || '/';
	for (const matcher of MATCHERS) {
		const match = matcher.regex.exec(path);
		if (!match) continue;
		try {
			const params = Object.fromEntries(
				matcher.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]),
			);
			return { route: matcher.route, params };
		} catch {
			return null; // malformed percent-encoding: no such item
		}
	}
	return null;
}

/**
 * Answers one request for the route at `path`: OPTIONS preflight, 405 for other methods, then
 * path and query validation (404 and 400 with a problem body) before the handler runs.
 */
export function handleApiRequest(api: OpenDataApi, path: string, request: ApiRequest): Response {
	const found = API_ROUTES.find((candidate) => candidate.path === path);
	if (!found) return api.responder.problem(request, 404, 'Ukendt adresse i API’et.');
	const method = request.request.method;
	if (method === 'OPTIONS') return api.responder.preflight();
	const cached = api.responder.fromCache(request);
	if (cached) return cached;
	if (method !== 'GET' && method !== 'HEAD') {
		return api.responder.problem(
			request,
			405,
			`${method} understøttes ikke; API’et kan kun læses.`,
		);
	}
	const params = found.params ? parsePath(found.params, request.params) : {};
	if (params === null) {
		return api.responder.problem(request, 404, 'Ukendt id (forkert format).');
	}
	const query = parseQuery(found.query, request.url.searchParams);
	if (!query.ok) return api.responder.invalidQuery(request, query.invalid);
	return api.responder.respond(request, () => found.handle(api, request, query.value, params));
}
