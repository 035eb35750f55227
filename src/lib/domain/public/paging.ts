/** One page of a list: which rows to fetch and how to describe the page. */
export interface PageWindow {
	page: number;
	pageSize: number;
	offset: number;
}

/** Page size of search result lists. */
export const PAGE_SIZE = 20;

/** Parses a `side` query value into a page window; anything odd means page 1. */
export function pageWindow(raw: string | null, pageSize = PAGE_SIZE): PageWindow {
	const parsed = raw !== null && /^\d{1,5}$/.test(raw) ? Number(raw) : 1;
	const page = Math.max(1, parsed);
	return { page, pageSize, offset: (page - 1) * pageSize };
}

/** Number of pages for a total (at least 1, so "side 1 af 1" reads right when empty). */
export function pageCount(total: number, pageSize = PAGE_SIZE): number {
	return Math.max(1, Math.ceil(total / pageSize));
}
