import type { APIRoute } from 'astro';

/** The standard short address of the accessibility statement: /was → WAS-Tool (stack-notes §3.2). */
export const GET: APIRoute = ({ locals }) =>
	new Response(null, {
		status: 301,
		headers: { Location: locals.services.info.accessibilityStatementUrl },
	});
