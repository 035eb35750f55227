import { z } from 'zod';
import { DEFAULT_MIN_RESPONDENTS } from '../../domain/reporting/survey';

// An empty variable (`SURVEY_MIN_RESPONDENTS=` in a unit file) counts as unset.
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);
const envSchema = z.object({
	SESSION_COOKIE_SECURE: z.preprocess(unsetIfEmpty, z.enum(['true', 'false']).optional()),
	SURVEY_MIN_RESPONDENTS: z.preprocess(
		unsetIfEmpty,
		z.coerce.number().int().min(1).max(1000).optional(),
	),
});

/** Settings of the editor area and of everything showing reported content (pages and API). */
export interface EditorConfig {
	/**
	 * Secure cookies (and the `__Host-` prefix). On unless SESSION_COOKIE_SECURE=false: fail-safe,
	 * and browsers accept Secure cookies from http://localhost and 127.0.0.1 in development.
	 */
	cookieSecure: boolean;
	/** Fewest survey answers shown publicly. */
	surveyMinRespondents: number;
}

/** Reads and validates the editor settings; throws a Danish error naming the bad variable. */
export function loadEditorConfig(env: NodeJS.ProcessEnv = process.env): EditorConfig {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`Ugyldig konfiguration: ${issue?.path.join('.')}: ${issue?.message}`);
	}
	return {
		cookieSecure: parsed.data.SESSION_COOKIE_SECURE !== 'false',
		surveyMinRespondents: parsed.data.SURVEY_MIN_RESPONDENTS ?? DEFAULT_MIN_RESPONDENTS,
	};
}
