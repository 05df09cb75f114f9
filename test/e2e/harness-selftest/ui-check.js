// UI check for the harness selftest, run with --ui-script: proves the
// helpers in scripts/e2e/ui-helpers.js work against the live workbench and
// leaves screenshots of each state in ctx.screenshotsDir.
'use strict';
const assert = require('assert');

module.exports = async function uiCheck(page, ctx) {
  const h = ctx.helpers;

  await h.openFile(page, 'sample.md');
  await h.waitFor(page, h.SELECTORS.squigglyWarning, { what: 'the warning squiggle under TODO-QUOTE' });
  await ctx.screenshot('1-squiggle');

  const mouseHover = await h.showHover(page, { text: 'Roadmap' });
  assert.match(await mouseHover.innerText(), /Selftest hover/);
  await ctx.screenshot('2-hover-mouse');
  await page.keyboard.press('Escape');
  await h.waitFor(page, h.SELECTORS.hover, { state: 'hidden', what: 'the hover to close' });
  await page.mouse.move(5, 5);

  await h.goToLine(page, 3, 35); // on "Roadmap"
  const keyHover = await h.showHover(page);
  assert.match(await keyHover.innerText(), /Selftest hover/);
  await ctx.screenshot('3-hover-keyboard');
  await page.keyboard.press('Escape');

  const rows = await h.openProblemsPanel(page);
  assert.ok(rows.some((r) => r.includes('Unverified quotation placeholder')), `Problems rows: ${JSON.stringify(rows)}`);
  await ctx.screenshot('4-problems');

  await h.runCommand(page, 'Verbatim Selftest: Say Hello');
  await h.waitForNotification(page, 'Hello, world!');
  await ctx.screenshot('5-notification');
  ctx.log(`UI check passed; screenshots in ${ctx.screenshotsDir}`);
};
