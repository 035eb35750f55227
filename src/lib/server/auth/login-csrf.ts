import type { AstroCookies } from 'astro';
import { loginCsrfCookieName, loginCsrfCookieOptions, type CookieSettings } from './cookies';
import { newCsrfToken } from './tokens';

/**
 * The login form's CSRF token (double-submit): kept in a short-lived httpOnly, SameSite=Strict
 * cookie scoped to the login page and echoed in a hidden field. Created when the login page is
 * shown, which is the only non-editor page that sets a cookie.
 */
export function ensureLoginCsrfToken(cookies: AstroCookies, settings: CookieSettings): string {
	const name = loginCsrfCookieName(settings);
	const existing = cookies.get(name)?.value;
	if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
	const token = newCsrfToken();
	cookies.set(name, token, loginCsrfCookieOptions(settings));
	return token;
}
