import { apiEndpoint } from '../../../../lib/server/services/open-data/runtime';

/** GET /api/v1/providers: a filtered, paged list. */
export const { GET, OPTIONS, ALL } = apiEndpoint('/providers');
