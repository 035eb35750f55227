import { describe, expect, it } from 'vitest';
import { atomXml, escapeXml, tagUri } from '../../../src/lib/domain/open-data/atom';
import { childrenNamed, expectValidAtom, parseXml } from './helpers';

describe('atomXml', () => {
	const xml = atomXml({
		id: tagUri('feed/test'),
		title: 'Omsorg & Co. <ApS> "Æblehaven"',
		subtitle: 'Test',
		updated: '2026-11-25T09:00:00.000Z',
		selfHref: 'https://example.dk/api/v1/feeds/providers/cvr-1.atom?a=1&b=2',
		alternateHref: 'https://example.dk/leverandoer/cvr-1',
		author: 'Plejeoverblik',
		entries: [
			{
				id: tagUri('change/sor-1'),
				title: "Ændret i SOR: kontakt ' & <b>",
				updated: '2026-11-25T09:00:00.000Z',
				href: 'https://example.dk/sted/1',
				summary: 'Telefon: 1 → 2\nLinje to\u0001 med kontroltegn',
				categories: ['sor.changed'],
			},
		],
	});

	it('is well-formed Atom 1.0 with every required element', () => {
		expectValidAtom(parseXml(xml));
	});

	it('escapes text and attributes and drops characters XML cannot hold', () => {
		const feed = parseXml(xml);
		expect(childrenNamed(feed, 'title')[0]!.text).toBe('Omsorg & Co. <ApS> "Æblehaven"');
		expect(childrenNamed(feed, 'link')[0]!.attributes.href).toBe(
			'https://example.dk/api/v1/feeds/providers/cvr-1.atom?a=1&b=2',
		);
		const entry = childrenNamed(feed, 'entry')[0]!;
		expect(childrenNamed(entry, 'title')[0]!.text).toBe("Ændret i SOR: kontakt ' & <b>");
		expect(childrenNamed(entry, 'summary')[0]!.text).toBe(
			'Telefon: 1 → 2\nLinje to med kontroltegn',
		);
		expect(childrenNamed(entry, 'category')[0]!.attributes.term).toBe('sor.changed');
	});

	it('escapeXml covers the five special characters', () => {
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
		);
	});
});
