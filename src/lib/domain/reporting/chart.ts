import { formatDecimal } from './numbers';
import { escapeXml } from './svg';

/** One period on the staff chart. */
export interface ChartPoint {
	/** Short axis label, e.g. "K1 26". */
	label: string;
	/** Full label for the data point's tooltip/title, e.g. "1. kvartal 2026". */
	title: string;
	headcount: number;
	fullTimeEquivalents: number;
}

/** Layout of the chart; the defaults suit a column next to a table. */
export interface ChartOptions {
	width?: number;
	height?: number;
	/** Id prefix for the title and description elements (must be unique on the page). */
	idPrefix?: string;
	/** Heading read by screen readers. */
	title?: string;
}

const SERIES = [
	{ key: 'headcount', label: 'Medarbejdere', className: 'staff-chart-headcount', dash: '' },
	{
		key: 'fullTimeEquivalents',
		label: 'Fuldtidsstillinger',
		className: 'staff-chart-fte',
		dash: '6 4',
	},
] as const;

/** A round step for the y axis so that about four gridlines cover `max`. */
function niceStep(max: number): number {
	const raw = max / 4;
	const magnitude = 10 ** Math.floor(Math.log10(raw));
	for (const factor of [1, 2, 2.5, 5, 10]) {
		if (raw <= factor * magnitude) return factor * magnitude;
	}
	return 10 * magnitude;
}

/**
 * A small server-rendered SVG line chart of staff over time: headcount (solid line) and
 * full-time equivalents (dashed line, so the series differ without colour). Every text is escaped;
 * colours are presentation attributes, not style attributes, so a strict CSP allows it. The chart
 * is marked as an image with a title and description; the page shows the same numbers in a table.
 * Returns an empty string when there is nothing to draw.
 */
export function staffChartSvg(points: ChartPoint[], options: ChartOptions = {}): string {
	if (points.length === 0) return '';
	const width = options.width ?? 480;
	const height = options.height ?? 240;
	const id = escapeXml(options.idPrefix ?? 'staff-chart');
	const title = escapeXml(options.title ?? 'Medarbejdere over tid');
	const margin = { top: 16, right: 16, bottom: 56, left: 44 };
	const plotWidth = width - margin.left - margin.right;
	const plotHeight = height - margin.top - margin.bottom;
	const max = Math.max(1, ...points.map((p) => Math.max(p.headcount, p.fullTimeEquivalents)));
	const step = niceStep(max);
	const top = Math.ceil(max / step) * step;
	const x = (i: number) =>
		margin.left + (points.length === 1 ? plotWidth / 2 : (i * plotWidth) / (points.length - 1));
	const y = (value: number) => margin.top + plotHeight - (value / top) * plotHeight;
	const round = (n: number) => Math.round(n * 10) / 10;
	const parts: string[] = [];
	const first = points[0]!;
	const last = points.at(-1)!;
	const description =
		points.length === 1
			? `${first.title}: ${first.headcount} medarbejdere, ${formatDecimal(first.fullTimeEquivalents)} fuldtidsstillinger.`
			: `Fra ${first.title} til ${last.title}: medarbejdere fra ${first.headcount} til ${last.headcount}, fuldtidsstillinger fra ${formatDecimal(first.fullTimeEquivalents)} til ${formatDecimal(last.fullTimeEquivalents)}. Tallene står i tabellen.`;
	parts.push(
		`<svg xmlns="http://www.w3.org/2000/svg" class="staff-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
		`<title id="${id}-title">${title}</title>`,
		`<desc id="${id}-desc">${escapeXml(description)}</desc>`,
	);
	for (let value = 0; value <= top + 1e-9; value += step) {
		const gy = round(y(value));
		parts.push(
			`<line x1="${margin.left}" y1="${gy}" x2="${width - margin.right}" y2="${gy}" stroke="#d0d0d0" stroke-width="1"/>`,
			`<text x="${margin.left - 6}" y="${gy + 4}" text-anchor="end" font-size="12" fill="#1a1a1a">${escapeXml(formatDecimal(value))}</text>`,
		);
	}
	points.forEach((point, i) => {
		parts.push(
			`<text x="${round(x(i))}" y="${height - margin.bottom + 18}" text-anchor="middle" font-size="12" fill="#1a1a1a">${escapeXml(point.label)}</text>`,
		);
	});
	for (const series of SERIES) {
		const coords = points.map((p, i) => `${round(x(i))},${round(y(p[series.key]))}`);
		if (points.length > 1) {
			parts.push(
				`<polyline class="${series.className}" points="${coords.join(' ')}" fill="none" stroke="#0059b3" stroke-width="2"${series.dash ? ` stroke-dasharray="${series.dash}"` : ''}/>`,
			);
		}
		points.forEach((p, i) => {
			parts.push(
				`<circle class="${series.className}" cx="${round(x(i))}" cy="${round(y(p[series.key]))}" r="3.5" fill="${series.dash ? '#ffffff' : '#0059b3'}" stroke="#0059b3" stroke-width="2"><title>${escapeXml(`${p.title}: ${formatDecimal(p[series.key])} ${series.label.toLowerCase()}`)}</title></circle>`,
			);
		});
	}
	// Legend under the axis labels: line samples, so the series are told apart without colour.
	const legendY = height - 14;
	SERIES.forEach((series, i) => {
		const lx = margin.left + i * 170;
		parts.push(
			`<line x1="${lx}" y1="${legendY - 4}" x2="${lx + 28}" y2="${legendY - 4}" stroke="#0059b3" stroke-width="2"${series.dash ? ` stroke-dasharray="${series.dash}"` : ''}/>`,
			`<text x="${lx + 34}" y="${legendY}" font-size="12" fill="#1a1a1a">${escapeXml(series.label)}</text>`,
		);
	});
	parts.push('</svg>');
	return parts.join('');
}
