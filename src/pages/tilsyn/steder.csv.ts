import type { APIRoute } from 'astro';
import { readOverviewQuery } from '../../lib/domain/inspection-overview/overview';
import {
	inspectionOverview,
	viewerAuthorityId,
} from '../../lib/server/services/inspection-overview/runtime';
import { danishDate } from '../../lib/server/services/reporting/outcome';

/** The /tilsyn overview as CSV, with the same filters and sort order as the page (no paging). */
export const GET: APIRoute = ({ url, locals }) => {
	const read = readOverviewQuery(url.searchParams);
	const today = danishDate(new Date());
	const csv = inspectionOverview(locals).csv(
		{ ...read, first: read.first ?? viewerAuthorityId(locals) },
		today,
	);
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8; header=present',
			'Content-Disposition': `attachment; filename="tilsyn-overblik-${today}.csv"`,
			// Computed against today's date: a cache may keep it briefly, never across days.
			'Cache-Control': 'public, max-age=300',
		},
	});
};
