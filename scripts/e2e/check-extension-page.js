#!/usr/bin/env node
// Installs a packaged .vsix into a fresh code-server and checks the extension's page in the real
// workbench: the icon and every README image must load (they are broken if the packaged README
// points at files VS Code cannot resolve). Needs `npm run test:e2e:install` and `npm run package`.
//
//   node scripts/e2e/check-extension-page.js [verbatim-X.Y.Z.vsix] [--screenshot FILE]
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const tools = path.join(root, '.e2e', 'tools', 'node_modules');
const entry = path.join(tools, 'code-server', 'out', 'node', 'entry.js');
const args = process.argv.slice(2);
const shotAt = args.indexOf('--screenshot');
const screenshot = shotAt >= 0 ? path.resolve(args.splice(shotAt, 2)[1]) : undefined;
const vsix = path.resolve(args[0] ?? path.join(root, `verbatim-${require(path.join(root, 'package.json')).version}.vsix`));
if (!fs.existsSync(entry)) { console.error('check-extension-page: run npm run test:e2e:install first'); process.exit(2); }
if (!fs.existsSync(vsix)) { console.error(`check-extension-page: ${vsix} not found; run npm run package first`); process.exit(2); }

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-page-'));
for (const d of ['exts', 'user', 'home', 'ws']) fs.mkdirSync(path.join(dir, d));
fs.writeFileSync(path.join(dir, 'ws', 'draft.md'), '# Draft\n');
const env = { ...process.env, HOME: path.join(dir, 'home') };
const install = spawnSync(process.execPath, [entry, '--install-extension', vsix, '--extensions-dir', path.join(dir, 'exts')], { env, encoding: 'utf8' });
if (install.status !== 0) { console.error(install.stdout + install.stderr); process.exit(1); }

(async () => {
  const { chromium } = require(path.join(tools, 'playwright-core'));
  const port = 40000 + Math.floor(Math.random() * 2000);
  const cs = spawn(process.execPath, [entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', path.join(dir, 'user'), '--extensions-dir', path.join(dir, 'exts')], { env, detached: true, stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] });
  let failed = false;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    for (let i = 0; ; i++) {
      try {
        await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.join(dir, 'ws'))}`);
        break;
      } catch (e) {
        if (i > 30) throw e;
        await new Promise(r => setTimeout(r, 300));
      }
    }
    await page.waitForSelector('.monaco-workbench', { timeout: 30000 });
    await page.locator('.activitybar a[aria-label^="Extensions"]').first().click({ timeout: 30000 });
    await page.locator('.monaco-list-row', { hasText: 'Verbatim' }).first().click({ timeout: 30000 });
    await page.waitForSelector('.extension-editor', { timeout: 30000 });
    // The README is rendered in a webview iframe; wait for its images to settle.
    let images = [];
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline) {
      images = [];
      for (const f of page.frames()) {
        try {
          images.push(...(await f.$$eval('img', els => els.filter(e => !e.closest('.extension-editor > .header')).map(e => ({ src: (e.getAttribute('src') || '').slice(0, 60), ok: e.complete && e.naturalWidth > 0 })))));
        } catch {
          // a frame that went away
        }
      }
      if (images.length >= 4 && images.every(i => i.ok)) break;
      await new Promise(r => setTimeout(r, 500));
    }
    const icon = await page.$$eval('.extension-editor .header img.icon', els => els.map(e => e.complete && e.naturalWidth > 0));
    if (screenshot) await page.screenshot({ path: screenshot });
    const readme = images.filter(i => i.src.startsWith('data:') || !/vscode-remote-resource/.test(i.src));
    console.log(`icon: ${icon.length && icon.every(Boolean) ? 'shown' : 'MISSING'}; README images: ${readme.filter(i => i.ok).length} of ${readme.length} shown`);
    failed = !(icon.length && icon.every(Boolean)) || readme.length < 3 || readme.some(i => !i.ok);
  } finally {
    await browser.close();
    try { process.kill(-cs.pid, 'SIGTERM'); } catch { /* gone */ }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
})().catch(e => { console.error(e); process.exit(1); });
