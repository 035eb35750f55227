import { apiEndpoint } from '../../../../lib/server/services/open-data/runtime';

/** GET /api/v1/inspections: a filtered, paged list. */
export const { GET, OPTIONS, ALL } = apiEndpoint('/inspections');
