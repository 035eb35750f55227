import { toCsv } from '../../../domain/csv/write-csv';
import type { RegisterDb } from '../../db/client';
import {
	DataProblemRepository,
	type StoredProblem,
} from '../../repositories/data-problem-repository';
import { ImportRunRepository, type ImportRun } from '../../repositories/import-run-repository';
import { RegisterRepository } from '../../repositories/register-repository';

/** One owner's line in the data-quality overview. */
export interface OwnerQualityRow {
	ownerKey: string;
	name: string;
	kind: 'kommune' | 'privat' | 'andet';
	localitiesShown: number;
	localitiesHeldBack: number;
	blocking: number;
	warnings: number;
	notices: number;
}

/** The data-quality overview with the times of the latest runs. */
export interface QualityOverview {
	owners: OwnerQualityRow[];
	lastSorRun: ImportRun | null;
	lastDarRun: ImportRun | null;
}

/** One owner's full error report. */
export interface OwnerQualityReport {
	owner: OwnerQualityRow;
	open: StoredProblem[];
	resolved: StoredProblem[];
	lastSorRun: ImportRun | null;
}

const SEVERITY_LABEL = {
	blocking: 'Blokerende',
	warning: 'Advarsel',
	notice: 'Bemærkning',
} as const;

/** Builds the per-owner transfer-error reports shown at /datakvalitet and sent to SOR administrators. */
export class DataQualityReportService {
	private readonly register: RegisterRepository;
	private readonly problems: DataProblemRepository;
	private readonly runs: ImportRunRepository;

	constructor(db: RegisterDb) {
		this.register = new RegisterRepository(db);
		this.problems = new DataProblemRepository(db);
		this.runs = new ImportRunRepository(db);
	}

	/** Every kommune and every private owner with localities, with counts of what is shown and wrong. */
	overview(): QualityOverview {
		return {
			owners: this.ownerRows(),
			lastSorRun: this.runs.latest('sor'),
			lastDarRun: this.runs.latest('dar'),
		};
	}

	/** The report of one owner, or null for an unknown owner key. */
	owner(ownerKey: string): OwnerQualityReport | null {
		const owner = this.ownerRows().find((row) => row.ownerKey === ownerKey);
		if (!owner) return null;
		return {
			owner,
			open: this.problems.open(ownerKey),
			resolved: this.problems.resolved(ownerKey),
			lastSorRun: this.runs.latest('sor'),
		};
	}

	/** The owner's open problems as CSV (semicolon-separated for Danish spreadsheets, UTF-8 BOM). */
	ownerCsv(report: OwnerQualityReport): string {
		return toCsv(
			report.open,
			[
				{ header: 'SOR-ID', value: (p) => p.sorId },
				{ header: 'Relateret SOR-ID', value: (p) => p.relatedSorId },
				{ header: 'Kode', value: (p) => p.code },
				{ header: 'Alvor', value: (p) => SEVERITY_LABEL[p.severity] },
				{ header: 'Problem', value: (p) => p.message },
				{ header: 'Hvad skal der gøres i SOR', value: (p) => p.action },
				{ header: 'Set første gang', value: (p) => p.firstSeenAt },
			],
			';',
		);
	}

	/** The owner's report as a JSON-ready object. */
	ownerJson(report: OwnerQualityReport) {
		const shape = (p: StoredProblem) => ({
			sorId: p.sorId,
			relatedSorId: p.relatedSorId,
			code: p.code,
			severity: p.severity,
			message: p.message,
			action: p.action,
			firstSeenAt: p.firstSeenAt,
			resolvedAt: p.resolvedAt,
		});
		return {
			owner: report.owner,
			generatedFromRun: report.lastSorRun?.id ?? null,
			open: report.open.map(shape),
			resolved: report.resolved.map(shape),
		};
	}

	private ownerRows(): OwnerQualityRow[] {
		const publication = this.register.publicationCountsByProvider();
		const problemCounts = this.problems.openCountsByOwner();
		const providersById = new Map(this.register.allProviders().map((p) => [p.id, p] as const));
		const rows: OwnerQualityRow[] = [];
		const row = (ownerKey: string, name: string, kind: OwnerQualityRow['kind']) => {
			const shown = publication.get(ownerKey) ?? { shown: 0, heldBack: 0 };
			const counts = problemCounts.get(ownerKey) ?? { blocking: 0, warning: 0, notice: 0 };
			rows.push({
				ownerKey,
				name,
				kind,
				localitiesShown: shown.shown,
				localitiesHeldBack: shown.heldBack,
				blocking: counts.blocking,
				warnings: counts.warning,
				notices: counts.notice,
			});
		};
		for (const municipality of this.register.municipalities()) {
			const key = `kommune-${municipality.code}`;
			row(key, providersById.get(key)?.name ?? `${municipality.name} Kommune`, 'kommune');
		}
		for (const provider of providersById.values()) {
			if (provider.kind !== 'kommune') row(provider.id, provider.name, provider.kind);
		}
		return rows;
	}
}
