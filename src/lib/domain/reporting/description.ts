/** Longest provider description accepted, in characters. */
export const DESCRIPTION_MAX_LENGTH = 5000;

/** A run of text or a link inside a paragraph line. */
export type Segment = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

/** A paragraph: its lines (single line breaks are kept), each a list of segments. */
export interface Paragraph {
	lines: Segment[][];
}

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;

/** An http(s) URL from a match, or null; other schemes never become links. */
function linkHref(match: string): string | null {
	const candidate = /^https?:\/\//i.test(match) ? match : `https://${match}`;
	try {
		const url = new URL(candidate);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}

/** Splits one line into text and links; trailing punctuation stays outside the link. */
export function lineSegments(line: string): Segment[] {
	const segments: Segment[] = [];
	let last = 0;
	for (const match of line.matchAll(URL_PATTERN)) {
		let text = match[0];
		const trailing = /[.,;:!?)\]]+$/.exec(text)?.[0] ?? '';
		text = text.slice(0, text.length - trailing.length);
		const href = linkHref(text);
		if (!href) continue;
		const start = match.index ?? 0;
		if (start > last) segments.push({ type: 'text', text: line.slice(last, start) });
		segments.push({ type: 'link', text, href });
		last = start + text.length;
	}
	if (last < line.length) segments.push({ type: 'text', text: line.slice(last) });
	return segments;
}

/**
 * A plain-text description as paragraphs (blank lines separate them) with bare URLs as links.
 * The result carries text, never markup: pages render it with normal, escaping expressions.
 */
export function descriptionParagraphs(text: string): Paragraph[] {
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map((block) => block.trim())
		.filter(Boolean)
		.map((block) => ({ lines: block.split('\n').map((line) => lineSegments(line.trim())) }));
}
