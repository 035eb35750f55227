import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataQualityReportService } from '../../src/lib/server/services/quality/data-quality-report';
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
	const a = summary.addressValidation;
	lines.push(
		`  Besøgsadresser:   ${n(a.checked)} kontrolleret mod DAR: ${n(a.valid)} gyldige, ${n(a.notFound)} findes ikke, ${n(a.retired)} nedlagte, ${n(a.missing)} mangler, ${n(a.pending)} afventer`,
	);
	if (a.outage) lines.push(`  ADVARSEL: DAR kunne ikke spørges: ${a.outage}`);
	const p = summary.problems;
	lines.push(
		`  Datakvalitet:     ${n(p.opened.length)} nye problemer, ${n(p.resolved.length)} løste, ${n(p.open)} åbne i alt`,
	);
	const byCode = (codes: string[]) => {
		const counts = new Map<string, number>();
		for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
		return [...counts].map(([code, count]) => `${code} ${n(count)}`).join(', ');
	};
	if (p.opened.length > 0) lines.push(`    Nye:   ${byCode(p.opened.map((x) => x.code))}`);
	if (p.resolved.length > 0) lines.push(`    Løste: ${byCode(p.resolved.map((x) => x.code))}`);
	if (p.opened.length + p.resolved.length > 0) {
		lines.push('    Se /datakvalitet eller brug --report-dir for listen pr. ejer.');
	}
	if (summary.rejections.length > 0) lines.push('  Afviste poster (SOR-ID og årsag):');
	for (const rejection of summary.rejections.slice(0, MAX_REJECTIONS_SHOWN)) {
		lines.push(`    - SOR-ID ${rejection.sorId ?? '(ukendt)'}: ${rejection.reason}`);
	}
	if (summary.rejections.length > MAX_REJECTIONS_SHOWN) {
		lines.push(`    … og ${summary.rejections.length - MAX_REJECTIONS_SHOWN} flere (se --json)`);
	}
	return `${lines.join('\n')}\n`;
}

/** Writes one CSV per owner with open problems into `dir`; returns the file paths. */
export function writeOwnerReports(service: DataQualityReportService, dir: string): string[] {
	mkdirSync(dir, { recursive: true });
	const files: string[] = [];
	for (const owner of service.overview().owners) {
		if (owner.blocking + owner.warnings + owner.notices === 0) continue;
		const report = service.owner(owner.ownerKey);
		if (!report) continue;
		const path = join(dir, `datakvalitet-${owner.ownerKey}.csv`);
		writeFileSync(path, service.ownerCsv(report));
		files.push(path);
	}
	return files;
}
