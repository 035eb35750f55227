import type { Actor } from '../../domain/auth/roles';
import type { EditorSession } from '../services/accounts/login-service';

/** The logged-in editor as pages see it in `Astro.locals.user`. */
export type EditorUser = Actor;
/** The session as pages see it in `Astro.locals.session` (for the CSRF field). */
export type EditorSessionInfo = EditorSession;
