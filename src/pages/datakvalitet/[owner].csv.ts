import type { APIRoute } from 'astro';
import { registerDb } from '../../lib/server/runtime';
import { DataQualityReportService } from '../../lib/server/services/quality/data-quality-report';

/** The owner's open problems as CSV, ready to e-mail to its SOR administrator. */
export const GET: APIRoute = ({ params }) => {
	const service = new DataQualityReportService(registerDb());
	const report = service.owner(params.owner ?? '');
	if (!report) return new Response('Ukendt ejer', { status: 404 });
	return new Response(service.ownerCsv(report), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="datakvalitet-${report.owner.ownerKey}.csv"`,
		},
	});
};
