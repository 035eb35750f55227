import { apiEndpoint } from '../../../../lib/server/services/open-data/runtime';

/** GET /api/v1/inspections/{id}: one inspection's feedback. */
export const { GET, OPTIONS, ALL } = apiEndpoint('/inspections/{id}');
