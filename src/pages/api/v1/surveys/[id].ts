import { apiEndpoint } from '../../../../lib/server/services/open-data/runtime';

/** GET /api/v1/surveys/{id}: one satisfaction survey. */
export const { GET, OPTIONS, ALL } = apiEndpoint('/surveys/{id}');
