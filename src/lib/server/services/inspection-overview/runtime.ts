import { InspectionOverviewRepository } from '../../repositories/inspection-overview-repository';
import { registerDb } from '../../runtime';
import { InspectionOverviewService } from './overview-service';

let overview: InspectionOverviewService | null = null;

/**
 * Ældretilsynet's overview service of this process, keyed to the same data version as the site
 * and the API (import runs plus the reported-content revision).
 */
export function inspectionOverview(locals: App.Locals): InspectionOverviewService {
	if (!overview) {
		const { dataVersion } = locals.services;
		overview = new InspectionOverviewService(new InspectionOverviewRepository(registerDb()), {
			current: () => dataVersion.current(),
		});
	}
	return overview;
}

/**
 * The authority of the logged-in inspection editor, to list first. The editor session is read
 * only under /redaktion (public pages set and read no cookies), so on /tilsyn this is null unless
 * that changes; the editor area links to /tilsyn?foerst=<authority> instead.
 */
export function viewerAuthorityId(locals: App.Locals): string | null {
	const user = (locals as { user?: { authorityId?: string | null } | null }).user;
	return user?.authorityId ?? null;
}
