import { apiEndpoint } from '../../../../lib/server/services/open-data/runtime';

/** GET /api/v1/municipalities/{code}: one kommune. */
export const { GET, OPTIONS, ALL } = apiEndpoint('/municipalities/{code}');
