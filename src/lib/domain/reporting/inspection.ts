import { z } from 'zod';
import { dateField, fieldErrors, textField, type FieldError, type FormResult } from './form';

/** The three themes of ældretilsynsloven § 7 stk. 3, in the law's order. */
export const INSPECTION_THEMES = [
	{ key: 'themeSelfDetermination', field: 'theme_self', label: 'Den ældres selvbestemmelse' },
	{
		key: 'themeTrust',
		field: 'theme_trust',
		label: 'Tillid til medarbejdere og den lokale ledelse',
	},
	{
		key: 'themeRelatives',
		field: 'theme_relatives',
		label: 'Tæt samspil med pårørende, lokalsamfund og civilsamfund',
	},
] as const;

/** Danish names of påbud and forbud. */
export const ORDER_KINDS = { order: 'Påbud', ban: 'Forbud' } as const;

/** A påbud or forbud as entered. */
export interface InspectionOrder {
	kind: 'order' | 'ban';
	description: string;
	issuedOn: string;
	deadline: string | null;
	liftedOn: string | null;
}

/** Inspection feedback as entered (the PDF is handled separately, as a checked upload). */
export interface InspectionInput {
	visitDate: string;
	announced: boolean;
	themeSelfDetermination: string;
	themeTrust: string;
	themeRelatives: string;
	statusCode: string;
	statusText: string;
	summary: string;
	orders: InspectionOrder[];
	correctionNote: string | null;
}

/** A value of the configurable overall-status list (db/reference/tilsyn-status.csv). */
export interface StatusValue {
	code: string;
	label: string;
	active: boolean;
}

/** Most påbud/forbud rows the form offers. */
export const MAX_ORDERS = 10;

/**
 * Checks the inspection form. `today` (ÅÅÅÅ-MM-DD) stops visit dates in the future; a correction
 * must say what it corrects.
 */
export function parseInspectionForm(
	values: Record<string, string>,
	statuses: StatusValue[],
	options: { today: string; correction: boolean },
): FormResult<InspectionInput> {
	const codes = statuses.filter((s) => s.active).map((s) => s.code);
	const schema = z.object({
		visit_date: dateField('Skriv datoen for besøget som en gyldig dato.').refine(
			(date) => date === null || date <= options.today,
			'Besøgsdatoen kan ikke ligge i fremtiden.',
		),
		announced: z.enum(['ja', 'nej'], {
			errorMap: () => ({ message: 'Vælg om besøget var anmeldt eller uanmeldt.' }),
		}),
		theme_self: textField('vurderingen af den ældres selvbestemmelse', 4000),
		theme_trust: textField('vurderingen af tillid til medarbejdere og ledelse', 4000),
		theme_relatives: textField('vurderingen af samspillet med pårørende og civilsamfund', 4000),
		status: z
			.string({ required_error: 'Vælg den samlede status.' })
			.refine((code) => codes.includes(code), 'Vælg den samlede status fra listen.'),
		status_text: textField('teksten til den samlede status', 2000),
		summary: textField('et resumé af den skriftlige tilbagemelding', 6000),
		correction_note: textField('hvad rettelsen ændrer', 1000, { required: options.correction }),
	});
	const parsed = schema.safeParse(values);
	const errors: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error);
	const orders = parseOrders(values, errors);
	if (!parsed.success || errors.length > 0) return { ok: false, errors };
	const data = parsed.data;
	return {
		ok: true,
		value: {
			visitDate: data.visit_date as string,
			announced: data.announced === 'ja',
			themeSelfDetermination: data.theme_self,
			themeTrust: data.theme_trust,
			themeRelatives: data.theme_relatives,
			statusCode: data.status,
			statusText: data.status_text,
			summary: data.summary,
			orders,
			correctionNote: options.correction ? data.correction_note : null,
		},
	};
}

function parseOrders(values: Record<string, string>, errors: FieldError[]): InspectionOrder[] {
	const orders: InspectionOrder[] = [];
	for (let i = 0; i < MAX_ORDERS; i++) {
		const field = (name: string) => (values[`order_${i}_${name}`] ?? '').trim();
		const row = {
			kind: field('kind'),
			description: field('description'),
			issued: field('issued'),
			deadline: field('deadline'),
			lifted: field('lifted'),
		};
		if (Object.values(row).every((v) => v === '')) continue;
		const n = i + 1;
		const schema = z.object({
			kind: z.enum(['order', 'ban'], {
				errorMap: () => ({ message: `Række ${n}: vælg påbud eller forbud.` }),
			}),
			description: textField(`hvad påbud/forbud nr. ${n} går ud på`, 1000),
			issued: dateField(`Række ${n}: skriv datoen for udstedelsen som en gyldig dato.`),
			deadline: dateField(`Række ${n}: fristen skal være en gyldig dato.`, { required: false }),
			lifted: dateField(`Række ${n}: datoen for ophævelse skal være en gyldig dato.`, {
				required: false,
			}),
		});
		const parsed = schema.safeParse(row);
		if (!parsed.success) {
			for (const error of fieldErrors(parsed.error)) {
				errors.push({ field: `order_${i}_${error.field}`, message: error.message });
			}
			continue;
		}
		const { kind, description, issued, deadline, lifted } = parsed.data;
		if (deadline && issued && deadline < issued) {
			errors.push({
				field: `order_${i}_deadline`,
				message: `Række ${n}: fristen kan ikke ligge før udstedelsen.`,
			});
		}
		if (lifted && issued && lifted < issued) {
			errors.push({
				field: `order_${i}_lifted`,
				message: `Række ${n}: ophævelsen kan ikke ligge før udstedelsen.`,
			});
		}
		orders.push({
			kind,
			description,
			issuedOn: issued as string,
			deadline,
			liftedOn: lifted,
		});
	}
	return orders;
}

/** The form values that show stored feedback again (for a correction). */
export function inspectionFormValues(input: InspectionInput): Record<string, string> {
	const values: Record<string, string> = {
		visit_date: input.visitDate,
		announced: input.announced ? 'ja' : 'nej',
		theme_self: input.themeSelfDetermination,
		theme_trust: input.themeTrust,
		theme_relatives: input.themeRelatives,
		status: input.statusCode,
		status_text: input.statusText,
		summary: input.summary,
	};
	input.orders.forEach((order, i) => {
		values[`order_${i}_kind`] = order.kind;
		values[`order_${i}_description`] = order.description;
		values[`order_${i}_issued`] = order.issuedOn;
		values[`order_${i}_deadline`] = order.deadline ?? '';
		values[`order_${i}_lifted`] = order.liftedOn ?? '';
	});
	return values;
}

/** True while a påbud or forbud has not been lifted (as of `today`). */
export function isOrderOpen(order: Pick<InspectionOrder, 'liftedOn'>, today: string): boolean {
	return order.liftedOn === null || order.liftedOn > today;
}

/** Whole calendar months from one ISO date to another (0 within the same month-day span). */
export function monthsBetween(from: string, to: string): number {
	const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
	const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
	let months = (ty - fy) * 12 + (tm - fm);
	if (td < fd) months -= 1;
	return Math.max(0, months);
}

/** The same date `years` later (29 February becomes 28 February in a common year). */
export function addYears(date: string, years: number): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const target = new Date(Date.UTC(y + years, m - 1, d));
	if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
	return target.toISOString().slice(0, 10);
}
