// Helpers for UI checks against the live VS Code workbench that
// run-vscode-tests.js opens (--ui-script). Plain CommonJS; each helper takes
// the Playwright `page` first. Every wait is an event/selector wait with a
// timeout and a message saying what was awaited. The only fixed delay is
// HOVER_FADE_IN_MS, so screenshots don't catch a half-faded hover.
'use strict';

const fs = require('fs');
const path = require('path');

const DEFAULT_TIMEOUT_MS = 20000;
// VS Code fades hovers in (CSS animation, ~100-300 ms); wait that long after
// the hover is visible before a screenshot. The one documented fixed sleep.
const HOVER_FADE_IN_MS = 300;

const SELECTORS = {
  workbench: '.monaco-workbench',
  statusbar: '.monaco-workbench .part.statusbar',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  activeTab: '.tabs-container .tab.active',
  activeEditor: '.editor-group-container.active .monaco-editor',
  viewLines: '.view-lines',
  hover: '.monaco-editor .monaco-hover:not(.hidden)',
  squigglyWarning: '.squiggly-warning',
  squigglyError: '.squiggly-error',
  problemsPanel: '.markers-panel',
  problemsRow: '.markers-panel .monaco-list-row',
  // Toasts slide in; VS Code adds notification-fade-in-done on transitionend,
  // so waiting for that class means the toast is fully shown.
  notificationToast: '.notifications-toasts .notification-toast.notification-fade-in-done',
};

function describeTimeout(what, timeout, err) {
  const e = new Error(`timed out after ${timeout} ms waiting for ${what}`);
  e.cause = err;
  return e;
}

// Wait until `selector` (string or Locator) reaches `state` (default
// 'visible'); returns the Locator. Throws "timed out ... waiting for <what>".
async function waitFor(page, selector, { state = 'visible', timeout = DEFAULT_TIMEOUT_MS, what } = {}) {
  const locator = typeof selector === 'string' ? page.locator(selector).first() : selector;
  try {
    await locator.waitFor({ state, timeout });
  } catch (err) {
    throw describeTimeout(what || `${selector} to be ${state}`, timeout, err);
  }
  return locator;
}

// The workbench is usable once its parts are rendered and the status bar
// shows (it appears after the layout is restored).
async function waitForWorkbench(page, { timeout = 60000 } = {}) {
  await waitFor(page, SELECTORS.workbench, { timeout, what: 'the VS Code workbench' });
  await waitFor(page, SELECTORS.statusbar, { timeout, what: 'the workbench status bar' });
}

// Put keyboard focus on the active editor (clicking its text area).
async function focusEditor(page, { timeout = DEFAULT_TIMEOUT_MS } = {}) {
  const editor = await waitFor(page, SELECTORS.activeEditor, { timeout, what: 'an active text editor' });
  await editor.locator(SELECTORS.viewLines).first().click({ timeout });
}

// Type into an open quick input, wait for a row matching `rowText`, accept it.
async function pickQuickInputRow(page, text, rowText, { timeout = DEFAULT_TIMEOUT_MS } = {}) {
  const box = await waitFor(page, SELECTORS.quickInputBox, { timeout, what: 'the quick input box' });
  await box.fill(text);
  const row = page.locator(SELECTORS.quickInputRow).filter({ hasText: rowText }).first();
  await waitFor(page, row, { timeout, what: `a quick input row containing "${rowText}"` });
  // The list re-renders while results stream in; Enter picks the focused
  // (first) row, so make sure the one we want is the first.
  const first = page.locator(SELECTORS.quickInputRow).first();
  const firstText = await first.innerText({ timeout });
  if (!firstText.includes(rowText)) {
    await row.click({ timeout });
  } else {
    await page.keyboard.press('Enter');
  }
  await waitFor(page, SELECTORS.quickInput, { state: 'hidden', timeout, what: 'the quick input to close' });
}

// Open a workspace file through Quick Open (Ctrl+P), waiting for its result
// row before pressing Enter and for its editor tab afterwards.
async function openFile(page, relativePath, { timeout = DEFAULT_TIMEOUT_MS } = {}) {
  const base = path.posix.basename(relativePath.split(path.sep).join('/'));
  await page.keyboard.press('Control+P');
  await pickQuickInputRow(page, relativePath, base, { timeout });
  const tab = page.locator(SELECTORS.activeTab).filter({ hasText: base }).first();
  await waitFor(page, tab, { timeout, what: `the editor tab for ${base}` });
  await waitFor(page, SELECTORS.activeEditor, { timeout, what: `the editor for ${base}` });
}

