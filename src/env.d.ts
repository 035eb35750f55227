/// <reference types="astro/client" />

declare namespace App {
	interface Locals {
		/** The public site's services, set by the middleware (the composition root). */
		services: import('./lib/server/services/public').PublicServices;
		/** The logged-in editor on /redaktion and /log-ind (set by the editor middleware), else null. */
		user?: import('./lib/server/auth/locals').EditorUser | null;
		/** The editor's session (its CSRF token for forms); never the cookie token. */
		session?: import('./lib/server/auth/locals').EditorSessionInfo | null;
	}
}
