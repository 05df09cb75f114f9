// Entry point the VS Code extension host calls for extensionTestsPath:
// it must export run() returning a Promise that rejects when tests fail.
// Plain JS on purpose, so the harness can be proved before any build exists.
'use strict';
const path = require('path');

function loadMocha() {
  try {
    // Resolves to the repo root's node_modules (mocha@11 after `npm ci`).
    return require('mocha');
  } catch (err) {
    throw new Error(`harness selftest: cannot load mocha (${err.message}); run \`npm ci\` in the repo root first`);
  }
}

function run() {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20000 });
  mocha.addFile(path.join(__dirname, 'selftest-suite.js'));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) {
          reject(new Error(`${failures} harness selftest(s) failed`));
        } else {
          resolve();
        }
      });
    } catch (err) {
      reject(err);
    }
  });
}

module.exports = { run };
