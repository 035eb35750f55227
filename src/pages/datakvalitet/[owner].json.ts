import type { APIRoute } from 'astro';
import { registerDb } from '../../lib/server/runtime';
import { DataQualityReportService } from '../../lib/server/services/quality/data-quality-report';

/** The owner's open and resolved problems as JSON. */
export const GET: APIRoute = ({ params }) => {
	const service = new DataQualityReportService(registerDb());
	const report = service.owner(params.owner ?? '');
	if (!report) {
		return Response.json({ title: 'Ukendt ejer', status: 404 }, { status: 404 });
	}
	return Response.json(service.ownerJson(report));
};
