import { z, type ZodError } from 'zod';
import { parseDecimal, parseWhole } from './numbers';

/** One problem with a submitted form: the input's id (for the error summary link) and the text. */
export interface FieldError {
	field: string;
	message: string;
}

/** The outcome of checking a form: the clean value, or the problems to show in the error summary. */
export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** The text fields of a submitted form as plain strings (files and repeated names are ignored). */
export function formText(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form.entries()) {
		if (typeof value === 'string' && !(name in values)) values[name] = value;
	}
	return values;
}

/** Zod issues as field errors, one per field, in form order. */
export function fieldErrors(error: ZodError): FieldError[] {
	const seen = new Set<string>();
	const errors: FieldError[] = [];
	for (const issue of error.issues) {
		const field = issue.path.join('_') || 'form';
		if (seen.has(field)) continue;
		seen.add(field);
		errors.push({ field, message: issue.message });
	}
	return errors;
}

/**
 * Normalises free text from a form: unified line breaks, no control characters (except line break
 * and tab), no trailing spaces, trimmed. HTML is kept as typed; the pages escape it when shown.
 */
export function cleanText(text: string): string {
	return (
		text
			.replace(/\r\n?/g, '\n')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
			.replace(/[ \t]+\n/g, '\n')
			.trim()
	);
}

/** True for a real calendar date written as ÅÅÅÅ-MM-DD. */
export function isIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A required whole number field (0 … max). */
export function wholeField(message: string, max = 100_000) {
	return z.string({ required_error: message }).transform((text, ctx) => {
		const value = parseWhole(text);
		if (value === null || value > max) {
			ctx.addIssue({ code: 'custom', message });
			return z.NEVER;
		}
		return value;
	});
}

/** A required decimal field in Danish notation (0 … max). */
export function decimalField(message: string, decimals = 2, max = 100_000) {
	return z.string({ required_error: message }).transform((text, ctx) => {
		const value = parseDecimal(text, decimals);
		if (value === null || value > max) {
			ctx.addIssue({ code: 'custom', message });
			return z.NEVER;
		}
		return value;
	});
}

/** An optional decimal field: empty gives null. */
export function optionalDecimalField(message: string, decimals = 2, max = 100_000) {
	return z
		.string()
		.optional()
		.transform((text, ctx) => {
			if (!text || !text.trim()) return null;
			const value = parseDecimal(text, decimals);
			if (value === null || value > max) {
				ctx.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return value;
		});
}

/** A required free-text field, cleaned, with a length limit. */
export function textField(label: string, max: number, options: { required?: boolean } = {}) {
	const required = options.required ?? true;
	return z
		.string()
		.optional()
		.transform((text, ctx) => {
			const value = cleanText(text ?? '');
			if (required && value.length === 0) {
				ctx.addIssue({ code: 'custom', message: `Skriv ${label}.` });
				return z.NEVER;
			}
			if ([...value].length > max) {
				ctx.addIssue({
					code: 'custom',
					message: `${label[0]!.toUpperCase()}${label.slice(1)} må højst være ${max} tegn (nu ${[...value].length}).`,
				});
				return z.NEVER;
			}
			return value;
		});
}

/** A date field (ÅÅÅÅ-MM-DD, as `<input type="date">` sends it); optional gives null when empty. */
export function dateField(message: string, options: { required?: boolean } = {}) {
	const required = options.required ?? true;
	return z
		.string()
		.optional()
		.transform((text, ctx) => {
			const value = (text ?? '').trim();
			if (!value && !required) return null;
			if (!isIsoDate(value)) {
				ctx.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return value;
		});
}
