import { z } from 'zod';
import { pageCount, pageWindow, PAGE_SIZE } from '../../../domain/public/paging';
import { ftsMatchExpression } from '../../../domain/public/search-text';
import type {
	ProviderKind,
	PublicLocalityItem,
	PublicRegisterRepository,
} from '../../repositories/public-register-repository';
import type { SearchRepository } from '../../repositories/search-repository';

/** Owner-type filter values as they appear in the URL. */
export type OwnerFilter = 'kommunal' | 'privat';

const OWNER_KIND: Record<OwnerFilter, ProviderKind> = { kommunal: 'kommune', privat: 'privat' };

/** The search form's values after validation; invalid values are dropped, never an error page. */
export interface SearchInput {
	query: string;
	municipalityCode: string | null;
	owner: OwnerFilter | null;
	page: number;
}

/** One page of search results with everything the page needs to render filters and paging. */
export interface SearchResultView {
	input: SearchInput;
	/** True when the user searched or filtered; false for the plain list of every shown locality. */
	searched: boolean;
	total: number;
	page: number;
	pages: number;
	items: PublicLocalityItem[];
	municipalities: { code: string; name: string }[];
}

const MAX_QUERY_LENGTH = 200;
const querySchema = z.string().max(MAX_QUERY_LENGTH).catch('');
const codeSchema = z
	.string()
	.regex(/^\d{4}$/)
	.nullable()
	.catch(null);
const ownerSchema = z.enum(['kommunal', 'privat']).nullable().catch(null);

/** Reads the search form from URL parameters (q, kommune, ejer, side). */
export function readSearchInput(params: URLSearchParams): SearchInput {
	return {
		query: querySchema.parse((params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH)),
		municipalityCode: codeSchema.parse(params.get('kommune') || null),
		owner: ownerSchema.parse(params.get('ejer') || null),
		page: pageWindow(params.get('side')).page,
	};
}

/** Full-text search over shown localities with kommune and owner-type filters, paged. */
export class SearchService {
	constructor(
		private readonly search: SearchRepository,
		private readonly register: PublicRegisterRepository,
	) {}

	/** Runs a search; without words it lists every shown locality matching the filters, by name. */
	find(input: SearchInput): SearchResultView {
		const municipalities = this.register
			.municipalitySummaries()
			.map(({ code, name }) => ({ code, name }));
		const match = ftsMatchExpression(input.query);
		const searched = match !== null || input.municipalityCode !== null || input.owner !== null;
		const window = pageWindow(String(input.page), PAGE_SIZE);
		const result = this.search.search({
			match,
			municipalityCode: input.municipalityCode,
			providerKind: input.owner ? OWNER_KIND[input.owner] : null,
			limit: window.pageSize,
			offset: window.offset,
		});
		return {
			input,
			searched,
			total: result.total,
			page: window.page,
			pages: pageCount(result.total),
			items: result.items,
			municipalities,
		};
	}
}
