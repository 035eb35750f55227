import { describe, expect, it } from 'vitest';
import {
	houseNumberKey,
	municipalityCodeKey,
	postcodeKey,
	streetCodeKey,
	streetKey,
} from '../../../src/lib/domain/address/normalise';

describe('streetKey', () => {
	it('ignores case, surrounding and repeated spaces', () => {
		expect(streetKey('  Abel   Cathrines  GADE ')).toBe('abel cathrines gade');
		expect(streetKey('Abel\tCathrines\nGade')).toBe('abel cathrines gade');
	});

	it('spells æ and ø as ae and oe', () => {
		expect(streetKey('Fælledvej')).toBe(streetKey('Faelledvej'));
		expect(streetKey('Nørregade')).toBe(streetKey('Noerregade'));
		expect(streetKey('ÆBLEHAVEN')).toBe('aeblehaven');
		expect(streetKey('Sankt Annæ Plads')).toBe('sankt annae plads');
	});

	it('treats å and aa as the same letter, in either case', () => {
		expect(streetKey('Åbyvej')).toBe('aabyvej');
		expect(streetKey('Aabyvej')).toBe('aabyvej');
		expect(streetKey('AABYVEJ')).toBe('aabyvej');
		expect(streetKey('Åboulevarden')).toBe(streetKey('Aaboulevarden'));
		expect(streetKey('Aabenraavej')).toBe(streetKey('Åbenråvej'));
	});

	it('does not equate a plain a with å', () => {
		expect(streetKey('Abyvej')).not.toBe(streetKey('Åbyvej'));
	});

	it('reads a decomposed å (a + ring) like the composed one', () => {
		expect(streetKey('A\u030Abyvej')).toBe(streetKey('Åbyvej'));
	});

	it('drops accents, and spells ä and ö like æ and ø', () => {
		expect(streetKey('Allé')).toBe('alle');
		expect(streetKey('Müllers Gade')).toBe('mullers gade');
		expect(streetKey('Jörgensvej')).toBe(streetKey('Jørgensvej'));
		expect(streetKey('Bräskovvej')).toBe(streetKey('Bræskovvej'));
	});

	it('turns punctuation into spaces and drops apostrophes', () => {
		expect(streetKey('H.C. Andersens Boulevard')).toBe('h c andersens boulevard');
		expect(streetKey('H. C. Andersens Boulevard')).toBe('h c andersens boulevard');
		expect(streetKey('Lyngby-Taarbæk Vej')).toBe('lyngby taarbaek vej');
		expect(streetKey('Kong Christian X’s Allé')).toBe(streetKey("Kong Christian X's Alle"));
		expect(streetKey('Kong Christian Xs Allé')).toBe(streetKey("Kong Christian X's Alle"));
	});

	it('keeps digits', () => {
		expect(streetKey('Vej 12')).toBe('vej 12');
	});
});

describe('houseNumberKey', () => {
	it('joins number and letter in lower case', () => {
		expect(houseNumberKey('8A')).toBe('8a');
		expect(houseNumberKey('8 A')).toBe('8a');
		expect(houseNumberKey('8a')).toBe('8a');
		expect(houseNumberKey(' 8  a ')).toBe('8a');
	});

	it('drops leading zeros', () => {
		expect(houseNumberKey('008')).toBe('8');
		expect(houseNumberKey('0012B')).toBe('12b');
		expect(houseNumberKey(12)).toBe('12');
	});

	it('is null when there is no number', () => {
		expect(houseNumberKey(null)).toBeNull();
		expect(houseNumberKey(undefined)).toBeNull();
		expect(houseNumberKey('')).toBeNull();
		expect(houseNumberKey('   ')).toBeNull();
	});
});

describe('code keys', () => {
	it('pads kommunekoder and vejkoder to four digits', () => {
		expect(municipalityCodeKey('101')).toBe('0101');
		expect(municipalityCodeKey(101)).toBe('0101');
		expect(municipalityCodeKey(' 0751 ')).toBe('0751');
		expect(streetCodeKey('4')).toBe('0004');
		expect(streetCodeKey('5800')).toBe('5800');
	});

	it('is null for anything that is not a 1-4 digit code', () => {
		expect(municipalityCodeKey(null)).toBeNull();
		expect(municipalityCodeKey('')).toBeNull();
		expect(municipalityCodeKey('12345')).toBeNull();
		expect(municipalityCodeKey('Aarhus')).toBeNull();
		expect(streetCodeKey(undefined)).toBeNull();
	});

	it('accepts only four-digit postcodes', () => {
		expect(postcodeKey(' 8000 ')).toBe('8000');
		expect(postcodeKey(8000)).toBe('8000');
		expect(postcodeKey('800')).toBeNull();
		expect(postcodeKey(null)).toBeNull();
	});
});
