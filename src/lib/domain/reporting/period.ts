/** A reporting period: a whole year, a quarter or a month. */
export interface Period {
	type: 'month' | 'quarter' | 'year';
	/** `2026`, `2026-K1` … `2026-K4`, or `2026-01` … `2026-12`. */
	value: string;
}

const MONTHS = [
	'januar',
	'februar',
	'marts',
	'april',
	'maj',
	'juni',
	'juli',
	'august',
	'september',
	'oktober',
	'november',
	'december',
];

/** The choices of the period drop-down: one value encodes both the type and the part of the year. */
export const PERIOD_PARTS: { value: string; label: string }[] = [
	{ value: 'year', label: 'Hele året' },
	...[1, 2, 3, 4].map((q) => ({ value: `K${q}`, label: `${q}. kvartal` })),
	...MONTHS.map((name, i) => ({
		value: `M${String(i + 1).padStart(2, '0')}`,
		label: name[0]!.toUpperCase() + name.slice(1),
	})),
];

/** Builds a period from the form's year and part (`year`, `K1`…`K4`, `M01`…`M12`), or null. */
export function periodFromParts(year: number, part: string): Period | null {
	if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
	if (part === 'year') return { type: 'year', value: String(year) };
	const quarter = /^K([1-4])$/.exec(part);
	if (quarter) return { type: 'quarter', value: `${year}-K${quarter[1]}` };
	const month = /^M(0[1-9]|1[0-2])$/.exec(part);
	if (month) return { type: 'month', value: `${year}-${month[1]}` };
	return null;
}

/** The form's year and part for a stored period (the inverse of `periodFromParts`). */
export function periodParts(period: Period): { year: number; part: string } {
	const year = Number(period.value.slice(0, 4));
	if (period.type === 'year') return { year, part: 'year' };
	if (period.type === 'quarter') return { year, part: period.value.slice(5) };
	return { year, part: `M${period.value.slice(5)}` };
}

/** True when `value` is well-formed for `type`. */
export function isPeriod(type: string, value: string): type is Period['type'] {
	if (type === 'year') return /^\d{4}$/.test(value);
	if (type === 'quarter') return /^\d{4}-K[1-4]$/.test(value);
	if (type === 'month') return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
	return false;
}

/** First and last day (ISO dates) of a period. */
export function periodRange(period: Period): { start: string; end: string } {
	const year = Number(period.value.slice(0, 4));
	let firstMonth = 1;
	let months = 12;
	if (period.type === 'quarter') {
		firstMonth = (Number(period.value.slice(6)) - 1) * 3 + 1;
		months = 3;
	} else if (period.type === 'month') {
		firstMonth = Number(period.value.slice(5));
		months = 1;
	}
	const start = new Date(Date.UTC(year, firstMonth - 1, 1));
	const end = new Date(Date.UTC(year, firstMonth - 1 + months, 0));
	return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/** Sorts periods by start, and a longer period before a shorter one starting the same day. */
export function comparePeriods(a: Period, b: Period): number {
	const ra = periodRange(a);
	const rb = periodRange(b);
	return ra.start.localeCompare(rb.start) || rb.end.localeCompare(ra.end);
}

/** A period in Danish: "2026", "1. kvartal 2026", "marts 2026". */
export function periodLabel(period: Period): string {
	const year = period.value.slice(0, 4);
	if (period.type === 'year') return year;
	if (period.type === 'quarter') return `${period.value.slice(6)}. kvartal ${year}`;
	return `${MONTHS[Number(period.value.slice(5)) - 1]} ${year}`;
}

/** A compact label for chart axes: "2026", "K1 26", "mar 26". */
export function periodShortLabel(period: Period): string {
	const yy = period.value.slice(2, 4);
	if (period.type === 'year') return period.value.slice(0, 4);
	if (period.type === 'quarter') return `K${period.value.slice(6)} ${yy}`;
	return `${MONTHS[Number(period.value.slice(5)) - 1]!.slice(0, 3)} ${yy}`;
}
