import { z } from 'zod';

/** Who runs the register and how to reach them: shown in every footer and on /om. */
export interface SiteInfo {
	operator: string;
	contactEmail: string | null;
	contactPhone: string | null;
	/** The accessibility statement in Digitaliseringsstyrelsen's WAS-Tool; /was redirects here. */
	accessibilityStatementUrl: string;
}

const schema = z.object({
	SITE_OPERATOR: z.string().trim().min(1).max(120).default('Sundhedsdatastyrelsen'),
	SITE_CONTACT_EMAIL: z.string().trim().email().optional(),
	SITE_CONTACT_PHONE: z
		.string()
		.trim()
		.regex(/^\+?[\d ]{8,16}$/)
		.optional(),
	SITE_WAS_URL: z
		.string()
		.trim()
		.url()
		.refine((url) => url.startsWith('https://'), 'skal være en https-adresse')
		.default('https://was.digst.dk/plejeoverblik-dk'),
});

/** Reads the operator's details from the environment; throws a readable error for a bad value. */
export function loadSiteInfo(env: NodeJS.ProcessEnv = process.env): SiteInfo {
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`Ugyldig konfiguration: ${issue?.path.join('.')}: ${issue?.message}`);
	}
	return {
		operator: parsed.data.SITE_OPERATOR,
		contactEmail: parsed.data.SITE_CONTACT_EMAIL ?? null,
		contactPhone: parsed.data.SITE_CONTACT_PHONE ?? null,
		accessibilityStatementUrl: parsed.data.SITE_WAS_URL,
	};
}
