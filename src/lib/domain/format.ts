const DATE_TIME = new Intl.DateTimeFormat('da-DK', {
	dateStyle: 'long',
	timeStyle: 'short',
	timeZone: 'Europe/Copenhagen',
});

/** An ISO timestamp as Danish date and time in Danish local time. */
export function formatDateTime(iso: string): string {
	return DATE_TIME.format(new Date(iso));
}

/** One-line address text such as "Østergade 70, 9700 Brønderslev". */
export function formatAddress(parts: {
	street: string | null;
	houseNumber: string | null;
	postcode: string | null;
	district: string | null;
}): string {
	const streetLine = [parts.street, parts.houseNumber].filter(Boolean).join(' ');
	const townLine = [parts.postcode, parts.district].filter(Boolean).join(' ');
	return [streetLine, townLine].filter(Boolean).join(', ') || 'Ingen adresse';
}
