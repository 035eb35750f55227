import { z } from 'zod';
import type { StatusValue } from './inspection';
import type { SurveyQuestion } from './survey';

const code = z
	.string()
	.trim()
	.regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'koden må kun have a-z, 0-9 og - (højst 60 tegn)');
const active = z.enum(['ja', 'nej'], {
	errorMap: () => ({ message: 'aktiv skal være ja eller nej' }),
});

/** A catalogue entry with its active flag. */
export interface CatalogueQuestion extends SurveyQuestion {
	active: boolean;
}

function parseRows<T extends { code: string }>(
	rows: { line: number; values: Record<string, string> }[],
	schema: z.ZodType<T, z.ZodTypeDef, unknown>,
	what: string,
): T[] {
	const entries: T[] = [];
	const seen = new Set<string>();
	for (const { line, values } of rows) {
		const parsed = schema.safeParse(values);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new Error(`${what}, linje ${line}: ${issue?.path.join('.')}: ${issue?.message}`);
		}
		if (seen.has(parsed.data.code)) {
			throw new Error(`${what}, linje ${line}: koden ${parsed.data.code} står to gange.`);
		}
		seen.add(parsed.data.code);
		entries.push(parsed.data);
	}
	if (entries.length === 0) throw new Error(`${what} er tom.`);
	return entries;
}

/** Validates the rows of db/reference/survey-questions.csv (kode;spoergsmaal;aktiv). */
export function parseQuestionCatalogue(
	rows: { line: number; values: Record<string, string> }[],
): CatalogueQuestion[] {
	return parseRows(
		rows,
		z
			.object({ kode: code, spoergsmaal: z.string().trim().min(1).max(300), aktiv: active })
			.transform((r) => ({ code: r.kode, text: r.spoergsmaal, active: r.aktiv === 'ja' })),
		'Spørgsmålskataloget',
	);
}

/** Validates the rows of db/reference/tilsyn-status.csv (kode;betegnelse;aktiv). */
export function parseStatusList(
	rows: { line: number; values: Record<string, string> }[],
): StatusValue[] {
	return parseRows(
		rows,
		z
			.object({ kode: code, betegnelse: z.string().trim().min(1).max(120), aktiv: active })
			.transform((r) => ({ code: r.kode, label: r.betegnelse, active: r.aktiv === 'ja' })),
		'Statuslisten',
	);
}
