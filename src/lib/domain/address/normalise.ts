/**
 * Matching keys for Danish addresses. Two spellings of the same address must give the same key:
 * case, spacing, punctuation, accents and the æ/ø/å ↔ ae/oe/aa transliterations never matter.
 */

// Danish letters (and their German/Swedish look-alikes) become their two-letter transliteration,
// so "Åbyvej", "Aabyvej" and "AABYVEJ" share the key "aabyvej". Plain "a" is not "å" in Danish,
// so "Abyvej" deliberately stays a different street.
const TRANSLITERATIONS: Record<string, string> = {
	æ: 'ae',
	ä: 'ae',
	ø: 'oe',
	ö: 'oe',
	å: 'aa',
	ß: 'ss',
};
const TRANSLITERATE = /[æäøöåß]/g;
const COMBINING_MARKS = /\p{M}+/gu;
// Apostrophes vanish ("X's" = "Xs"); every other non-letter, non-digit separates words.
const APOSTROPHES = /['’`´]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** The matching key of a street name: "Sankt Annæ Plads" → "sankt annae plads". */
export function streetKey(name: string): string {
	return name
		.normalize('NFC')
		.toLowerCase()
		.replace(TRANSLITERATE, (letter) => TRANSLITERATIONS[letter] ?? letter)
		.normalize('NFD')
		.replace(COMBINING_MARKS, '')
		.replace(APOSTROPHES, '')
		.replace(SEPARATORS, ' ')
		.trim();
}

/** The matching key of a house number: "08 A" → "8a"; null when there is no number. */
export function houseNumberKey(text: string | number | null | undefined): string | null {
	if (text === null || text === undefined) return null;
	const key = String(text)
		.toLowerCase()
		.replace(/\s+/g, '')
		.replace(/^0+(?=\d)/, '');
	return key === '' ? null : key;
}

function padCode(code: string | number | null | undefined): string | null {
	if (code === null || code === undefined) return null;
	const text = String(code).trim();
	return /^\d{1,4}$/.test(text) ? text.padStart(4, '0') : null;
}

/** A kommunekode as DAR writes it, four digits: "101" → "0101"; null if it is not a code. */
export function municipalityCodeKey(code: string | number | null | undefined): string | null {
	return padCode(code);
}

/** A vejkode as DAR writes it, four digits: "4" → "0004"; null if it is not a code. */
export function streetCodeKey(code: string | number | null | undefined): string | null {
	return padCode(code);
}

/** A postnummer trimmed to its four digits; null if it is not one. */
export function postcodeKey(code: string | number | null | undefined): string | null {
	if (code === null || code === undefined) return null;
	const text = String(code).trim();
	return /^\d{4}$/.test(text) ? text : null;
}
