import { apiEndpoint } from '../../../../lib/server/services/open-data/runtime';

/** GET /api/v1/downloads/{file}: one whole-register file. */
export const { GET, OPTIONS, ALL } = apiEndpoint((params) => `/downloads/${params.file ?? ''}`);
