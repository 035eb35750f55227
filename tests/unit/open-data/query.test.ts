import { describe, expect, it } from 'vitest';
import { parsePath, parseQuery } from '../../../src/lib/domain/open-data/query';
import {
	changesQuery,
	localityListQuery,
	noQuery,
	pathParams,
} from '../../../src/lib/domain/open-data/schemas';

const parse = (text: string) => parseQuery(localityListQuery, new URLSearchParams(text));

describe('parseQuery', () => {
	it('applies defaults and converts types', () => {
		expect(parse('')).toEqual({
			ok: true,
			value: { page: 1, pageSize: 100, includeHeldBack: false },
		});
		expect(
			parse(
				'page=2&pageSize=10&municipality=0751&ownerType=privat&includeHeldBack=true&updatedSince=2026-11-01',
			),
		).toEqual({
			ok: true,
			value: {
				page: 2,
				pageSize: 10,
				municipality: '0751',
				ownerType: 'privat',
				includeHeldBack: true,
				updatedSince: '2026-11-01',
			},
		});
	});

	it('treats an empty value as not given', () => {
		expect(parse('municipality=&status=')).toMatchObject({ ok: true, value: { page: 1 } });
	});

	it.each([
		['page=0', 'page', 'skal være mindst 1'],
		['page=abc', 'page', 'skal være et tal'],
		['pageSize=5000', 'pageSize', 'må højst være 1000'],
		['municipality=751', 'municipality', 'skal være en kommunekode med fire cifre, fx 0751'],
		['ownerType=kommunal', 'ownerType', 'skal være en af: kommune, privat, andet'],
		['updatedSince=2026-02-30', 'updatedSince', 'skal være en dato på formen ÅÅÅÅ-MM-DD'],
		['includeHeldBack=yes', 'includeHeldBack', 'skal være en af: true, false'],
		['kommune=0751', 'kommune', 'er ikke en kendt parameter for dette endpoint'],
		['page=1&page=2', 'page', 'må kun angives én gang'],
	])('refuses %s naming %s', (text, name, reason) => {
		expect(parse(text)).toEqual({ ok: false, invalid: [{ name, reason }] });
	});

	it('names every wrong parameter at once', () => {
		const result = parse('page=x&foo=1&bar=2');
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.invalid.map((p) => p.name).sort()).toEqual(['bar', 'foo', 'page']);
	});

	it('endpoints without parameters refuse any', () => {
		expect(parseQuery(noQuery, new URLSearchParams('x=1'))).toMatchObject({
			ok: false,
			invalid: [{ name: 'x' }],
		});
	});

	it('limits the change feed page', () => {
		expect(parseQuery(changesQuery, new URLSearchParams('limit=501'))).toMatchObject({
			ok: false,
			invalid: [{ name: 'limit' }],
		});
	});
});

describe('parsePath', () => {
	it('accepts well-formed ids and refuses the rest (a 404, not a 400)', () => {
		expect(parsePath(pathParams.locality, { sorId: '100011000016001' })).toEqual({
			sorId: '100011000016001',
		});
		expect(parsePath(pathParams.locality, { sorId: 'abc' })).toBeNull();
		expect(parsePath(pathParams.provider, { id: 'cvr-12345678' })).toEqual({ id: 'cvr-12345678' });
		expect(parsePath(pathParams.provider, { id: '../etc' })).toBeNull();
		expect(parsePath(pathParams.municipality, { code: '075' })).toBeNull();
	});
});
