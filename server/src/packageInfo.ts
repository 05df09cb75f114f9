/** Verbatim's own package.json, found from wherever the code runs (out/, dist/, an installed package). */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The version in Verbatim's package.json, or `0.0.0` if it cannot be found. */
export function packageVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'verbatim' && pkg.version) return pkg.version;
    } catch {
      // not here; keep walking up
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}
