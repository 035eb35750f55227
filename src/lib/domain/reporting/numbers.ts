/**
 * Parses a number as Danes type it: "12,5" or "12.5", optional spaces, at most `decimals`
 * decimals. Thousands separators are refused rather than guessed ("1.234" is not 1234 here).
 */
export function parseDecimal(text: string, decimals = 2): number | null {
	const compact = text.replace(/\s/g, '');
	const pattern = new RegExp(`^\\d{1,7}([.,]\\d{1,${decimals}})?$`);
	if (!pattern.test(compact)) return null;
	return Number(compact.replace(',', '.'));
}

/** Parses a whole, non-negative number ("12", " 12 "), or null. */
export function parseWhole(text: string): number | null {
	const compact = text.replace(/\s/g, '');
	return /^\d{1,7}$/.test(compact) ? Number(compact) : null;
}

const DECIMAL = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('da-DK', {
	minimumFractionDigits: 0,
	maximumFractionDigits: 1,
});

/** A number in Danish notation with up to two decimals: 12.5 → "12,5". */
export function formatDecimal(value: number): string {
	return DECIMAL.format(value);
}

/** A percentage in Danish notation with up to one decimal: 87.25 → "87,3 %". */
export function formatPercent(value: number): string {
	return `${PERCENT.format(value)} %`;
}
