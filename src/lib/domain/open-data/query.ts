import { z } from 'zod';

/** A query parameter that was refused, and why (in Danish). */
export interface InvalidParam {
	name: string;
	reason: string;
}

/** The validated query, or every parameter that was wrong. */
export type QueryResult<T> = { ok: true; value: T } | { ok: false; invalid: InvalidParam[] };

/** Danish messages for zod's built-in checks, so a 400 says in plain words what to send. */
const danishErrors: z.ZodErrorMap = (issue, context) => {
	switch (issue.code) {
		case z.ZodIssueCode.invalid_type:
			if (issue.received === 'nan') return { message: 'skal være et tal' };
			if (issue.expected === 'number') return { message: 'skal være et tal' };
			return { message: `har en forkert type (forventede ${issue.expected})` };
		case z.ZodIssueCode.invalid_enum_value:
			return {
				message: `skal være en af: ${issue.options.map(String).join(', ')}`,
			};
		case z.ZodIssueCode.too_small:
			return {
				message:
					issue.type === 'number'
						? `skal være mindst ${String(issue.minimum)}`
						: `skal have mindst ${String(issue.minimum)} tegn`,
			};
		case z.ZodIssueCode.too_big:
			return {
				message:
					issue.type === 'number'
						? `må højst være ${String(issue.maximum)}`
						: `må højst have ${String(issue.maximum)} tegn`,
			};
		case z.ZodIssueCode.invalid_string:
			if (issue.validation === 'date') return { message: 'skal være en dato på formen ÅÅÅÅ-MM-DD' };
			return { message: 'har et ugyldigt format' };
		default:
			return { message: context.defaultError };
	}
};

/**
 * Validates URL query parameters against a strict zod object schema. A parameter given twice is
 * refused (which value was meant is unknowable); an empty value counts as not given, as HTML forms
 * send empty fields.
 */
export function parseQuery<S extends z.ZodTypeAny>(
	schema: S,
	params: URLSearchParams,
): QueryResult<z.output<S>> {
	const raw: Record<string, string> = {};
	const invalid: InvalidParam[] = [];
	for (const key of new Set(params.keys())) {
		const values = params.getAll(key);
		if (values.length > 1) {
			invalid.push({ name: key, reason: 'må kun angives én gang' });
			continue;
		}
		const value = values[0] ?? '';
		if (value !== '') raw[key] = value;
	}
	const parsed = schema.safeParse(raw, { errorMap: danishErrors });
	if (parsed.success && invalid.length === 0) return { ok: true, value: parsed.data };
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			if (issue.code === z.ZodIssueCode.unrecognized_keys) {
				for (const key of issue.keys) {
					invalid.push({ name: key, reason: 'er ikke en kendt parameter for dette endpoint' });
				}
			} else {
				invalid.push({ name: String(issue.path[0] ?? '(forespørgsel)'), reason: issue.message });
			}
		}
	}
	return { ok: false, invalid };
}

/** Validates path parameters; any failure means "no such item" (the caller answers 404). */
export function parsePath<S extends z.ZodTypeAny>(
	schema: S,
	params: Record<string, string | undefined>,
): z.output<S> | null {
	const parsed = schema.safeParse(params);
	return parsed.success ? parsed.data : null;
}
