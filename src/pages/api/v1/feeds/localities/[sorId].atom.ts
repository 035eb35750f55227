import { apiEndpoint } from '../../../../../lib/server/services/open-data/runtime';

/** Atom feed of one locality. */
export const { GET, OPTIONS, ALL } = apiEndpoint('/feeds/localities/{sorId}.atom');
