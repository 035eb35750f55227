import { apiEndpoint } from '../../../../../lib/server/services/open-data/runtime';

/** Atom feed of one kommune's localities. */
export const { GET, OPTIONS, ALL } = apiEndpoint('/feeds/municipalities/{code}.atom');
