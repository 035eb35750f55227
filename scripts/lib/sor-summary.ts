import type { SorImportSummary } from '../../src/lib/server/services/sor-import/import-sor';

const MAX_REJECTIONS_SHOWN = 20;

/** A human summary of a SOR run for the terminal and the nightly log. */
export function formatSorSummary(summary: SorImportSummary): string {
	const c = summary.counts;
	const n = (value: number) => value.toLocaleString('da-DK');
	const lines = [
		`SOR-import gennemført (kørsel ${summary.runId})`,
		`  Kilde:            ${summary.source}`,
		`  Udtræksdato:      ${summary.snapshotDate}`,
		`  Varighed:         ${(summary.durationMs / 1000).toFixed(1)} s`,
		`  Enheder læst:     ${n(c.entitiesRead)} (nye ${n(c.entitiesNew)}, ændrede ${n(c.entitiesChanged)}, flyttede ${n(c.entitiesMoved)}, lukkede ${n(c.entitiesClosed)}, genåbnede ${n(c.entitiesReopened)})`,
		`  Steder:           nye ${n(c.localitiesNew)}, ændrede ${n(c.localitiesChanged)}, flyttede ${n(c.localitiesMoved)}, lukkede ${n(c.localitiesClosed)}, genåbnede ${n(c.localitiesReopened)}`,
		`  Nye leverandører: ${n(c.providersNew)}`,
		`  Afviste poster:   ${n(c.recordsRejected)}`,
	];
	for (const rejection of summary.rejections.slice(0, MAX_REJECTIONS_SHOWN)) {
		lines.push(`    - SOR-ID ${rejection.sorId ?? '(ukendt)'}: ${rejection.reason}`);
	}
	if (summary.rejections.length > MAX_REJECTIONS_SHOWN) {
		lines.push(`    … og ${summary.rejections.length - MAX_REJECTIONS_SHOWN} flere (se --json)`);
	}
	return `${lines.join('\n')}\n`;
}
