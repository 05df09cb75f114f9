// Typing in the real VS Code workbench (run with --ui-script, see run-extension-tests.sh):
// keys pressed one at a time at a person's speed, default Verbatim settings, as a new
// user would type. Checks what the drafter ends up with on disk, not what the server says.
//
// 1. Ordinary prose in Markdown: type a sentence, wait for any list, press Enter; the file
//    must hold exactly what was typed plus a new line (no item accepted by Enter).
// 2. Official wording: type the start of a Roadmap commitment; the list must open by itself
//    with the official continuation; Enter accepts it and the inserted name carries its
//    inline citation (the default `verbatim.citationStyle`).
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');

// About 80 words a minute: a practised typist, not a machine.
const KEY_DELAY_MS = 150;
// How long a person would leave for a list to appear before pressing Enter.
const LIST_WAIT_MS = 1500;
const SUGGEST_WIDGET = '.monaco-editor .suggest-widget.visible';
const GHOST_TEXT = '.monaco-editor .ghost-text-decoration, .monaco-editor .ghost-text-decoration-preview';

const PROSE = [
  'We discussed the price of groceries in both countries.',
  'The two leaders also talked about the weather in Ottawa and agreed to speak again soon.',
];
const OFFICIAL_START = 'The leaders agreed to launch a High Level Cli';
// A whole official sentence typed by hand: suggestions come and go while it is typed, but
// Enter after its full stop must still only start a new line.
const OFFICIAL_SENTENCE = 'They will work in tandem to achieve net zero emissions no later than 2050.';

async function statusReady(page, h) {
  const item = page.locator('.statusbar-item').filter({ hasText: /Verbatim: \d+ sources?, \d+ passages/ }).first();
  await h.waitFor(page, item, { timeout: 60000, what: 'the Verbatim status bar item (sources indexed)' });
}

// Types `text` key by key; after each key notes whether a list or ghost text is showing.
async function typeLikeAPerson(page, text) {
  const seen = { lists: 0, ghosts: 0, listAfterPunctuation: 0 };
  let listOpen = false;
  let ghostShown = false;
  for (const ch of text) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(KEY_DELAY_MS);
    const list = await page.locator(SUGGEST_WIDGET).count() > 0;
    const ghost = await page.locator(GHOST_TEXT).count() > 0;
    if (list && !listOpen) seen.lists++;
    if (ghost && !ghostShown) seen.ghosts++;
    if (list && /[.!?]/.test(ch)) seen.listAfterPunctuation++;
    listOpen = list;
    ghostShown = ghost;
  }
  return seen;
}

async function waitForList(page) {
  try {
    await page.locator(SUGGEST_WIDGET).first().waitFor({ state: 'visible', timeout: LIST_WAIT_MS });
    return true;
  } catch {
    return false;
  }
}

// Saves the active editor and returns the file's text once the save has reached the disk.
async function savedText(page, file) {
  const before = fs.statSync(file).mtimeMs;
  await page.keyboard.press('Control+S');
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline && fs.statSync(file).mtimeMs === before) await page.waitForTimeout(50);
  if (fs.statSync(file).mtimeMs === before) throw new Error(`${file} was not saved within 10 s`);
  // The write may still be in progress: read until two reads agree.
  let text = fs.readFileSync(file, 'utf8');
  for (;;) {
    await page.waitForTimeout(50);
    const again = fs.readFileSync(file, 'utf8');
    if (again === text) return text;
    text = again;
  }
}

