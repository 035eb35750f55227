import { apiEndpoint } from '../../../lib/server/services/open-data/runtime';

/** GET /api/v1: links to every list, download and feed. */
export const { GET, OPTIONS, ALL } = apiEndpoint('/');
