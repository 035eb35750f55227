/**
 * The path to return to after login, if it is a path inside the editor area; otherwise the
 * editor front page. Refuses absolute and protocol-relative URLs (open redirect) and backslashes,
 * which some browsers treat as slashes.
 */
export function safeNextPath(value: string | null | undefined): string {
	const fallback = '/redaktion';
	if (!value) return fallback;
	if (!/^\/redaktion([/?][A-Za-z0-9\-_./?=&%]*)?$/.test(value)) return fallback;
	if (value.includes('//') || value.includes('\\') || value.includes('/..')) return fallback;
	return value;
}
