/**
 * Security headers for every response the site renders. Follows OWASP's HTTP headers cheat sheet
 * (https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html) and the strict
 * policy in stack-notes §6: no inline script or style anywhere (astro.config.mjs turns inlining off).
 */

/** The Content-Security-Policy; `tileOrigin` is the map tile server allowed as an image source. */
export function contentSecurityPolicy(tileOrigin: string | null): string {
	return [
		"default-src 'self'",
		"script-src 'self'",
		"style-src 'self'",
		// Leaflet cancels a tile by pointing it at a 1×1 data: GIF, so data: comes with tiles.
		`img-src 'self'${tileOrigin ? ` ${tileOrigin} data:` : ''}`,
		"font-src 'self'",
		"connect-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"frame-ancestors 'none'",
		"form-action 'self'",
	].join('; ');
}

/**
 * Every security header as name/value pairs, computed once per process. Open data (`openData`) may
 * be loaded by any site, also as a no-cors resource, so it is marked cross-origin; everything else
 * stays same-origin.
 */
export function securityHeaders(
	tileOrigin: string | null,
	options: { openData?: boolean } = {},
): [string, string][] {
	return [
		['Content-Security-Policy', contentSecurityPolicy(tileOrigin)],
		['X-Content-Type-Options', 'nosniff'],
		['Referrer-Policy', 'strict-origin-when-cross-origin'],
		// frame-ancestors covers current browsers; X-Frame-Options covers old ones.
		['X-Frame-Options', 'DENY'],
		['Cross-Origin-Opener-Policy', 'same-origin'],
		['Cross-Origin-Resource-Policy', options.openData ? 'cross-origin' : 'same-origin'],
		['Permissions-Policy', 'geolocation=(), camera=(), microphone=(), interest-cohort=()'],
	];
}

/** Sets the headers on a response, copying it first when its headers are immutable (redirects). */
export function withSecurityHeaders(response: Response, headers: [string, string][]): Response {
	try {
		for (const [name, value] of headers) response.headers.set(name, value);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		for (const [name, value] of headers) copy.headers.set(name, value);
		return copy;
	}
}
