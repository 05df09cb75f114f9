/**
 * Runs one detector alone, as the pipeline would on one unit: the unit is built with the
 * pipeline's own builders (check/units.ts) over the bundled sources, and only that detector
 * runs. `detectorCases` turns valid and invalid examples into tests (after textlint's tester).
 */
import * as assert from 'node:assert/strict';
import { sourceLookup } from '../../server/src/engine/check/lookup';
import type { ClauseUnit, Detector, DetectorContext, FindingInput, QuoteUnit, RuleId, UnitRole } from '../../server/src/engine/check/types';
import { clauseUnit, quoteUnit } from '../../server/src/engine/check/units';
import { checkIndexOf } from '../../server/src/engine/checkIndex';
import type { Code } from '../../server/src/engine/findings';
import { english } from '../../server/src/engine/lang/en';
import { findQuotations } from '../../server/src/engine/text/quotations';
import type { CorpusIndex } from '../../server/src/engine';
import { bundledIndex } from './corpus';

/** A finding as a detector emitted it, with the draft text it covers and the rule that found it. */
export interface Found {
  readonly code: Code;
  readonly kind: string;
  readonly at: string;
  readonly message: string;
  readonly rule: RuleId;
  readonly finding: FindingInput;
}

export interface RunOptions {
  /** Findings kept earlier in the paragraph, as `ctx.emitted` reports them (`[code, start, end]`). */
  readonly emitted?: readonly (readonly [Code, number, number])[];
  /** The unit's role (default: a whole sentence). */
  readonly role?: UnitRole;
  /** The sources (default: the bundled ones). */
  readonly index?: CorpusIndex;
}

/** The context of a detector run alone: `emitted` sees the findings given and those the detector emitted so far, as in the pipeline. */
function context(found: readonly Found[], emitted: RunOptions['emitted'] = [], index: CorpusIndex = bundledIndex()): DetectorContext {
  const ci = checkIndexOf(index);
  const earlier = (code: Code, s: number, e: number) => emitted.some(([c, a, b]) => c === code && a >= s && b <= e);
  const own = (code: Code, s: number, e: number) => found.some(f => f.code === code && f.finding.start >= s && f.finding.end <= e);
  return { lang: english, sources: sourceLookup(ci, english), emitted: (code, s, e) => earlier(code, s, e) || own(code, s, e) };
}

/** The unit of `text` taken as one draft sentence. */
export function unitOf(text: string, role: UnitRole = 'sentence', index: CorpusIndex = bundledIndex()): ClauseUnit {
  const ci = checkIndexOf(index);
  return clauseUnit(ci, sourceLookup(ci, english), text, 0, text.length, role);
}

/** Runs a clause detector alone on `text` taken as one sentence. */
export function runClause(detector: Detector, text: string, options: RunOptions = {}): Found[] {
  const found: Found[] = [];
  detector.run(unitOf(text, options.role, options.index), context(found, options.emitted, options.index), (f, rule) => found.push({ code: f.code, kind: f.kind, at: text.slice(f.start, f.end), message: f.message, rule, finding: f }));
  return found;
}

/** Runs a quotation detector alone on each quotation of `text`. */
export function runQuote(detector: Detector<QuoteUnit>, text: string): Found[] {
  const ci = checkIndexOf(bundledIndex());
  const found: Found[] = [];
  for (const q of findQuotations(text)) {
    detector.run(quoteUnit(ci, english, text, q), context(found), (f, rule) => found.push({ code: f.code, kind: f.kind, at: text.slice(f.start, f.end), message: f.message, rule, finding: f }));
  }
  return found;
}

/** An example the detector must flag: the code and the draft words of each finding, and words its message must contain. */
export interface Invalid {
  readonly text: string;
  readonly expect: readonly { readonly code: Code; readonly at: string; readonly message?: string | RegExp; readonly rule?: RuleId }[];
  readonly options?: RunOptions;
}

/** Valid examples draw nothing from the detector; invalid ones draw exactly the findings listed. */
export function detectorCases(run: (text: string, options?: RunOptions) => Found[], cases: { valid: readonly (string | { text: string; options: RunOptions })[]; invalid: readonly Invalid[] }): void {
  describe('valid', () => {
    for (const v of cases.valid) {
      const { text, options } = typeof v === 'string' ? { text: v, options: undefined } : v;
      it(text.length > 90 ? `${text.slice(0, 87)}…` : text, () => {
        assert.deepEqual(run(text, options).map(f => `${f.code}: ${f.at}`), []);
      });
    }
  });
  describe('invalid', () => {
    for (const c of cases.invalid) {
      it(c.text.length > 90 ? `${c.text.slice(0, 87)}…` : c.text, () => {
        const found = run(c.text, c.options);
        assert.deepEqual(
          found.map(f => `${f.code}: ${f.at}`),
          c.expect.map(e => `${e.code}: ${e.at}`),
        );
        c.expect.forEach((e, i) => {
          if (typeof e.message === 'string') assert.ok(found[i].message.includes(e.message), found[i].message);
          else if (e.message) assert.match(found[i].message, e.message);
          if (e.rule) assert.equal(found[i].rule, e.rule);
        });
      });
    }
  });
}
