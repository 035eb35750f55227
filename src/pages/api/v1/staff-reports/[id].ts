import { apiEndpoint } from '../../../../lib/server/services/open-data/runtime';

/** GET /api/v1/staff-reports/{id}: one staff report. */
export const { GET, OPTIONS, ALL } = apiEndpoint('/staff-reports/{id}');
