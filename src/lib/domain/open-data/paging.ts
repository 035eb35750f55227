import type { ListLinks } from './schemas';

/** Number of pages for a total (at least 1, so page 1 of an empty list exists). */
export function totalPages(totalItems: number, pageSize: number): number {
	return Math.max(1, Math.ceil(totalItems / pageSize));
}

/**
 * Root-relative links to the first, last, previous and next page, keeping every other query
 * parameter as the client sent it. A page past the end has a `prev` link back to the last page.
 */
export function listLinks(
	path: string,
	params: URLSearchParams,
	page: number,
	pages: number,
): ListLinks {
	const href = (n: number) => {
		const copy = new URLSearchParams(params);
		if (n === 1) copy.delete('page');
		else copy.set('page', String(n));
		const query = copy.toString();
		return query ? `${path}?${query}` : path;
	};
	const self = params.toString() ? `${path}?${params.toString()}` : path;
	return {
		self,
		first: href(1),
		last: href(pages),
		prev: page > 1 ? href(Math.min(page - 1, pages)) : null,
		next: page < pages ? href(page + 1) : null,
	};
}
