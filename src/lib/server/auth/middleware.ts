import type { MiddlewareHandler } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { safeNextPath } from '../../domain/auth/safe-redirect';
import { loginCsrfCookieName, sessionCookieName } from './cookies';
import { editorRuntime, type EditorRuntime } from './editor-runtime';
import { refusalResponse } from './error-page';
import { secretsEqual } from './tokens';

/** Largest request body accepted by the editor area (a 15 MB PDF plus the form around it). */
export const MAX_EDITOR_BODY_BYTES = 20 * 1024 * 1024;

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
const SAFE_METHODS = ['GET', 'HEAD'];

/** True for paths of the editor area, which require a session. */
export function isEditorPath(pathname: string): boolean {
	return pathname === '/redaktion' || pathname.startsWith('/redaktion/');
}

/**
 * Sessions, CSRF and write limits for `/redaktion/**` and `/log-ind`. Every other path passes
 * through untouched, so public pages never read or set a cookie.
 *
 * Layers against CSRF: Astro's `checkOrigin` (runs before this; refuses a cross-site form POST),
 * SameSite=Strict cookies, no state change on GET, and here a per-session synchronizer token in a
 * hidden `_csrf` field (a double-submit cookie on the login form), compared in constant time.
 */
export function createEditorMiddleware(runtime: () => EditorRuntime): MiddlewareHandler {
	return async (context, next) => {
		const path = context.url.pathname;
		const inEditor = isEditorPath(path);
		const atLogin = path === '/log-ind';
		if (!inEditor && !atLogin) return next();

		const rt = runtime();
		const cookieName = sessionCookieName(rt.cookies);
		const token = context.cookies.get(cookieName)?.value ?? null;
		const current = token ? rt.login.validate(token) : null;
		if (token && !current) context.cookies.delete(cookieName, { path: '/' });
		context.locals.user = current?.actor ?? null;
		context.locals.session = current?.session ?? null;

		if (inEditor && !current) {
			const back = safeNextPath(path + context.url.search);
			return context.redirect(`/log-ind?til=${encodeURIComponent(back)}`, 303);
		}

		if (!SAFE_METHODS.includes(context.request.method)) {
			const refused = await checkUnsafeRequest(context.request, {
				expectedToken: atLogin
					? (context.cookies.get(loginCsrfCookieName(rt.cookies))?.value ?? null)
					: current!.session.csrfToken,
			});
			if (refused) return refused;
			if (inEditor) {
				const limit = rt.writeLimiter.attempt(current!.actor.id);
				if (!limit.allowed) {
					return refusalResponse(
						429,
						'For mange ændringer på kort tid',
						`Vent ${limit.retryAfterSeconds} sekunder, og prøv igen.`,
						{ 'Retry-After': String(limit.retryAfterSeconds) },
					);
				}
			}
		}

		const revisionBefore = SAFE_METHODS.includes(context.request.method)
			? null
			: rt.content.revision();
		const response = await next();
		// A committed edit changes what public pages show: tell their cache (keyed by data version).
		if (revisionBefore !== null && rt.content.revision() !== revisionBefore) {
			context.locals.services?.dataVersion?.bump();
		}
		try {
			// Editor pages hold personal and unpublished data: never cache them.
			response.headers.set('Cache-Control', 'no-store');
			response.headers.set('X-Robots-Tag', 'noindex');
		} catch {
			// Some responses (e.g. Response.redirect) have immutable headers; they carry no content.
		}
		return response;
	};
}

/** Refuses an unsafe request without a form body, too large, or without the right CSRF token. */
async function checkUnsafeRequest(
	request: Request,
	options: { expectedToken: string | null },
): Promise<Response | null> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) {
		return refusalResponse(415, 'Forkert indhold', 'Redaktionen tager kun imod formularer.');
	}
	const length = Number(request.headers.get('content-length'));
	if (!request.headers.has('content-length') || !Number.isFinite(length)) {
		return refusalResponse(411, 'Længde mangler', 'Formularen blev sendt uden længde.');
	}
	if (length > MAX_EDITOR_BODY_BYTES) {
		return refusalResponse(
			413,
			'For stor formular',
			'Formularen med filer fylder for meget. Filer må højst fylde 15 MB.',
		);
	}
	let given: FormDataEntryValue | null;
	try {
		// A clone, so the page can read the body again.
		given = (await request.clone().formData()).get('_csrf');
	} catch {
		return refusalResponse(400, 'Ugyldig formular', 'Formularen kunne ikke læses.');
	}
	if (
		options.expectedToken === null ||
		!secretsEqual(typeof given === 'string' ? given : null, options.expectedToken)
	) {
		return refusalResponse(
			403,
			'Formularen er udløbet',
			'Formularen kunne ikke godkendes (sikkerhedsnøglen mangler eller er forkert). Gå tilbage, genindlæs siden og prøv igen.',
		);
	}
	return null;
}

/** The middleware for src/middleware.ts. */
export const editorSession = defineMiddleware(createEditorMiddleware(editorRuntime));
