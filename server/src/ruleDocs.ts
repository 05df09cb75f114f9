/**
 * Where each finding code's explanation lives: `docs/rules/<code>.md`, shipped with the
 * extension and the npm package, so that a diagnostic's `codeDescription` (and SARIF's
 * `helpUri`) opens it offline. The VS Code client shows these pages as `verbatim-rule:` documents.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

let dir: string | null | undefined;

function rulesDir(): string | undefined {
  if (dir === undefined) {
    dir = null;
    let d = __dirname;
    for (let i = 0; i < 6; i++) {
      const candidate = path.join(d, 'docs', 'rules');
      if (fs.existsSync(path.join(d, 'package.json')) && fs.existsSync(candidate)) {
        dir = candidate;
        break;
      }
      d = path.dirname(d);
    }
  }
  return dir ?? undefined;
}

const hrefs = new Map<string, string | undefined>();

/** The `file:` URL of a code's rule page, or undefined if the page is not installed. */
export function ruleHref(code: string): string | undefined {
  if (!/^[a-z][a-z-]*$/.test(code)) return undefined;
  if (!hrefs.has(code)) {
    const d = rulesDir();
    const file = d && path.join(d, `${code}.md`);
    hrefs.set(code, file && fs.existsSync(file) ? pathToFileURL(file).href : undefined);
  }
  return hrefs.get(code);
}
