/**
 * The extension's test entry: the `run()` that @vscode/test-electron (and our code-server
 * runner, scripts/e2e/run-vscode-tests.js) loads inside the extension host.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec' });
  const dir = path.join(__dirname, 'suite');
  for (const f of fs.readdirSync(dir).filter(f => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    mocha.run(failures => {
      // A plain closing line that CI logs can read.
      console.log(`e2e: ${mocha.suite.total() - failures} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed.`));
      else resolve();
    });
  });
}
