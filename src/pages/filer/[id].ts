import type { APIRoute } from 'astro';
import { editorRuntime } from '../../lib/server/auth/editor-runtime';
import { storedFileResponse } from '../../lib/server/services/reporting/file-response';

/** Inspection PDFs and provider photos shown on the public pages. */
export const GET: APIRoute = ({ params }) =>
	storedFileResponse(editorRuntime().files, params.id, { publishedOnly: true });
