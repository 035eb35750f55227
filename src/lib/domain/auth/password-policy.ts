/** Fewest characters a password may have (issue 5; OWASP ASVS 2.1.1 asks for at least 12). */
export const PASSWORD_MIN_LENGTH = 12;
/** Most characters accepted, so a huge input cannot be used to make hashing expensive. */
export const PASSWORD_MAX_LENGTH = 256;

/** Danish reason why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
	// Count characters, not UTF-16 units, so "æøå" counts as three.
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) {
		return `Adgangskoden skal være mindst ${PASSWORD_MIN_LENGTH} tegn.`;
	}
	if (length > PASSWORD_MAX_LENGTH) {
		return `Adgangskoden må højst være ${PASSWORD_MAX_LENGTH} tegn.`;
	}
	if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
		return 'Adgangskoden må ikke være din e-mailadresse.';
	}
	return null;
}

/** The canonical form of an e-mail used as login name: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** True when the text looks like an e-mail address (one @, a dot in the domain, no spaces). */
export function isEmail(email: string): boolean {
	return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email) && email.length <= 254;
}
