import { apiEndpoint } from '../../../lib/server/services/open-data/runtime';

/** GET /api/v1/changes: the change feed, paged by cursor. */
export const { GET, OPTIONS, ALL } = apiEndpoint('/changes');
