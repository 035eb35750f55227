import { describe, expect, it } from 'vitest';
import { staffChartSvg } from '../../../src/lib/domain/reporting/chart';
import { descriptionParagraphs, lineSegments } from '../../../src/lib/domain/reporting/description';
import { duplicateState } from '../../../src/lib/domain/reporting/duplicate';
import { fieldChanges } from '../../../src/lib/domain/reporting/changes';
import { cleanText } from '../../../src/lib/domain/reporting/form';
import {
	averageByQuestion,
	responseRate,
	suppressionReason,
	surveyNameKey,
} from '../../../src/lib/domain/reporting/survey';
import { detectImageFormat, looksLikePdf } from '../../../src/lib/domain/reporting/upload';
import { parseQuestionCatalogue } from '../../../src/lib/domain/reporting/catalogue';

describe('survey suppression and averages', () => {
	it('hides results below the threshold and says why', () => {
		expect(suppressionReason(5, 5)).toBeNull();
		expect(suppressionReason(4, 5)).toMatch(/færre end 5 har svaret \(4 svar\)/);
		expect(responseRate(40, 30)).toBe(75);
		expect(responseRate(3, 1)).toBe(33.3);
		expect(responseRate(0, 0)).toBeNull();
	});
	it('weights averages by the number who answered', () => {
		const averages = averageByQuestion([
			{ sorId: 'a', municipalityCode: '0751', responded: 10, answers: new Map([['q', 90]]) },
			{
				sorId: 'b',
				municipalityCode: '0751',
				responded: 30,
				answers: new Map([
					['q', 70],
					['r', 50],
				]),
			},
		]);
		expect(averages.get('q')).toEqual({ positivePct: 75, localities: 2, respondents: 40 });
		expect(averages.get('r')).toEqual({ positivePct: 50, localities: 1, respondents: 30 });
	});
	it('matches survey names regardless of case and spacing', () => {
		expect(surveyNameKey('  Brugertilfredshed   2025 ')).toBe(
			surveyNameKey('brugertilfredshed 2025'),
		);
	});
});

describe('the staff chart', () => {
	const points = [
		{ label: 'K1 26', title: '1. kvartal 2026', headcount: 37, fullTimeEquivalents: 29.25 },
		{ label: 'K2 26', title: '2. kvartal 2026', headcount: 40, fullTimeEquivalents: 31 },
	];
	it('draws both series with an accessible title and description', () => {
		const svg = staffChartSvg(points, { idPrefix: 's1' });
		expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="s1-title s1-desc"/);
		expect(svg).toContain('<desc id="s1-desc">Fra 1. kvartal 2026 til 2. kvartal 2026');
		expect(svg.match(/<polyline/g)).toHaveLength(2);
		expect(svg).not.toMatch(/style=/);
		expect(staffChartSvg([])).toBe('');
	});
	it('escapes every text it is given', () => {
		const svg = staffChartSvg(
			[
				{
					label: '<script>x</script>',
					title: '"><img onerror=1>',
					headcount: 1,
					fullTimeEquivalents: 1,
				},
			],
			{ idPrefix: 'a"b', title: '<b>' },
		);
		expect(svg).not.toContain('<script>');
		expect(svg).not.toContain('<img');
		expect(svg).not.toContain('<b>');
		expect(svg).toContain('&lt;script&gt;');
		expect(svg).toContain('id="a&quot;b-title"');
	});
});

describe('descriptions', () => {
	it('splits paragraphs on blank lines and keeps line breaks', () => {
		const paragraphs = descriptionParagraphs('Første afsnit\nanden linje\n\n\nAndet afsnit');
		expect(paragraphs).toHaveLength(2);
		expect(paragraphs[0]!.lines).toHaveLength(2);
	});
	it('links only http(s) addresses, leaving punctuation and markup as text', () => {
		expect(lineSegments('Se https://aarhus.dk/pleje. Og www.odder.dk!')).toEqual([
			{ type: 'text', text: 'Se ' },
			{ type: 'link', text: 'https://aarhus.dk/pleje', href: 'https://aarhus.dk/pleje' },
			{ type: 'text', text: '. Og ' },
			{ type: 'link', text: 'www.odder.dk', href: 'https://www.odder.dk/' },
			{ type: 'text', text: '!' },
		]);
		expect(lineSegments('javascript:alert(1) <a href="x">')).toEqual([
			{ type: 'text', text: 'javascript:alert(1) <a href="x">' },
		]);
	});
	it('cleans control characters but keeps markup as typed (pages escape it)', () => {
		expect(cleanText(' a\u0000b\r\n<script> \n')).toBe('ab\n<script>');
	});
});

describe('uploads are recognised by content', () => {
	it('detects JPEG, PNG and WebP signatures and nothing else', () => {
		expect(detectImageFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
		expect(
			detectImageFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
		).toBe('png');
		expect(detectImageFormat(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
		expect(detectImageFormat(new TextEncoder().encode('GIF89a'))).toBeNull();
		expect(detectImageFormat(new TextEncoder().encode('hello world'))).toBeNull();
	});
	it('requires the PDF header and end marker', () => {
		expect(looksLikePdf(new TextEncoder().encode('%PDF-1.7\n...\n%%EOF\n'))).toBe(true);
		expect(looksLikePdf(new TextEncoder().encode('%PDF-1.7\n... cut off'))).toBe(false);
		expect(looksLikePdf(new TextEncoder().encode('just text %%EOF'))).toBe(false);
	});
});

describe('duplicate review state', () => {
	const review = { state: 'acknowledged' as const, sorContentHash: 'a', relatedContentHash: 'b' };
	it('is acknowledged while both units are unchanged, reopened otherwise', () => {
		expect(duplicateState(null, { sorContentHash: 'a', relatedContentHash: 'b' })).toBe('open');
		expect(duplicateState(review, { sorContentHash: 'a', relatedContentHash: 'b' })).toBe(
			'acknowledged',
		);
		expect(duplicateState(review, { sorContentHash: 'a', relatedContentHash: 'c' })).toBe(
			'reopened',
		);
		expect(duplicateState(review, { sorContentHash: 'x', relatedContentHash: 'b' })).toBe(
			'reopened',
		);
		expect(
			duplicateState(
				{ ...review, state: 'withdrawn' },
				{ sorContentHash: 'a', relatedContentHash: 'b' },
			),
		).toBe('open');
	});
});

describe('audit changes and catalogues', () => {
	it('lists changed fields as [old, new]', () => {
		expect(fieldChanges({ a: 1, b: [1] }, { a: 1, b: [2], c: 'x' })).toEqual({
			b: [[1], [2]],
			c: [null, 'x'],
		});
		expect(fieldChanges(null, { a: 1 })).toEqual({ a: [null, 1] });
	});
	it('refuses catalogue rows with bad codes or duplicates', () => {
		const row = (kode: string, line = 2) => ({
			line,
			values: { kode, spoergsmaal: 'Spørgsmål', aktiv: 'ja' },
		});
		expect(parseQuestionCatalogue([row('tryghed')])).toEqual([
			{ code: 'tryghed', text: 'Spørgsmål', active: true },
		]);
		expect(() => parseQuestionCatalogue([row('Tryghed!')])).toThrow(/linje 2/);
		expect(() => parseQuestionCatalogue([row('a'), row('a', 3)])).toThrow(/to gange/);
	});
});
