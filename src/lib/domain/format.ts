/** Danish formatting of dates, numbers, distances, addresses and contact links for the pages. */

const DATE_TIME = new Intl.DateTimeFormat('da-DK', {
	dateStyle: 'long',
	timeStyle: 'short',
	timeZone: 'Europe/Copenhagen',
});
const DATE = new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeZone: 'UTC' });
const INTEGER = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('da-DK', {
	minimumFractionDigits: 1,
	maximumFractionDigits: 1,
});

/** An ISO timestamp as Danish date and time in Danish local time. */
export function formatDateTime(iso: string): string {
	return DATE_TIME.format(new Date(iso));
}

/** An ISO date (ÅÅÅÅ-MM-DD) as "24. november 2026"; other text is returned unchanged. */
export function formatDate(isoDate: string): string {
	if (!/^\d{4}-\d{2}-\d{2}/.test(isoDate)) return isoDate;
	const time = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
	return Number.isNaN(time) ? isoDate : DATE.format(new Date(time));
}

/** A whole number with Danish thousands separators: 12345 → "12.345". */
export function formatCount(value: number): string {
	return INTEGER.format(value);
}

/** A straight-line distance for people: "350 m", "4,2 km", "42 km". */
export function formatDistance(metres: number): string {
	if (metres < 1000) return `${INTEGER.format(Math.max(10, Math.round(metres / 10) * 10))} m`;
	if (metres < 10_000) return `${ONE_DECIMAL.format(metres / 1000)} km`;
	return `${INTEGER.format(metres / 1000)} km`;
}

/** One-line address text such as "Østergade 70, 9700 Brønderslev". */
export function formatAddress(parts: {
	street: string | null;
	houseNumber: string | null;
	postcode: string | null;
	district: string | null;
	floor?: string | null;
	door?: string | null;
}): string {
	const unit = [parts.floor ? `${parts.floor}.` : null, parts.door].filter(Boolean).join(' ');
	const streetLine = [[parts.street, parts.houseNumber].filter(Boolean).join(' '), unit]
		.filter(Boolean)
		.join(', ');
	const townLine = [parts.postcode, parts.district].filter(Boolean).join(' ');
	return [streetLine, townLine].filter(Boolean).join(', ') || 'Ingen adresse';
}

/** Digits of a Danish phone number, without +45/0045; null when it is not a phone number. */
function phoneDigits(phone: string): string | null {
	const compact = phone.replace(/[\s\-().]/g, '');
	const national = compact.replace(/^(\+45|0045)/, '');
	return /^\d{8}$/.test(national) ? national : /^\+?\d{6,15}$/.test(compact) ? compact : null;
}

/** A phone number as Danes write it: "87131000" → "87 13 10 00"; anything else unchanged. */
export function formatPhone(phone: string): string {
	const digits = phoneDigits(phone);
	return digits && /^\d{8}$/.test(digits) ? digits.replace(/(\d{2})(?=\d)/g, '$1 ') : phone.trim();
}

/** A `tel:` link for a phone number, or null when the text is not a phone number. */
export function phoneHref(phone: string): string | null {
	const digits = phoneDigits(phone);
	if (!digits) return null;
	return /^\d{8}$/.test(digits) ? `tel:+45${digits}` : `tel:${digits}`;
}

/** A `mailto:` link for an e-mail address, or null when the text is not one. */
export function emailHref(email: string): string | null {
	const trimmed = email.trim();
	return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(trimmed) ? `mailto:${trimmed}` : null;
}

/**
 * An http(s) link for a website written with or without scheme ("www.aarhus.dk"), or null when it
 * is not a web address; other schemes (javascript:, data:) are never linked.
 */
export function websiteHref(website: string): string | null {
	const trimmed = website.trim();
	const candidate = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
	try {
		const url = new URL(candidate);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
		if (!/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(url.hostname)) return null;
		return url.href;
	} catch {
		return null;
	}
}

/** A website shown without scheme and trailing slash: "https://www.aarhus.dk/" → "www.aarhus.dk". */
export function formatWebsite(website: string): string {
	return website
		.trim()
		.replace(/^https?:\/\//i, '')
		.replace(/\/$/, '');
}

/** The owner type of a provider in Danish: kommunal, privat or anden ejer. */
export function ownerKindLabel(kind: 'kommune' | 'privat' | 'andet'): string {
	return kind === 'kommune' ? 'Kommunal' : kind === 'privat' ? 'Privat' : 'Anden ejer';
}

/** "1 sted" / "12 steder". */
export function countLocalities(count: number): string {
	return `${formatCount(count)} ${count === 1 ? 'sted' : 'steder'}`;
}

// The official names that are not "<name> Kommune".
const MUNICIPALITY_TITLES: Record<string, string> = {
	'0101': 'Københavns Kommune',
	'0400': 'Bornholms Regionskommune',
};

/** A kommune's official name: "Aarhus Kommune", "Københavns Kommune", "Bornholms Regionskommune". */
export function municipalityTitle(code: string | null, name: string | null): string {
	if (code && MUNICIPALITY_TITLES[code]) return MUNICIPALITY_TITLES[code];
	return `${name ?? code ?? 'Ukendt'} Kommune`;
}
