/** Byte order mark that makes spreadsheet programs read the file as UTF-8 (æøå). */
export const UTF8_BOM = '\uFEFF';

function quote(value: unknown, delimiter: string): string {
	const text = value === null || value === undefined ? '' : String(value);
	return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows as RFC 4180 CSV (CRLF line ends, quotes doubled) with a header line, preceded by a
 * UTF-8 BOM so spreadsheets show æøå correctly.
 */
export function toCsv<T>(
	rows: readonly T[],
	columns: readonly { header: string; value: (row: T) => unknown }[],
	delimiter: ',' | ';' = ',',
): string {
	const lines = [columns.map((column) => quote(column.header, delimiter)).join(delimiter)];
	for (const row of rows) {
		lines.push(columns.map((column) => quote(column.value(row), delimiter)).join(delimiter));
	}
	return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
