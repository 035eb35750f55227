import type { APIContext, APIRoute } from 'astro';
import { loadEditorConfig } from '../../auth/editor-config';
import { registerDb } from '../../runtime';
import { handleApiRequest } from './api-routes';
import { createOpenDataApi, type OpenDataApi } from './open-data-api';

/*
 * The per-process wiring of the open-data API. The site's middleware (the main composition root)
 * puts the public services on `locals`; the API builds on its data version, so the API, the pages
 * and their caches agree on when data changed.
 */

// Part of every ETag: a new build may shape the same data differently.
const BUILD_ID = `${process.pid}-${Date.now().toString(36)}`;

let api: OpenDataApi | null = null;

/** The open-data API if a request has set it up already, else null (for the node:http fast path). */
export function startedOpenDataApi(): OpenDataApi | null {
	return api;
}

/** The open-data API of this process. */
export function openDataApi(locals: App.Locals): OpenDataApi {
	api ??= createOpenDataApi({
		db: registerDb(),
		dataVersion: locals.services.dataVersion,
		// The very setting the website's survey pages use: hidden there means hidden here.
		surveyMinRespondents: loadEditorConfig().surveyMinRespondents,
		buildId: BUILD_ID,
	});
	return api;
}

/**
 * The handlers of one /api/v1 endpoint file. `path` is the route's OpenAPI path, or a function
 * of the URL parameters for a file that serves several (the downloads).
 */
export function apiEndpoint(path: string | ((params: APIContext['params']) => string)): {
	GET: APIRoute;
	OPTIONS: APIRoute;
	ALL: APIRoute;
} {
	const handler: APIRoute = (context) =>
		handleApiRequest(
			openDataApi(context.locals),
			typeof path === 'string' ? path : path(context.params),
			{ url: context.url, request: context.request, params: context.params },
		);
	return { GET: handler, OPTIONS: handler, ALL: handler };
}
