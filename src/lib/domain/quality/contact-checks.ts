import { problem, type Problem } from './problem';

const PLACEHOLDER_TEXTS = new Set([
	'besøg hjemmeside',
	'besøg hjemmesiden',
	'se hjemmeside',
	'se hjemmesiden',
	'ukendt',
	'ingen',
	'mangler',
	'n/a',
	'na',
	'-',
	'--',
	'x',
	'xx',
	'xxx',
	'test',
	'.',
]);

function normalisedText(value: string): string {
	return value.trim().toLocaleLowerCase('da-DK').replace(/\s+/g, ' ');
}

/** True for texts SOR administrators type when they have no real value ("Besøg hjemmeside", "ukendt"). */
export function isPlaceholderText(value: string): boolean {
	return PLACEHOLDER_TEXTS.has(normalisedText(value));
}

/** A Danish phone number as 8 digits, or null when it is not one (spaces and +45/0045 allowed). */
export function normalisePhone(value: string): string | null {
	const compact = value.replace(/[\s\-().]/g, '');
	const match = /^(?:\+45|0045)?(\d{8})$/.exec(compact);
	return match ? match[1]! : null;
}

/** True for a syntactically valid e-mail address. */
export function isValidEmail(value: string): boolean {
	return /^[^\s@]+@[^\s@]+\.[a-zæøå]{2,}$/iu.test(value.trim());
}

/**
 * Normalises a website to an absolute https URL: bare domains ("www.aarhus.dk") get https://.
 * Returns null when it cannot be a website address.
 */
export function normaliseWebsite(value: string): string | null {
	const trimmed = value.trim();
	if (trimmed === '' || /\s/.test(trimmed)) return null;
	const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		return null;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
	// A top-level domain of 2-6 letters covers .dk/.com/.org/.info and catches "www.eksempel".
	if (!/^([a-z0-9æøå-]+\.)+[a-z]{2,6}$/iu.test(url.hostname)) return null;
	return url.href;
}

/** The contact fields of a locality as SOR gives them. */
export interface ContactFields {
	sorId: string;
	name: string;
	phone: string | null;
	email: string | null;
	website: string | null;
	hasPostalAddress: boolean;
}

/** Warnings about missing, malformed or placeholder contact data (Aktivitet 2 of the guidance). */
export function checkContact(unit: ContactFields): Problem[] {
	const found: Problem[] = [];
	const label = `«${unit.name}» (SOR-ID ${unit.sorId})`;

	if (unit.email === null) {
		found.push(problem('email-missing', unit.sorId, `${label} har ingen e-mailadresse i SOR.`));
	} else if (isPlaceholderText(unit.email)) {
		found.push(
			problem(
				'email-placeholder',
				unit.sorId,
				`${label} har pladsholderteksten «${unit.email}» som e-mail.`,
			),
		);
	} else if (!isValidEmail(unit.email)) {
		found.push(
			problem(
				'email-malformed',
				unit.sorId,
				`${label} har en ugyldig e-mailadresse: «${unit.email}».`,
			),
		);
	}

	if (unit.website === null) {
		found.push(problem('website-missing', unit.sorId, `${label} har ingen hjemmeside i SOR.`));
	} else if (isPlaceholderText(unit.website)) {
		found.push(
			problem(
				'website-placeholder',
				unit.sorId,
				`${label} har pladsholderteksten «${unit.website}» som hjemmeside.`,
			),
		);
	} else if (normaliseWebsite(unit.website) === null) {
		found.push(
			problem(
				'website-malformed',
				unit.sorId,
				`${label} har en ugyldig hjemmeside: «${unit.website}».`,
			),
		);
	}

	if (unit.phone === null) {
		found.push(problem('phone-missing', unit.sorId, `${label} har intet telefonnummer i SOR.`));
	} else {
		const digits = normalisePhone(unit.phone);
		if (isPlaceholderText(unit.phone) || (digits !== null && /^(\d)\1{7}$/.test(digits))) {
			found.push(
				problem(
					'phone-placeholder',
					unit.sorId,
					`${label} har pladsholderen «${unit.phone}» som telefonnummer.`,
				),
			);
		} else if (digits === null) {
			found.push(
				problem(
					'phone-malformed',
					unit.sorId,
					`${label} har et ugyldigt telefonnummer: «${unit.phone}».`,
				),
			);
		}
	}

	if (!unit.hasPostalAddress) {
		found.push(
			problem('postal-address-missing', unit.sorId, `${label} har ingen postadresse i SOR.`),
		);
	}
	return found;
}
