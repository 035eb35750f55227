/**
 * Search text rules for /soeg. The FTS index (db/migrations/0002_search_index.sql) stores folded
 * text; the query is folded here by the same steps, so "Århus", "Aarhus" and "arhus", or
 * "København" and "Kobenhavn", find the same places.
 */

// The same replacements, in the same order, as the migration's view `search_documents`.
const REPLACEMENTS: readonly [RegExp, string][] = [
	[/æ/g, 'ae'],
	[/ø/g, 'o'],
	[/å/g, 'a'],
	[/aa/g, 'a'],
	[/oe/g, 'o'],
];
const COMBINING_MARKS = /\p{M}+/gu;
// unicode61 splits on everything that is not a letter or a digit.
const SEPARATORS = /[^\p{L}\p{N}]+/u;
// Words that say what kind of place is wanted rather than which one; dropped unless alone.
const NOISE_WORDS = new Set(['kommune', 'kommunes', 'og', 'i']);

/** Maximum number of words used from one query, so a pasted text cannot build a huge query. */
export const MAX_QUERY_TOKENS = 8;

/** Folds text as the search index does: lower case, æ→ae, ø→o, å→a, aa→a, oe→o, no accents. */
export function foldSearchText(text: string): string {
	let folded = text.normalize('NFC').toLowerCase();
	for (const [pattern, replacement] of REPLACEMENTS) folded = folded.replace(pattern, replacement);
	return folded.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

/** The folded words of a query, without noise words (unless nothing else is left). */
export function searchTokens(query: string): string[] {
	const tokens = foldSearchText(query)
		.split(SEPARATORS)
		.filter((token) => token !== '');
	const meaningful = tokens.filter((token) => !NOISE_WORDS.has(token));
	return (meaningful.length > 0 ? meaningful : tokens).slice(0, MAX_QUERY_TOKENS);
}

/**
 * An FTS5 MATCH expression for free text: every word must occur as a word prefix. User input never
 * reaches FTS syntax: words are letters and digits only and each is quoted. Null for no words.
 */
export function ftsMatchExpression(query: string): string | null {
	const tokens = searchTokens(query);
	if (tokens.length === 0) return null;
	return tokens.map((token) => `"${token.replace(/"/g, '""')}"*`).join(' ');
}
