import { apiEndpoint } from '../../../../lib/server/services/open-data/runtime';

/** GET /api/v1/downloads: the downloadable files with modification times. */
export const { GET, OPTIONS, ALL } = apiEndpoint('/downloads');
