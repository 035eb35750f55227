import { apiEndpoint } from '../../../../../lib/server/services/open-data/runtime';

/** Atom feed of one provider's localities. */
export const { GET, OPTIONS, ALL } = apiEndpoint('/feeds/providers/{id}.atom');
