import type { APIRoute } from 'astro';

/** GeoJSON of shown localities for the maps: all, or one kommune page, provider or locality. */
export const GET: APIRoute = ({ url, locals }) => {
	const params = url.searchParams;
	const data = locals.services.register.mapData({
		municipality: params.get('kommune'),
		provider: params.get('leverandoer'),
		locality: params.get('sted'),
	});
	if (!data) {
		return new Response(JSON.stringify({ error: 'Ukendt kommune, leverandør eller sted' }), {
			status: 404,
			headers: { 'Content-Type': 'application/json; charset=utf-8' },
		});
	}
	return new Response(JSON.stringify(data), {
		headers: { 'Content-Type': 'application/geo+json; charset=utf-8' },
	});
};
