import { defineMiddleware, sequence } from 'astro:middleware';
import { resolve } from 'node:path';
import { editorRuntime } from './lib/server/auth/editor-runtime';
import { editorSession } from './lib/server/auth/middleware';
import { createDarSource } from './lib/server/dar/create-dar-source';
import { installCacheFastPath } from './lib/server/http/fast-path';
import { PublicPageCache } from './lib/server/http/public-cache';
import { securityHeaders, withSecurityHeaders } from './lib/server/http/security-headers';
import { registerDb } from './lib/server/runtime';
import { createPublicServices, type PublicServices } from './lib/server/services/public';
import { loadMapConfig } from './lib/server/services/public/map-config';
import { loadSiteInfo } from './lib/server/services/public/site-info';
import { openDataApiMiddleware } from './lib/server/services/open-data/middleware';
import { startedOpenDataApi } from './lib/server/services/open-data/runtime';

// One set of services per process: they hold prepared statements on the one connection.
let services: PublicServices | null = null;
function publicServices(): PublicServices {
	services ??= createPublicServices({
		db: registerDb(),
		dar: createDarSource,
		map: loadMapConfig(),
		info: loadSiteInfo(),
		kommuneShapesPath: resolve('db/reference/kommune-shapes.json'),
		// Every public request reads the version; 100 ms between database reads is unnoticeable.
		versionTtlMs: 100,
		reported: editorRuntime().content,
	});
	return services;
}

let headerList: [string, string][] | null = null;
function headers(): [string, string][] {
	headerList ??= securityHeaders(publicServices().map.tileOrigin);
	return headerList;
}
let openDataHeaderList: [string, string][] | null = null;
function openDataHeaders(): [string, string][] {
	openDataHeaderList ??= securityHeaders(publicServices().map.tileOrigin, { openData: true });
	return openDataHeaderList;
}

// A new build changes the HTML (asset names) without changing data, so ETags include the process.
const pageCache = new PublicPageCache(
	() => publicServices().dataVersion.current(),
	`${process.pid}-${Date.now().toString(36)}`,
	{ maxEntries: 5000, maxBytes: 64 * 1024 * 1024 },
);
installCacheFastPath([
	{
		answer: (request) => {
			const decision = pageCache.decide(request, true);
			return decision.kind === 'answer' ? decision.answer : null;
		},
		securityHeaders: headers,
	},
	{
		// Set up by the first API request through Astro; until then every request goes that way.
		answer: (request) =>
			request.url.pathname.startsWith('/api/v1')
				? (startedOpenDataApi()?.responder.cachedAnswer(request) ?? null)
				: null,
		securityHeaders: openDataHeaders,
	},
]);

/** Every response Astro produces gets the security headers (OWASP; stack-notes §6). */
const setSecurityHeaders = defineMiddleware(async (context, next) =>
	withSecurityHeaders(
		await next(),
		context.url.pathname.startsWith('/api/') ? openDataHeaders() : headers(),
	),
);

/** The composition root: pages read their services from `Astro.locals.services`. */
const provideServices = defineMiddleware((context, next) => {
	context.locals.services = publicServices();
	return next();
});

/**
 * Public pages change only when the data version changes, so they are served from memory keyed by
 * URL and version, with an ETag of both; a matching If-None-Match gets 304 without rendering.
 * Hits are normally answered earlier, by the node:http fast path; this renders and stores misses.
 */
const cachePublicPages = defineMiddleware(async (context, next) => {
	const { request, url } = context;
	const decision = pageCache.decide({
		method: request.method,
		url,
		header: (name) => request.headers.get(name),
	});
	if (decision.kind === 'bypass') return next();
	if (decision.kind === 'answer') return toResponse(decision.answer);
	const response = await next();
	const answer = await pageCache.store(decision, response);
	return answer ? toResponse(answer) : response;
});

function toResponse(answer: {
	status: number;
	headers: [string, string][];
	body: Uint8Array<ArrayBuffer> | null;
}): Response {
	return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

export const onRequest = sequence(
	setSecurityHeaders,
	provideServices,
	openDataApiMiddleware,
	editorSession,
	cachePublicPages,
);
