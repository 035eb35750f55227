import { describe, expect, it } from 'vitest';
import { loadEditorConfig } from '../../../src/lib/server/auth/editor-config';
import { DEFAULT_MIN_RESPONDENTS } from '../../../src/lib/domain/reporting/survey';

describe('loadEditorConfig', () => {
	it('defaults to secure cookies and the default survey threshold', () => {
		expect(loadEditorConfig({})).toEqual({
			cookieSecure: true,
			surveyMinRespondents: DEFAULT_MIN_RESPONDENTS,
		});
		// An empty variable counts as unset, as in a systemd unit with `VAR=`.
		expect(loadEditorConfig({ SURVEY_MIN_RESPONDENTS: '', SESSION_COOKIE_SECURE: '' })).toEqual({
			cookieSecure: true,
			surveyMinRespondents: DEFAULT_MIN_RESPONDENTS,
		});
	});

	it('reads the settings and names a bad variable in Danish', () => {
		expect(
			loadEditorConfig({ SURVEY_MIN_RESPONDENTS: '10', SESSION_COOKIE_SECURE: 'false' }),
		).toEqual({ cookieSecure: false, surveyMinRespondents: 10 });
		expect(() => loadEditorConfig({ SURVEY_MIN_RESPONDENTS: 'fem' })).toThrow(
			/Ugyldig konfiguration: SURVEY_MIN_RESPONDENTS/,
		);
		expect(() => loadEditorConfig({ SURVEY_MIN_RESPONDENTS: '0' })).toThrow(
			/SURVEY_MIN_RESPONDENTS/,
		);
	});
});
