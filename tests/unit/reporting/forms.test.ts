import { describe, expect, it } from 'vitest';
import {
	parseInspectionForm,
	monthsBetween,
	addYears,
	isOrderOpen,
} from '../../../src/lib/domain/reporting/inspection';
import { parseStaffForm, staffFormValues } from '../../../src/lib/domain/reporting/staff';
import { parseSurveyForm } from '../../../src/lib/domain/reporting/survey';
import {
	periodFromParts,
	periodLabel,
	comparePeriods,
	periodRange,
} from '../../../src/lib/domain/reporting/period';
import { parseDecimal } from '../../../src/lib/domain/reporting/numbers';
import { inspectionForm, staffForm, surveyForm } from '../../integration/reporting-world';

const QUESTIONS = [
	{ code: 'tryghed-medarbejdere', text: 'Føler du dig tryg?' },
	{ code: 'tilfredshed-samlet', text: 'Er du tilfreds?' },
];
const STATUSES = [
	{ code: 'vurdering-afgivet', label: 'Vurdering afgivet', active: true },
	{ code: 'gammel', label: 'Gammel', active: false },
];

describe('periods and numbers', () => {
	it('builds, labels and orders periods', () => {
		expect(periodFromParts(2026, 'year')).toEqual({ type: 'year', value: '2026' });
		expect(periodFromParts(2026, 'K2')).toEqual({ type: 'quarter', value: '2026-K2' });
		expect(periodFromParts(2026, 'M03')).toEqual({ type: 'month', value: '2026-03' });
		expect(periodFromParts(2026, 'M13')).toBeNull();
		expect(periodLabel({ type: 'quarter', value: '2026-K2' })).toBe('2. kvartal 2026');
		expect(periodLabel({ type: 'month', value: '2026-03' })).toBe('marts 2026');
		expect(periodRange({ type: 'quarter', value: '2026-K4' })).toEqual({
			start: '2026-10-01',
			end: '2026-12-31',
		});
		const sorted = [
			{ type: 'month', value: '2026-02' },
			{ type: 'year', value: '2026' },
			{ type: 'quarter', value: '2025-K4' },
		].sort(comparePeriods as never);
		expect(sorted.map((p) => p.value)).toEqual(['2025-K4', '2026', '2026-02']);
	});
	it('parses Danish decimals and refuses thousands separators', () => {
		expect(parseDecimal('12,5')).toBe(12.5);
		expect(parseDecimal('12.5')).toBe(12.5);
		expect(parseDecimal(' 3 ')).toBe(3);
		expect(parseDecimal('1.234,5')).toBeNull();
		expect(parseDecimal('-1')).toBeNull();
		expect(parseDecimal('1,234')).toBeNull();
	});
});

describe('the staff form', () => {
	it('accepts a complete report', () => {
		const result = parseStaffForm(staffForm());
		expect(result.ok && result.value).toMatchObject({
			period: { type: 'quarter', value: '2026-K1' },
			sicknessAbsencePct: 6.5,
		});
		expect(result.ok && result.value.lines[1]).toEqual({
			category: 'care_assistants',
			headcount: 10,
			fullTimeEquivalents: 8.25,
		});
	});
	it('round-trips through the form values', () => {
		const result = parseStaffForm(staffForm());
		if (!result.ok) throw new Error('invalid');
		expect(parseStaffForm({ ...staffFormValues(result.value), year: '2026', part: 'K1' })).toEqual(
			result,
		);
	});
	it('explains every problem in Danish, with the field it belongs to', () => {
		const result = parseStaffForm(
			staffForm({ year: '26', headcount_nurses: 'fire', fte_care_helpers: '21', sickness: '101' }),
		);
		expect(result.ok).toBe(false);
		const errors = result.ok ? [] : result.errors;
		expect(errors.map((e) => e.field).sort()).toEqual(
			['fte_care_helpers', 'headcount_nurses', 'sickness', 'year'].sort(),
		);
		expect(errors.find((e) => e.field === 'fte_care_helpers')?.message).toMatch(
			/kan ikke være flere end antal medarbejdere/,
		);
	});
});

describe('the survey form', () => {
	it('keeps the answered questions with their wording', () => {
		const result = parseSurveyForm(surveyForm(), QUESTIONS);
		expect(result.ok && result.value.answers).toEqual([
			{ questionCode: 'tryghed-medarbejdere', questionText: 'Føler du dig tryg?', positivePct: 90 },
			{ questionCode: 'tilfredshed-samlet', questionText: 'Er du tilfreds?', positivePct: 80 },
		]);
	});
	it('refuses more answers than invited, shares over 100 and no answered question', () => {
		const result = parseSurveyForm(
			surveyForm({ responded: '41', 'q_tryghed-medarbejdere': '101', 'q_tilfredshed-samlet': '' }),
			QUESTIONS,
		);
		expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual([
			'responded',
			'q_tryghed-medarbejdere',
		]);
		const none = parseSurveyForm(
			surveyForm({ 'q_tryghed-medarbejdere': '', 'q_tilfredshed-samlet': '' }),
			QUESTIONS,
		);
		expect(none.ok ? '' : none.errors[0]?.message).toMatch(/mindst ét spørgsmål/);
	});
});

describe('the inspection form', () => {
	const options = { today: '2026-11-25', correction: false };
	it('accepts feedback with påbud and skips empty rows', () => {
		const result = parseInspectionForm(
			inspectionForm({
				order_0_kind: 'order',
				order_0_description: 'Medicinhåndtering skal forbedres',
				order_0_issued: '2026-10-02',
				order_0_deadline: '2027-01-01',
			}),
			STATUSES,
			options,
		);
		expect(result.ok && result.value.orders).toEqual([
			{
				kind: 'order',
				description: 'Medicinhåndtering skal forbedres',
				issuedOn: '2026-10-02',
				deadline: '2027-01-01',
				liftedOn: null,
			},
		]);
	});
	it('refuses future visits, retired statuses, impossible dates and half-filled order rows', () => {
		const result = parseInspectionForm(
			inspectionForm({
				visit_date: '2026-12-01',
				status: 'gammel',
				order_1_description: 'Noget',
				order_2_kind: 'ban',
				order_2_description: 'Forbud',
				order_2_issued: '2026-02-30',
			}),
			STATUSES,
			options,
		);
		expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual([
			'visit_date',
			'status',
			'order_1_kind',
			'order_1_issued',
			'order_2_issued',
		]);
	});
	it('requires a note on a correction', () => {
		const result = parseInspectionForm(inspectionForm(), STATUSES, {
			...options,
			correction: true,
		});
		expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['correction_note']);
	});
});

describe('inspection freshness and the 5-year cycle', () => {
	it('counts whole months', () => {
		expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(0);
		expect(monthsBetween('2026-01-15', '2026-02-15')).toBe(1);
		expect(monthsBetween('2021-11-25', '2026-11-25')).toBe(60);
		expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
	});
	it('treats an order as open until the day it is lifted', () => {
		expect(isOrderOpen({ liftedOn: null }, '2026-11-25')).toBe(true);
		expect(isOrderOpen({ liftedOn: '2026-11-26' }, '2026-11-25')).toBe(true);
		expect(isOrderOpen({ liftedOn: '2026-11-25' }, '2026-11-25')).toBe(false);
	});
});
