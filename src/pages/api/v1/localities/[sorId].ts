import { apiEndpoint } from '../../../../lib/server/services/open-data/runtime';

/** GET /api/v1/localities/{sorId}: one locality. */
export const { GET, OPTIONS, ALL } = apiEndpoint('/localities/{sorId}');
