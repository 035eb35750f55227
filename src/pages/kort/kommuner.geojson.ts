import type { APIRoute } from 'astro';
import { acceptsGzip, gzipEtag, matchingEtag } from '../../lib/server/http/page-cache';

/** Kommune outlines for maps without a tile server; the same for every page, so cached long. */
export const GET: APIRoute = async ({ request, locals }) => {
	const body = await locals.services.outlines.outlines();
	const headers = {
		'Content-Type': 'application/geo+json; charset=utf-8',
		'Cache-Control': 'public, max-age=86400',
		ETag: body.etag,
		Vary: 'Accept-Encoding',
	};
	if (matchingEtag(request.headers.get('if-none-match'), body.etag)) {
		return new Response(null, { status: 304, headers });
	}
	if (acceptsGzip(request.headers.get('accept-encoding'))) {
		return new Response(body.gzip, {
			headers: { ...headers, ETag: gzipEtag(body.etag), 'Content-Encoding': 'gzip' },
		});
	}
	return new Response(body.json, { headers });
};
