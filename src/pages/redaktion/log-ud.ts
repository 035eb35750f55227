import type { APIRoute } from 'astro';
import { sessionCookieName } from '../../lib/server/auth/cookies';
import { editorRuntime } from '../../lib/server/auth/editor-runtime';

/** Logout (POST only; the middleware has checked the session and its CSRF token). */
export const POST: APIRoute = ({ cookies, redirect }) => {
	const rt = editorRuntime();
	const name = sessionCookieName(rt.cookies);
	const token = cookies.get(name)?.value;
	if (token) rt.login.logout(token);
	cookies.delete(name, { path: '/' });
	return redirect('/log-ind?udlogget=1', 303);
};
