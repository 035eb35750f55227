import { apiEndpoint } from '../../../../lib/server/services/open-data/runtime';

/** GET /api/v1/providers/{id}: one aggregate provider. */
export const { GET, OPTIONS, ALL } = apiEndpoint('/providers/{id}');
