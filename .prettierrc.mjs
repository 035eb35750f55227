/** @type {import('prettier').Config} */
export default {
	plugins: ['prettier-plugin-astro'],
	useTabs: true,
	singleQuote: true,
	semi: true,
	trailingComma: 'all',
	printWidth: 100,
	overrides: [
		{ files: '*.astro', options: { parser: 'astro' } },
		{ files: ['*.md', '*.yml', '*.yaml', '*.json'], options: { useTabs: false } },
	],
};
