import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { API_ROUTES, errorResponses } from './api-routes';

/** The generated document (an OpenAPI 3.1 object). */
export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

let cached: OpenApiDocument | null = null;

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the route list: each route's query and path
 * schemas are the very zod objects that validate requests, and its response schemas are the ones
 * the response types are inferred from. Built once per process.
 */
export function openApiDocument(): OpenApiDocument {
	if (cached) return cached;
	const registry = new OpenAPIRegistry();
	for (const route of API_ROUTES) {
		registry.registerPath({
			method: 'get',
			path: route.path,
			operationId: operationId(route.path),
			tags: [route.tag],
			summary: route.summary,
			description: route.description,
			request: {
				query: route.query,
				...(route.params ? { params: route.params } : {}),
			},
			responses: { '200': route.ok, ...errorResponses(route) },
		});
	}
	cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
		openapi: '3.1.0',
		info: {
			title: 'Plejeoverblik – åbne data',
			version: '1.0.0',
			description:
				'Det offentlige register over leverandører af helhedspleje som åbne data: kommuner, leverandører, steder, Ældretilsynets tilbagemeldinger, brugertilfredshedsmålinger og medarbejdertal; hele registret som CSV og GeoJSON; en ændringsstrøm og Atom-feeds. Alle GET-svar har ETag og Last-Modified og besvarer betingede forespørgsler med 304; CORS er åbent for alle. En ukendt eller ugyldig parameter giver 400 med et problem-svar (RFC 9457), et ukendt id 404.',
		},
		servers: [{ url: '/api/v1' }],
		tags: [
			{ name: 'Generelt' },
			{ name: 'Register', description: 'Data fra SOR, valideret mod DAR.' },
			{
				name: 'Indberetninger',
				description: 'Indhold, som Ældretilsynet og leverandører indberetter.',
			},
			{ name: 'Ændringer', description: 'Ændringsstrøm og Atom-feeds.' },
			{ name: 'Downloads', description: 'Hele registret som filer.' },
		],
	});
	return cached;
}

/** A stable operationId from the path: `/localities/{sorId}` → `getLocalitiesBySorId`. */
function operationId(path: string): string {
	if (path === '/') return 'getIndex';
	const words = path
		.replace(/\.(json|atom|csv|geojson)$/, (_, ext: string) => `-${ext}`)
		.split(/[/.-]/)
		.filter(Boolean)
		.map((word) => {
			const param = /^\{(.+)\}$/.exec(word);
			const text = param ? `by-${param[1]}` : word;
			return text
				.split('-')
				.map((part) => part.charAt(0).toUpperCase() + part.slice(1))
				.join('');
		});
	return `get${words.join('')}`;
}
