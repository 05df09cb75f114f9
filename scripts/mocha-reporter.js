'use strict';
// Mocha's spec reporter, closing with a plain "N passed, N failed" line that CI logs can read.
const Spec = require('mocha/lib/reporters/spec');

class VerbatimReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const s = this.stats;
      const label = (options && options.reporterOption && options.reporterOption.suite) || process.env.VERBATIM_SUITE || 'tests';
      process.stdout.write(`${label}: ${s.passes} passed, ${s.failures} failed${s.pending ? `, ${s.pending} skipped` : ''}\n`);
    });
  }
}

module.exports = VerbatimReporter;
