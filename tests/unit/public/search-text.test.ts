import { describe, expect, it } from 'vitest';
import {
	foldSearchText,
	ftsMatchExpression,
	MAX_QUERY_TOKENS,
	searchTokens,
} from '../../../src/lib/domain/public/search-text';

describe('search text folding', () => {
	it('makes case, aa/å, æ/ae, ø/oe and accents irrelevant', () => {
		expect(foldSearchText('Århus')).toBe(foldSearchText('Aarhus'));
		expect(foldSearchText('ÅBENRÅ')).toBe(foldSearchText('aabenraa'));
		expect(foldSearchText('Ærø')).toBe('aero');
		expect(foldSearchText('København')).toBe(foldSearchText('Kobenhavn'));
		expect(foldSearchText('Koebenhavn')).toBe(foldSearchText('Kobenhavn'));
		expect(foldSearchText('Café Über')).toBe('cafe uber');
	});

	it('splits into folded words and drops noise words unless alone', () => {
		expect(searchTokens('  Odder   Kommune ')).toEqual(['odder']);
		expect(searchTokens('kommune')).toEqual(['kommune']);
		expect(searchTokens('Nørrevænget 8A, 8200')).toEqual(['norrevaenget', '8a', '8200']);
		expect(searchTokens('a '.repeat(50))).toHaveLength(MAX_QUERY_TOKENS);
	});

	it('quotes every word so no FTS5 operator or column filter survives', () => {
		expect(ftsMatchExpression('foo AND -')).toBe('"foo"* "and"*');
		expect(ftsMatchExpression('name:x NEAR(a b)')).toBe('"name"* "x"* "near"* "a"* "b"*');
		expect(ftsMatchExpression('"*^()-')).toBeNull();
		expect(ftsMatchExpression('')).toBeNull();
	});
});
