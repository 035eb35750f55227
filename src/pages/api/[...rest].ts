import { apiEndpoint } from '../../lib/server/services/open-data/runtime';

/** Anything else under /api answers with a JSON 404 problem, not the HTML error page. */
export const { GET, OPTIONS, ALL } = apiEndpoint('(unknown)');
