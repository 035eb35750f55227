/** One Atom entry (RFC 4287 §4.1.2: id, title, updated required; we always add link and summary). */
export interface AtomEntry {
	id: string;
	title: string;
	updated: string;
	href: string;
	summary: string;
	categories: string[];
}

/** An Atom feed document (RFC 4287 §4.1.1). */
export interface AtomFeed {
	id: string;
	title: string;
	subtitle: string;
	/** ISO timestamp; the newest entry's, or when the data last changed for an empty feed. */
	updated: string;
	selfHref: string;
	alternateHref: string;
	author: string;
	entries: AtomEntry[];
}

// XML 1.0 forbids most control characters even when escaped; SOR text may contain them.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
	return text
		.replace(INVALID_XML, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** A stable tag URI (RFC 4151) for an id, independent of the host the feed is served from. */
export function tagUri(specific: string): string {
	return `tag:plejeoverblik.dk,2026:${specific}`;
}

/** Serialises a feed as Atom 1.0 XML with text constructs of type "text". */
export function atomXml(feed: AtomFeed): string {
	const e = escapeXml;
	const entries = feed.entries.map(
		(entry) => `  <entry>
    <id>${e(entry.id)}</id>
    <title type="text">${e(entry.title)}</title>
    <updated>${e(entry.updated)}</updated>
    <link rel="alternate" href="${e(entry.href)}"/>
${entry.categories.map((term) => `    <category term="${e(term)}"/>\n`).join('')}    <summary type="text">${e(entry.summary)}</summary>
  </entry>
`,
	);
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">
  <id>${e(feed.id)}</id>
  <title type="text">${e(feed.title)}</title>
  <subtitle type="text">${e(feed.subtitle)}</subtitle>
  <updated>${e(feed.updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${e(feed.selfHref)}"/>
  <link rel="alternate" type="text/html" href="${e(feed.alternateHref)}"/>
  <author><name>${e(feed.author)}</name></author>
${entries.join('')}</feed>
`;
}