async function openAtEnd(page, h, ctx, rel, content) {
  const file = path.join(ctx.workspace, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  await h.openFile(page, rel);
  await h.focusEditor(page);
  await page.keyboard.press('Control+End');
  return file;
}

// Every check runs, so a failing build shows all that is wrong with it at once.
function check(failures, ctx, fn, what) {
  try {
    fn();
  } catch (err) {
    failures.push(`${what}: ${err.message}`);
    ctx.log(`FAIL ${what}: ${err.message}`);
  }
}

module.exports = async function typingCheck(page, ctx) {
  const h = ctx.helpers;
  const failures = [];
  await statusReady(page, h);

  // 1. Ordinary prose: Enter after a finished sentence is a new line, nothing else.
  for (const [i, sentence] of PROSE.entries()) {
    const start = '# Readout\n\n';
    const file = await openAtEnd(page, h, ctx, `drafts/typing-prose-${i + 1}.md`, start);
    const seen = await typeLikeAPerson(page, sentence);
    const listBeforeEnter = await waitForList(page);
    await ctx.screenshot(`typing-prose-${i + 1}-before-enter`);
    await page.keyboard.press('Enter');
    const text = await savedText(page, file);
    await ctx.screenshot(`typing-prose-${i + 1}-after-enter`);
    ctx.log(`prose ${i + 1}: lists opened ${seen.lists}, ghost texts ${seen.ghosts}, lists after . ! ? ${seen.listAfterPunctuation}, list open before Enter: ${listBeforeEnter}`);
    check(failures, ctx, () => assert.equal(text, `${start}${sentence}\n`), `prose ${i + 1}: the draft after Enter is exactly what was typed plus a new line`);
    check(failures, ctx, () => assert.equal(seen.listAfterPunctuation, 0), `prose ${i + 1}: no list open right after sentence punctuation`);
  }

  // 2. An official sentence typed to its end: Enter after the full stop is a new line.
  {
    const start = '# Readout\n\n';
    const file = await openAtEnd(page, h, ctx, 'drafts/typing-official-sentence.md', start);
    const seen = await typeLikeAPerson(page, OFFICIAL_SENTENCE);
    const listBeforeEnter = await waitForList(page);
    await page.keyboard.press('Enter');
    const text = await savedText(page, file);
    await ctx.screenshot('typing-official-sentence-after-enter');
    ctx.log(`official sentence: lists opened ${seen.lists}, ghost texts ${seen.ghosts}, lists after . ! ? ${seen.listAfterPunctuation}, list open before Enter: ${listBeforeEnter}`);
    check(failures, ctx, () => assert.equal(text, `${start}${OFFICIAL_SENTENCE}\n`), 'official sentence: the draft after Enter is exactly what was typed plus a new line');
    check(failures, ctx, () => assert.ok(seen.lists + seen.ghosts > 0), 'official sentence: something was offered while typing it');
  }

  // 3. Official wording: the list opens by itself; Enter inserts the name with its citation.
  const start = '# Readout\n\n';
  const file = await openAtEnd(page, h, ctx, 'drafts/typing-official.md', start);
  await typeLikeAPerson(page, OFFICIAL_START);
  const opened = await waitForList(page);
  const rows = opened ? await page.locator(`${SUGGEST_WIDGET} .monaco-list-row`).allInnerTexts() : [];
  ctx.log(`official: list rows ${JSON.stringify(rows.slice(0, 5))}`);
  await ctx.screenshot('typing-official-list');
  check(failures, ctx, () => assert.ok(opened), 'official: the completion list opens by itself on the start of an official commitment');
  check(failures, ctx, () => assert.match(rows[0] ?? '', /Climate Ministerial/), 'official: the first row continues the official name');
  await page.keyboard.press('Enter');
  const text = await savedText(page, file);
  await ctx.screenshot('typing-official-accepted');
  check(
    failures,
    ctx,
    () =>
      assert.equal(
        text,
        `${start}The leaders agreed to launch a High Level Climate Ministerial (Roadmap for a Renewed U.S.-Canada Partnership, Accelerating Climate Ambitions, ¶5)`,
      ),
    'official: Enter accepts the official continuation, cited inline',
  );
  // 4. `@@` opens the commitment search by itself and narrows it as the drafter types.
  {
    const start = '# Readout\n\nThe leaders said: ';
    const file = await openAtEnd(page, h, ctx, 'drafts/typing-search.md', start);
    await typeLikeAPerson(page, '@@');
    const openedAtOnce = await waitForList(page);
    await typeLikeAPerson(page, 'methane');
    const opened = await waitForList(page);
    const rows = opened ? await page.locator(`${SUGGEST_WIDGET} .monaco-list-row`).allInnerTexts() : [];
    await ctx.screenshot('typing-search-list');
    ctx.log(`search: list right after @@: ${openedAtOnce}; rows after @@methane ${JSON.stringify(rows.slice(0, 3))}`);
    check(failures, ctx, () => assert.ok(openedAtOnce), 'search: the list opens by itself right after @@');
    check(failures, ctx, () => assert.match(rows[0] ?? '', /methane/i), 'search: the first row after @@methane is about methane');
    await page.keyboard.press('Enter');
    const text = await savedText(page, file);
    check(
      failures,
      ctx,
      () => assert.match(text, /^# Readout\n\nThe leaders said: “[^”]*methane[^”]*” \(Roadmap for a Renewed U\.S\.-Canada Partnership, [^)]*¶\d+\)$/),
      'search: Enter inserts the commitment as a quotation with its inline citation, in place of @@methane',
    );
  }

  // 5. The status-bar toggle: paused, the same words bring up nothing; resumed, they do again.
  {
    const toggle = page.locator('.statusbar-item').filter({ hasText: /Suggestions/ }).first();
    await h.waitFor(page, toggle, { what: 'the Suggestions status bar item' });
    const start = '# Readout\n\n';
    await openAtEnd(page, h, ctx, 'drafts/typing-paused.md', start);
    await toggle.click();
    await h.waitFor(page, page.locator('.statusbar-item').filter({ hasText: 'Suggestions paused' }).first(), { what: 'the toggle to show "Suggestions paused"' });
    await h.focusEditor(page);
    await page.keyboard.press('Control+End');
    const seen = await typeLikeAPerson(page, OFFICIAL_START);
    const opened = await waitForList(page);
    await ctx.screenshot('typing-paused');
    ctx.log(`paused: lists opened ${seen.lists}, ghost texts ${seen.ghosts}, list open at the end: ${opened}`);
    check(failures, ctx, () => assert.equal(seen.lists + seen.ghosts + (opened ? 1 : 0), 0), 'paused: no list and no ghost text');
    await page.keyboard.press('Escape');
    await page.locator('.statusbar-item').filter({ hasText: 'Suggestions paused' }).first().click();
    await h.waitFor(page, page.locator('.statusbar-item').filter({ hasText: /^\s*Suggestions\s*$/ }).first(), { what: 'the toggle to show "Suggestions" again' });
  }

  // 6. Ghost text accepted with Tab, with footnote citations: the reference goes in with the
  //    text, and the footnote's definition is added at the end of the draft.
  {
    fs.mkdirSync(path.join(ctx.workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(ctx.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'verbatim.citationStyle': 'footnote' }));
    const start = '# Readout\n\n';
    const file = await openAtEnd(page, h, ctx, 'drafts/typing-ghost.md', start);
    await typeLikeAPerson(page, OFFICIAL_START);
    // Close the list (Enter would take its item); the ghost text stays for Tab.
    await page.keyboard.press('Escape');
    const ghost = page.locator(GHOST_TEXT).first();
    await h.waitFor(page, ghost, { what: 'the ghost text' });
    const shown = (await page.locator(GHOST_TEXT).allInnerTexts()).join('').replace(/\u00a0/g, ' ');
    await ctx.screenshot('typing-ghost');
    ctx.log(`ghost: ${JSON.stringify(shown)}`);
    check(failures, ctx, () => assert.match(shown, /mate Ministerial\s*\[\^roadmap-2021-02-23-accelerating-climate-ambitions-5\]/), 'ghost: the ghost text ends with the footnote reference');
    await page.keyboard.press('Tab');
    // The definition arrives through a command the server runs after the insertion.
    const deadline = Date.now() + 10000;
    let text = '';
    while (Date.now() < deadline) {
      text = await savedText(page, file);
      if (/\]: Roadmap/.test(text)) break;
      await page.waitForTimeout(200);
    }
    check(
      failures,
      ctx,
      () =>
        assert.match(
          text,
          /^# Readout\n\nThe leaders agreed to launch a High Level Climate Ministerial\[\^roadmap-2021-02-23-accelerating-climate-ambitions-5\]\n\n\[\^roadmap-2021-02-23-accelerating-climate-ambitions-5\]: Roadmap for a Renewed U\.S\.-Canada Partnership, Accelerating Climate Ambitions, ¶5, 23 February 2021\. <https:[^>]+>\n$/,
        ),
      'ghost: Tab inserts the name with its footnote reference, and the definition is added at the end',
    );
  }

  if (failures.length) throw new Error(`${failures.length} typing check(s) failed:\n- ${failures.join('\n- ')}`);
  ctx.log('typing checks passed');
};
