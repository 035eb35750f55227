import type { APIRoute } from 'astro';
import { editorRuntime } from '../../../lib/server/auth/editor-runtime';
import { storedFileResponse } from '../../../lib/server/services/reporting/file-response';

/** Uploaded photos and PDFs for logged-in editors (the middleware requires a session). */
export const GET: APIRoute = ({ params }) => storedFileResponse(editorRuntime().files, params.id);
