/** Result of checking a run against the mass-close limit. */
export type MassCloseVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * A snapshot that would close a large share of the active localities is far more likely a broken
 * or partial export than real closures, so such a run is refused unless an operator allows it.
 */
export function checkMassClose(input: {
	activeBefore: number;
	closing: number;
	threshold: number;
	allowMassClose: boolean;
}): MassCloseVerdict {
	const { activeBefore, closing, threshold, allowMassClose } = input;
	if (allowMassClose || activeBefore === 0 || closing === 0) return { allowed: true };
	const share = closing / activeBefore;
	if (share <= threshold) return { allowed: true };
	const pct = (value: number) =>
		`${(value * 100).toLocaleString('da-DK', { maximumFractionDigits: 1 })} %`;
	return {
		allowed: false,
		reason:
			`Kørslen ville lukke ${closing} af ${activeBefore} aktive helhedsplejeleverandørsteder (${pct(share)}), ` +
			`mere end grænsen på ${pct(threshold)}. Intet er ændret. Kontrollér udtrækket; er lukningerne reelle, ` +
			`så kør igen med --allow-mass-close.`,
	};
}
