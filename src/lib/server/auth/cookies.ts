/** Cookie settings for the editor area. */
export interface CookieSettings {
	/** `Secure` flag: on in production; off only for plain-http local runs and tests. */
	secure: boolean;
}

/**
 * Name of the session cookie. With `Secure` it gets the `__Host-` prefix, which makes the browser
 * refuse it unless it is Secure, has Path=/ and no Domain, so no sibling subdomain can plant one.
 */
export function sessionCookieName(settings: CookieSettings): string {
	return settings.secure ? '__Host-plejeoverblik-session' : 'plejeoverblik-session';
}

/** Name of the login form's double-submit cookie (the login has no session yet to hold a token). */
export function loginCsrfCookieName(settings: CookieSettings): string {
	return settings.secure ? '__Host-plejeoverblik-login' : 'plejeoverblik-login';
}

/**
 * Options for the session cookie: httpOnly (no script can read it), SameSite=Strict (never sent
 * with a request started on another site), a browser-session cookie (no Max-Age; the server
 * enforces idle and absolute expiry).
 */
export function sessionCookieOptions(settings: CookieSettings) {
	return {
		httpOnly: true,
		sameSite: 'strict' as const,
		secure: settings.secure,
		path: '/',
	};
}

/** Options for the short-lived login CSRF cookie. */
export function loginCsrfCookieOptions(settings: CookieSettings) {
	return { ...sessionCookieOptions(settings), maxAge: 60 * 60 };
}
