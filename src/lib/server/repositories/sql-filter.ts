/** Named parameters of a filtered query (better-sqlite3 `@name` bindings). */
export type SqlParams = Record<string, string | number>;

/**
 * Adds `column = @key` to `where` (and the value to `params`) for every key the filter sets:
 * the list endpoints' plain equality filters.
 */
export function addEqualFilters<K extends string>(
	where: string[],
	params: SqlParams,
	filter: Partial<Record<K, string | number | undefined>>,
	columns: readonly (readonly [K, string])[],
): void {
	for (const [key, column] of columns) {
		const value = filter[key];
		if (value !== undefined) {
			where.push(`${column} = @${key}`);
			params[key] = value;
		}
	}
}
