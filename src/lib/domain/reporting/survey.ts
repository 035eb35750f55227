import { z } from 'zod';
import { fieldErrors, textField, wholeField, type FormResult } from './form';
import { formatDecimal, parseDecimal } from './numbers';
import { periodFromParts, type Period } from './period';
import { periodFields } from './staff';

/** How a survey was collected (the 2021 national pilot used web, phone and home visits). */
export const SURVEY_METHODS = [
	{ value: 'web', label: 'Spørgeskema på nettet' },
	{ value: 'paper', label: 'Spørgeskema på papir' },
	{ value: 'phone', label: 'Telefoninterview' },
	{ value: 'visit', label: 'Interview ved besøg i hjemmet' },
	{ value: 'mixed', label: 'Flere metoder' },
	{ value: 'other', label: 'Anden metode' },
] as const;

/** The Danish label of a survey method code (the code itself if unknown). */
export function surveyMethodLabel(code: string): string {
	return SURVEY_METHODS.find((m) => m.value === code)?.label ?? code;
}

/** Fewest answers before results are shown (issue 5; configurable via SURVEY_MIN_RESPONDENTS). */
export const DEFAULT_MIN_RESPONDENTS = 5;

/** A question from the catalogue (db/reference/survey-questions.csv). */
export interface SurveyQuestion {
	code: string;
	text: string;
}

/** One answered question: share of positive answers in percent. */
export interface SurveyAnswer {
	questionCode: string;
	questionText: string;
	positivePct: number;
}

/** A survey as entered. */
export interface SurveyInput {
	name: string;
	period: Period;
	method: string;
	invited: number;
	responded: number;
	answers: SurveyAnswer[];
}

/** The key that makes "the same survey" across localities: case and spacing do not matter. */
export function surveyNameKey(name: string): string {
	return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Checks the survey form (`name`, `year`, `part`, `method`, `invited`, `responded`, `q_<code>`). */
export function parseSurveyForm(
	values: Record<string, string>,
	questions: SurveyQuestion[],
): FormResult<SurveyInput> {
	const schema = z
		.object({
			name: textField('målingens navn', 120),
			...periodFields,
			method: z.enum(SURVEY_METHODS.map((m) => m.value) as [string, ...string[]], {
				errorMap: () => ({ message: 'Vælg hvordan målingen blev gennemført.' }),
			}),
			invited: wholeField('Skriv hvor mange der blev spurgt, som et helt tal.', 10_000_000),
			responded: wholeField('Skriv hvor mange der svarede, som et helt tal.', 10_000_000),
		})
		.superRefine((data, ctx) => {
			if (data.invited < 1) {
				ctx.addIssue({
					code: 'custom',
					path: ['invited'],
					message: 'Der skal være spurgt mindst én.',
				});
			}
			if (data.responded > data.invited) {
				ctx.addIssue({
					code: 'custom',
					path: ['responded'],
					message: 'Antal svar kan ikke være større end antal spurgte.',
				});
			}
		});
	const parsed = schema.safeParse(values);
	const errors = parsed.success ? [] : fieldErrors(parsed.error);
	const answers: SurveyAnswer[] = [];
	for (const question of questions) {
		const raw = (values[`q_${question.code}`] ?? '').trim();
		if (!raw) continue;
		const value = parseDecimal(raw.replace(/%$/, ''), 1);
		if (value === null || value > 100) {
			errors.push({
				field: `q_${question.code}`,
				message: `«${question.text}»: skriv andelen af positive svar i procent mellem 0 og 100.`,
			});
			continue;
		}
		answers.push({ questionCode: question.code, questionText: question.text, positivePct: value });
	}
	if (answers.length === 0 && !errors.some((e) => e.field.startsWith('q_'))) {
		errors.push({
			field: questions[0] ? `q_${questions[0].code}` : 'form',
			message: 'Udfyld resultatet for mindst ét spørgsmål.',
		});
	}
	if (!parsed.success || errors.length > 0) return { ok: false, errors };
	const period = periodFromParts(parsed.data.year, parsed.data.part);
	if (!period) return { ok: false, errors: [{ field: 'part', message: 'Vælg en periode.' }] };
	return {
		ok: true,
		value: {
			name: parsed.data.name,
			period,
			method: parsed.data.method,
			invited: parsed.data.invited,
			responded: parsed.data.responded,
			answers,
		},
	};
}

/** The form values that show a stored survey again. */
export function surveyFormValues(input: Omit<SurveyInput, 'period'>): Record<string, string> {
	const values: Record<string, string> = {
		name: input.name,
		method: input.method,
		invited: String(input.invited),
		responded: String(input.responded),
	};
	for (const answer of input.answers) {
		values[`q_${answer.questionCode}`] = formatDecimal(answer.positivePct);
	}
	return values;
}

/** Response rate in percent (one decimal), or null when nobody was invited. */
export function responseRate(invited: number, responded: number): number | null {
	if (invited <= 0) return null;
	return Math.round((responded / invited) * 1000) / 10;
}

/**
 * Why a survey's results are hidden, in Danish, or null when they may be shown: with too few
 * answers a share could point at single persons and says little.
 */
export function suppressionReason(responded: number, minRespondents: number): string | null {
	if (responded >= minRespondents) return null;
	return `Resultaterne vises ikke, fordi færre end ${minRespondents} har svaret (${responded} svar). Så få svar kan pege på enkeltpersoner og siger ikke meget om stedet.`;
}

/** A survey result that may enter an average. */
export interface AverageInput {
	sorId: string;
	municipalityCode: string | null;
	responded: number;
	answers: ReadonlyMap<string, number>;
}

/** An average over localities: respondent-weighted share, and how many localities and answers. */
export interface Average {
	positivePct: number;
	localities: number;
	respondents: number;
}

/**
 * Respondent-weighted average share per question over the given results (the pooled share of
 * positive answers). Callers pass only results that are not suppressed: a suppressed result must
 * not enter an average, or it could be worked out from the average and the shown results.
 */
export function averageByQuestion(results: AverageInput[]): Map<string, Average> {
	const sums = new Map<string, { weighted: number; respondents: number; localities: number }>();
	for (const result of results) {
		for (const [code, pct] of result.answers) {
			const sum = sums.get(code) ?? { weighted: 0, respondents: 0, localities: 0 };
			sum.weighted += pct * result.responded;
			sum.respondents += result.responded;
			sum.localities += 1;
			sums.set(code, sum);
		}
	}
	const averages = new Map<string, Average>();
	for (const [code, sum] of sums) {
		if (sum.respondents === 0) continue;
		averages.set(code, {
			positivePct: Math.round((sum.weighted / sum.respondents) * 10) / 10,
			localities: sum.localities,
			respondents: sum.respondents,
		});
	}
	return averages;
}
