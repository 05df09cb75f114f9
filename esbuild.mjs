// Bundles the extension client, the language server and the CLI into dist/.
// One file each, so the .vsix needs no node_modules and starts fast.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // markdown-it and others ship ESM and CJS; prefer the CommonJS entry points.
  mainFields: ['main', 'module'],
  // jsonc-parser's CommonJS entry is a UMD wrapper whose require() calls esbuild cannot follow.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  // Some dependencies (fdir, under tinyglobby) are ESM and read import.meta.url; give the CJS bundle one.
  define: { 'import.meta.url': '__verbatimImportMetaUrl' },
  banner: { js: "const __verbatimImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/node.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map(b => esbuild.build(b)));
}
