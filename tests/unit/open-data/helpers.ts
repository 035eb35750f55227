import { SaxesParser } from 'saxes';
import { expect } from 'vitest';
import { CsvRowParser } from '../../../src/lib/server/csv/read-csv';

/* Test helpers shared by the open-data unit and integration tests (not a test file itself). */

/** An element of a parsed XML document (namespace URI, local name, attributes, children, text). */
export interface XmlElement {
	uri: string;
	name: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	text: string;
}

/** Parses XML with saxes (namespace-aware, well-formedness enforced); throws on any error. */
export function parseXml(xml: string): XmlElement {
	const parser = new SaxesParser({ xmlns: true });
	const stack: XmlElement[] = [];
	let root: XmlElement | null = null;
	parser.on('error', (error) => {
		throw error;
	});
	parser.on('opentag', (tag) => {
		const element: XmlElement = {
			uri: tag.uri ?? '',
			name: tag.local ?? tag.name,
			attributes: Object.fromEntries(
				Object.values(tag.attributes).map((a) =>
					typeof a === 'string' ? ['', a] : [a.local || a.name, a.value],
				),
			),
			children: [],
			text: '',
		};
		stack.at(-1)?.children.push(element);
		stack.push(element);
		root ??= element;
	});
	parser.on('text', (text) => {
		const current = stack.at(-1);
		if (current) current.text += text;
	});
	parser.on('closetag', () => {
		stack.pop();
	});
	parser.write(xml).close();
	if (!root) throw new Error('empty document');
	return root;
}

/** Children of an element with a local name. */
export const childrenNamed = (element: XmlElement, name: string) =>
	element.children.filter((child) => child.name === name);

const ATOM = 'http://www.w3.org/2005/Atom';

/** The RFC 4287 rules this project relies on, checked on a parsed document. */
export function expectValidAtom(feed: XmlElement): void {
	expect(feed.uri).toBe(ATOM);
	expect(feed.name).toBe('feed');
	const one = (parent: XmlElement, name: string) => {
		const found = childrenNamed(parent, name);
		expect(found, `${parent.name} has exactly one ${name}`).toHaveLength(1);
		return found[0]!;
	};
	const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
	expect(one(feed, 'id').text).toMatch(/^[a-z][a-z0-9+.-]*:/);
	expect(one(feed, 'title').text.length).toBeGreaterThan(0);
	expect(one(feed, 'updated').text).toMatch(rfc3339);
	expect(
		childrenNamed(feed, 'link').some((l) => l.attributes.rel === 'self' && l.attributes.href),
	).toBe(true);
	expect(childrenNamed(one(feed, 'author'), 'name')).toHaveLength(1);
	for (const entry of childrenNamed(feed, 'entry')) {
		expect(one(entry, 'id').text).toMatch(/^[a-z][a-z0-9+.-]*:/);
		expect(one(entry, 'title').text.length).toBeGreaterThan(0);
		expect(one(entry, 'updated').text).toMatch(rfc3339);
		expect(childrenNamed(entry, 'link').length).toBeGreaterThan(0);
		expect(one(entry, 'summary').attributes.type).toBe('text');
	}
	const ids = childrenNamed(feed, 'entry').map((e) => childrenNamed(e, 'id')[0]!.text);
	expect(new Set(ids).size).toBe(ids.length);
}

/** Reads CSV text (after the BOM) into objects keyed by the header line, in small chunks. */
export function readCsv(text: string, delimiter: ',' | ';' = ','): Record<string, string>[] {
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const rows: string[][] = [];
	const parser = new CsvRowParser(delimiter);
	// Small chunks cross quoted fields and CRLF pairs, as a streaming reader would see them.
	const body = text.slice(1);
	for (let i = 0; i < body.length; i += 7) parser.push(body.slice(i, i + 7), rows);
	const [header, ...data] = rows;
	return data.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}