// Run a command by its palette title (F1), e.g. "View: Toggle Word Wrap".
async function runCommand(page, title, { timeout = DEFAULT_TIMEOUT_MS } = {}) {
  await page.keyboard.press('F1');
  await pickQuickInputRow(page, `>${title}`, title, { timeout });
}

// Move the cursor with Go to Line (Ctrl+G): 1-based line and column.
async function goToLine(page, line, column = 1, { timeout = DEFAULT_TIMEOUT_MS } = {}) {
  await focusEditor(page, { timeout });
  await page.keyboard.press('Control+G');
  const box = await waitFor(page, SELECTORS.quickInputBox, { timeout, what: 'the Go to Line box' });
  await box.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await waitFor(page, SELECTORS.quickInput, { state: 'hidden', timeout, what: 'the Go to Line box to close' });
}

// Screen centre of the first occurrence of `text` in the active editor's
// rendered lines (a DOM Range over the text nodes), or null.
async function textPosition(page, text, { timeout = DEFAULT_TIMEOUT_MS, occurrence = 0 } = {}) {
  const lines = page.locator(`${SELECTORS.activeEditor} ${SELECTORS.viewLines}`).first();
  await waitFor(page, lines, { timeout, what: 'the editor text' });
  return lines.evaluate(
    (root, { text, occurrence }) => {
      let seen = 0;
      for (const line of root.querySelectorAll('.view-line')) {
        const full = line.textContent.replace(/\u00a0/g, ' ');
        let at = full.indexOf(text);
        while (at !== -1) {
          if (seen++ === occurrence) {
            // Map the character offset onto the line's text nodes.
            const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
            let offset = 0;
            const range = document.createRange();
            let startSet = false;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const len = node.textContent.length;
              if (!startSet && at < offset + len) {
                range.setStart(node, at - offset);
                startSet = true;
              }
              if (startSet && at + text.length <= offset + len) {
                range.setEnd(node, at + text.length - offset);
                const r = range.getBoundingClientRect();
                return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
              }
              offset += len;
            }
            return null;
          }
          at = full.indexOf(text, at + 1);
        }
      }
      return null;
    },
    { text, occurrence }
  );
}

// Show the editor hover and wait for it (plus the fade-in). With `text`, the
// mouse moves onto that text; without, the hover is asked for at the cursor
// with Ctrl+K Ctrl+I. Returns the hover Locator.
async function showHover(page, { text, timeout = DEFAULT_TIMEOUT_MS } = {}) {
  if (text) {
    const pos = await textPosition(page, text, { timeout });
    if (!pos) throw new Error(`text "${text}" is not visible in the active editor`);
    // Approach from elsewhere first so the editor sees a real mouse move.
    await page.mouse.move(pos.x, pos.y + 60);
    await page.mouse.move(pos.x, pos.y, { steps: 5 });
  } else {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
  }
  const hover = await waitFor(page, SELECTORS.hover, { timeout, what: 'the editor hover' });
  await page.waitForTimeout(HOVER_FADE_IN_MS);
  return hover;
}

// Open the Problems panel (Ctrl+Shift+M) and wait for at least `minRows`
// rows; returns their texts.
async function openProblemsPanel(page, { minRows = 1, timeout = DEFAULT_TIMEOUT_MS } = {}) {
  await page.keyboard.press('Control+Shift+M');
  await waitFor(page, SELECTORS.problemsPanel, { timeout, what: 'the Problems panel' });
  if (minRows > 0) {
    await waitFor(page, page.locator(SELECTORS.problemsRow).nth(minRows - 1), {
      timeout,
      what: `${minRows} row(s) in the Problems panel`,
    });
  }
  return page.locator(SELECTORS.problemsRow).allInnerTexts();
}

// Wait for a notification toast containing `text`; returns its Locator.
async function waitForNotification(page, text, { timeout = DEFAULT_TIMEOUT_MS } = {}) {
  const toast = page.locator(SELECTORS.notificationToast).filter({ hasText: text }).first();
  return waitFor(page, toast, { timeout, what: `a notification containing "${text}"` });
}

// Save a PNG screenshot as <dir>/<name>.png (full page, or a Locator's box
// with { locator }). Returns the file path.
async function screenshot(page, dir, name, { locator } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  if (locator) await locator.screenshot({ path: file });
  else await page.screenshot({ path: file });
  process.stderr.write(`[e2e] screenshot: ${file}\n`);
  return file;
}

module.exports = {
  DEFAULT_TIMEOUT_MS,
  HOVER_FADE_IN_MS,
  SELECTORS,
  waitFor,
  waitForWorkbench,
  focusEditor,
  openFile,
  runCommand,
  goToLine,
  textPosition,
  showHover,
  openProblemsPanel,
  waitForNotification,
  screenshot,
};
