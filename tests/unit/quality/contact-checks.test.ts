import { describe, expect, it } from 'vitest';
import {
	checkContact,
	isPlaceholderText,
	isValidEmail,
	normalisePhone,
	normaliseWebsite,
	type ContactFields,
} from '../../../src/lib/domain/quality/contact-checks';

const good: ContactFields = {
	sorId: '1',
	name: 'Helhedspleje Nord',
	phone: '+45 87 13 10 00',
	email: 'nord@aarhus.dk',
	website: 'www.aarhus.dk',
	hasPostalAddress: true,
};
const codes = (fields: Partial<ContactFields>) =>
	checkContact({ ...good, ...fields }).map((p) => p.code);

describe('contact checks', () => {
	it('accepts complete, well-formed contact data', () => {
		expect(checkContact(good)).toEqual([]);
	});

	it.each([
		[{ email: null }, 'email-missing'],
		[{ email: 'nord.aarhus.dk' }, 'email-malformed'],
		[{ email: 'Besøg hjemmeside' }, 'email-placeholder'],
		[{ website: null }, 'website-missing'],
		[{ website: 'http//foo' }, 'website-malformed'],
		[{ website: 'www.eksempel' }, 'website-malformed'],
		[{ website: 'besøg hjemmeside' }, 'website-placeholder'],
		[{ phone: null }, 'phone-missing'],
		[{ phone: '1234' }, 'phone-malformed'],
		[{ phone: '00000000' }, 'phone-placeholder'],
		[{ phone: 'ukendt' }, 'phone-placeholder'],
		[{ hasPostalAddress: false }, 'postal-address-missing'],
	] as const)('reports %o as %s', (fields, code) => {
		expect(codes(fields)).toEqual([code]);
	});

	it('gives each problem a Danish message naming the unit and an action', () => {
		const [p] = checkContact({ ...good, email: 'x@' });
		expect(p?.message).toContain('Helhedspleje Nord');
		expect(p?.message).toContain('SOR-ID 1');
		expect(p?.action).toMatch(/SOR/);
		expect(p?.severity).toBe('warning');
	});
});

describe('normalisation', () => {
	it('normalises bare domains to https URLs and rejects non-web schemes', () => {
		expect(normaliseWebsite('www.aarhus.dk')).toBe('https://www.aarhus.dk/');
		expect(normaliseWebsite('http://aarhus.dk/pleje')).toBe('http://aarhus.dk/pleje');
		expect(normaliseWebsite('ftp://aarhus.dk')).toBeNull();
		expect(normaliseWebsite('aarhus dk')).toBeNull();
	});

	it('reads Danish phone numbers with or without +45 and spaces', () => {
		expect(normalisePhone('87 13 10 00')).toBe('87131000');
		expect(normalisePhone('+4587131000')).toBe('87131000');
		expect(normalisePhone('0045 87131000')).toBe('87131000');
		expect(normalisePhone('+46 87131000')).toBeNull();
		expect(normalisePhone('871310000')).toBeNull();
	});

	it('recognises placeholders regardless of case and spacing', () => {
		expect(isPlaceholderText('  Besøg   Hjemmeside ')).toBe(true);
		expect(isPlaceholderText('nord@aarhus.dk')).toBe(false);
		expect(isValidEmail('pleje@ærø.dk')).toBe(true);
	});
});
