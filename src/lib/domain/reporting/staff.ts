import { z } from 'zod';
import {
	fieldErrors,
	decimalField,
	optionalDecimalField,
	wholeField,
	type FormResult,
} from './form';
import { formatDecimal, parseDecimal, parseWhole } from './numbers';
import { periodFromParts, type Period } from './period';

/** Staff categories as the issue names them, in display order. */
export const STAFF_CATEGORIES = [
	{ key: 'nurses', label: 'Sygeplejersker' },
	{ key: 'care_assistants', label: 'Social- og sundhedsassistenter' },
	{ key: 'care_helpers', label: 'Social- og sundhedshjælpere' },
	{ key: 'therapists', label: 'Terapeuter' },
	{ key: 'other', label: 'Øvrige' },
] as const;

/** The key of a staff category. */
export type StaffCategory = (typeof STAFF_CATEGORIES)[number]['key'];

/** Headcount and full-time equivalents of one category. */
export interface StaffLine {
	category: StaffCategory;
	headcount: number;
	fullTimeEquivalents: number;
}

/** A staff report as entered: period, one line per category, optional sickness absence. */
export interface StaffReportInput {
	period: Period;
	lines: StaffLine[];
	sicknessAbsencePct: number | null;
}

/** Zod fields shared by the forms that ask for a period (`year` + `part`). */
export const periodFields = {
	year: z
		.string({ required_error: 'Skriv året med fire cifre, fx 2026.' })
		.trim()
		.regex(/^\d{4}$/, 'Skriv året med fire cifre, fx 2026.')
		.transform(Number)
		.refine((y) => y >= 2000 && y <= 2100, 'Året skal ligge mellem 2000 og 2100.'),
	part: z.string({ required_error: 'Vælg en periode.' }),
};

/** Checks the staff form (`year`, `part`, `headcount_<category>`, `fte_<category>`, `sickness`). */
export function parseStaffForm(values: Record<string, string>): FormResult<StaffReportInput> {
	const shape: Record<string, z.ZodTypeAny> = {
		...periodFields,
		sickness: optionalDecimalField(
			'Skriv sygefraværet i procent mellem 0 og 100 med højst én decimal.',
			1,
			100,
		),
	};
	for (const { key, label } of STAFF_CATEGORIES) {
		const name = label.toLowerCase();
		shape[`headcount_${key}`] = wholeField(
			`Skriv antal ${name} som et helt tal (0, hvis der ingen er).`,
		);
		shape[`fte_${key}`] = decimalField(
			`Skriv fuldtidsstillinger for ${name} som et tal med højst to decimaler, fx 12,5.`,
		);
	}
	const parsed = z.object(shape).safeParse(values);
	const errors = parsed.success ? [] : fieldErrors(parsed.error);
	// Checked on the raw values too, so this error shows together with any others.
	for (const { key, label } of STAFF_CATEGORIES) {
		const headcount = parseWhole(values[`headcount_${key}`] ?? '');
		const fte = parseDecimal(values[`fte_${key}`] ?? '', 2);
		if (headcount !== null && fte !== null && fte > headcount) {
			errors.push({
				field: `fte_${key}`,
				message: `${label}: fuldtidsstillinger kan ikke være flere end antal medarbejdere.`,
			});
		}
	}
	if (!parsed.success || errors.length > 0) return { ok: false, errors };
	const data = parsed.data as Record<string, number | string | null>;
	const period = periodFromParts(data.year as number, data.part as string);
	if (!period) return { ok: false, errors: [{ field: 'part', message: 'Vælg en periode.' }] };
	return {
		ok: true,
		value: {
			period,
			sicknessAbsencePct: data.sickness as number | null,
			lines: STAFF_CATEGORIES.map(({ key }) => ({
				category: key,
				headcount: data[`headcount_${key}`] as number,
				fullTimeEquivalents: data[`fte_${key}`] as number,
			})),
		},
	};
}

/** The form values that show a stored report again (numbers in Danish notation). */
export function staffFormValues(input: Omit<StaffReportInput, 'period'>): Record<string, string> {
	const values: Record<string, string> = {
		sickness: input.sicknessAbsencePct === null ? '' : formatDecimal(input.sicknessAbsencePct),
	};
	for (const line of input.lines) {
		values[`headcount_${line.category}`] = String(line.headcount);
		values[`fte_${line.category}`] = formatDecimal(line.fullTimeEquivalents);
	}
	return values;
}

/** Totals over all categories (FTE rounded to two decimals against float drift). */
export function staffTotals(lines: StaffLine[]): {
	headcount: number;
	fullTimeEquivalents: number;
} {
	return {
		headcount: lines.reduce((sum, line) => sum + line.headcount, 0),
		fullTimeEquivalents:
			Math.round(lines.reduce((sum, line) => sum + line.fullTimeEquivalents, 0) * 100) / 100,
	};
}
