import { escapeXml } from '../../domain/reporting/svg';

/**
 * A minimal Danish HTML page for refusals made before any page renders (CSRF, size, rate limit).
 * No inline style or script, so the strict CSP holds.
 */
export function refusalResponse(
	status: number,
	title: string,
	text: string,
	headers: Record<string, string> = {},
): Response {
	const html = `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(title)} – Plejeoverblik</title></head><body><main><h1>${escapeXml(title)}</h1><p>${escapeXml(text)}</p><p><a href="/redaktion">Til redaktionens forside</a></p></main></body></html>`;
	return new Response(html, {
		status,
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			'Cache-Control': 'no-store',
			...headers,
		},
	});
}
