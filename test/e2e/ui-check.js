// UI checks of Verbatim in a real VS Code workbench (run with --ui-script): the misquote
// squiggle, the Problems panel, and a hover citation, each saved as a screenshot.
'use strict';
const assert = require('assert');

module.exports = async function verbatimUiCheck(page, ctx) {
  const h = ctx.helpers;

  await h.openFile(page, 'drafts/misquote.md');
  await h.waitFor(page, h.SELECTORS.squigglyWarning, { timeout: 30000, what: 'the misquote squiggle' });
  await ctx.screenshot('squiggle');

  const squiggleHover = await h.showHover(page, { text: 'strengthens' });
  assert.match(await squiggleHover.innerText(), /where the source says "bolsters"/);
  await ctx.screenshot('misquote-hover');
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);

  const rows = await h.openProblemsPanel(page);
  assert.ok(rows.some(r => /bolsters/.test(r)), `Problems rows: ${JSON.stringify(rows)}`);
  await ctx.screenshot('problems');

  await h.openFile(page, 'drafts/hover.md');
  const hover = await h.showHover(page, { text: 'Five Eyes' });
  const text = await hover.innerText();
  assert.match(text, /Building Global Alliances/);
  assert.match(text, /Roadmap for a Renewed U\.S\.-Canada Partnership/);
  await ctx.screenshot('hover-citation');
  await page.keyboard.press('Escape');

  await h.openFile(page, 'drafts/misquote.md');
  await h.runCommand(page, 'Verbatim: Check Draft Consistency');
  // The report opens in the Markdown preview (a webview) beside the draft.
  await h.waitFor(page, '.tab[aria-label*="misquote.md.report.md"], .tab:has-text("misquote.md.report.md")', { timeout: 30000, what: 'the report preview tab' });
  await h.waitFor(page, 'iframe.webview.ready, .webview.ready', { timeout: 30000, what: 'the report preview to render' });
  await page.waitForTimeout(500); // the preview's content fades in after the frame is ready
  await ctx.screenshot('report');
  // The finding's line is a link the preview follows (it refuses file: links, so they are relative).
  let linked = false;
  for (const f of page.frames()) {
    try {
      if ((await f.$$eval('a', els => els.filter(e => /^line 3$/.test(e.textContent.trim()) && /misquote\.md#L3$/.test(e.getAttribute('href') || e.getAttribute('data-href') || '')).length)) > 0) linked = true;
    } catch {
      // a frame that went away
    }
  }
  assert.ok(linked, 'the report links the finding to line 3 of the draft');
  ctx.log(`UI check passed; screenshots in ${ctx.screenshotsDir}`);
};
