import { apiEndpoint } from '../../../lib/server/services/open-data/runtime';

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document. */
export const { GET, OPTIONS, ALL } = apiEndpoint('/openapi.json');
