/** How a problem affects publication: blocking hides the locality; warnings are shown and reported. */
export type ProblemSeverity = 'blocking' | 'warning' | 'notice';

/** One transfer problem found in SOR data, as the owner's error report lists it. */
export interface Problem {
	code: ProblemCode;
	severity: ProblemSeverity;
	sorId: string | null;
	relatedSorId: string | null;
	message: string;
	action: string;
}

/** Stable problem codes; the catalogue below gives the Danish explanation for each. */
export type ProblemCode =
	| 'visiting-address-missing'
	| 'visiting-address-not-in-dar'
	| 'visiting-address-retired'
	| 'visiting-address-awaiting-validation'
	| 'postal-address-missing'
	| 'email-missing'
	| 'email-malformed'
	| 'email-placeholder'
	| 'website-missing'
	| 'website-malformed'
	| 'website-placeholder'
	| 'phone-missing'
	| 'phone-malformed'
	| 'phone-placeholder'
	| 'probable-duplicate'
	| 'owner-without-localities'
	| 'sor-record-rejected';

/** Severity and the fixed "what to do in SOR" text of each code. */
export const PROBLEM_CATALOGUE: Record<ProblemCode, { severity: ProblemSeverity; action: string }> =
	{
		'visiting-address-missing': {
			severity: 'blocking',
			action:
				'Registrér en besøgsadresse med vejnavn, husnummer og postnummer på enheden i SOR. Stedet vises ikke i Plejeoverblik, før adressen er gyldig.',
		},
		'visiting-address-not-in-dar': {
			severity: 'blocking',
			action:
				'Ret besøgsadressen i SOR til den officielle adresse i Danmarks Adresseregister (DAR). I SOR er adressen markeret med et X, når den ikke kan vises på kort. Stedet vises ikke, før adressen er gyldig.',
		},
		'visiting-address-retired': {
			severity: 'blocking',
			action:
				'Adressen er nedlagt i Danmarks Adresseregister. Ret besøgsadressen i SOR til stedets nuværende adresse.',
		},
		'visiting-address-awaiting-validation': {
			severity: 'blocking',
			action:
				'Ingen handling nødvendig: Plejeoverblik kunne ikke nå adresseregistret ved seneste kørsel og validerer adressen ved næste kørsel.',
		},
		'postal-address-missing': {
			severity: 'warning',
			action: 'Registrér en postadresse på enheden eller på en overliggende enhed i SOR.',
		},
		'email-missing': {
			severity: 'warning',
			action: 'Registrér stedets e-mailadresse i SOR (kontaktoplysninger).',
		},
		'email-malformed': {
			severity: 'warning',
			action: 'Ret e-mailadressen i SOR, så den har formen navn@domæne.dk.',
		},
		'email-placeholder': {
			severity: 'warning',
			action: 'Erstat pladsholderteksten med stedets rigtige e-mailadresse i SOR.',
		},
		'website-missing': {
			severity: 'warning',
			action: 'Registrér stedets eller kommunens hjemmeside i SOR.',
		},
		'website-malformed': {
			severity: 'warning',
			action: 'Ret hjemmesiden i SOR til en fuld adresse, fx https://www.kommune.dk/hjemmepleje.',
		},
		'website-placeholder': {
			severity: 'warning',
			action: 'Erstat pladsholderteksten med en rigtig webadresse i SOR.',
		},
		'phone-missing': {
			severity: 'warning',
			action: 'Registrér stedets telefonnummer i SOR.',
		},
		'phone-malformed': {
			severity: 'warning',
			action: 'Ret telefonnummeret i SOR til et dansk nummer med 8 cifre (evt. med +45 foran).',
		},
		'phone-placeholder': {
			severity: 'warning',
			action: 'Erstat pladsholderen med stedets rigtige telefonnummer i SOR.',
		},
		'probable-duplicate': {
			severity: 'warning',
			action:
				'Gennemgå dubletten (vejledningens afsnit 4): Luk dubletenheden, hvis den ikke er nødvendig – normalt den senest oprettede, medmindre alle registreringer er flyttet til den. Skal begge enheder bestå, så beslut hvilken der bruges til indberetning til FMK, DPSD og BSR, og lad det fremgå af enhedens navn.',
		},
		'owner-without-localities': {
			severity: 'notice',
			action:
				'Opmærk de enheder, helhedsplejen udgår fra, med enhedstypen helhedsplejeleverandørsted i SOR – ved at skifte enhedstype (hovedvej a) eller oprette en ny enhed og flytte de eksisterende ind under den (hovedvej c).',
		},
		'sor-record-rejected': {
			severity: 'warning',
			action:
				'Ret de nævnte felter på enheden i SOR. Indtil da bruger registret enhedens seneste gyldige data.',
		},
	};

/** Builds a problem from the catalogue with a case-specific message. */
export function problem(
	code: ProblemCode,
	sorId: string | null,
	message: string,
	relatedSorId: string | null = null,
): Problem {
	const entry = PROBLEM_CATALOGUE[code];
	return { code, severity: entry.severity, sorId, relatedSorId, message, action: entry.action };
}

/** The key that identifies "the same problem" from one run to the next. */
export function problemKey(p: Pick<Problem, 'code' | 'sorId' | 'relatedSorId'>): string {
	return [p.code, p.sorId ?? '', p.relatedSorId ?? ''].join('|');
}
