import * as assert from 'node:assert/strict';
import { analyzeDraft } from '../../server/src/engine/check';
import { clauseDetectors, ordered, quoteDetectors } from '../../server/src/engine/check/detectors';
import { dedupe, inRuleOrder, mergeActorFindings } from '../../server/src/engine/check/resolve';
import { RULE_ORDER, type FindingInput } from '../../server/src/engine/check/types';
import { AllCodes, type Finding } from '../../server/src/engine/findings';
import { bundledIndex } from '../support/corpus';
import { unitOf } from '../support/detectors';

describe('check pipeline', () => {
  describe('detectors', () => {
    it('one detector per kind: every code is emitted by a detector, and ids are unique', () => {
      const all = [...quoteDetectors, ...clauseDetectors];
      assert.deepEqual([...new Set(all.flatMap(d => d.emits))].sort(), [...AllCodes].sort());
      assert.equal(new Set(all.map(d => d.id)).size, all.length);
    });

    it('runs a detector after the detectors whose findings it reads', () => {
      const ids = clauseDetectors.map(d => d.id);
      for (const d of clauseDetectors) {
        for (const code of d.after ?? []) {
          for (const other of clauseDetectors.filter(o => o.emits.includes(code))) assert.ok(ids.indexOf(other.id) < ids.indexOf(d.id), `${other.id} before ${d.id}`);
        }
      }
      assert.ok(ids.indexOf('negated') < ids.indexOf('strength'));
    });

    it('orders by `after`, whatever the order listed, and refuses a cycle', () => {
      const a = { id: 'a', emits: ['x'], after: ['y'] };
      const b = { id: 'b', emits: ['y'] };
      assert.deepEqual(ordered([a, b]).map(d => d.id), ['b', 'a']);
      assert.throws(() => ordered([a, { id: 'c', emits: ['y'], after: ['x'] }]), /cycle/);
    });
  });

  describe('units', () => {
    it('builds a clause once: words, matches and the restatement are computed on first use and kept', () => {
      const u = unitOf('Prime Minister Trudeau reaffirmed the goal for Canada to achieve 80 percent non-emitting electricity by 2030.');
      assert.ok(u.matches.length > 0);
      assert.ok(u.restatement);
      assert.equal(u.restatement, u.restatement);
      assert.equal(u.keys.length, u.words.length);
      assert.deepEqual(u.figures.map(f => f.text), ['80 percent', '2030']);
    });

    it('has no restatement when no source sentence matches', () => {
      const u = unitOf('The two leaders traded jokes about the NHL season while snow fell in Ottawa on Thursday.');
      assert.equal(u.matches.length, 0);
      assert.equal(u.restatement, undefined);
    });
  });

  describe('resolution', () => {
    const f = (code: FindingInput['code'], start: number, end: number, kind: FindingInput['kind'] = 'actor', message = 'm (L).'): FindingInput => ({ code, kind, start, end, message, paragraphId: 'p' });

    it('merges one clause’s actor findings into one, over both, each message once', () => {
      const merged = mergeActorFindings([f('changed-actor', 10, 20, 'actor', '"A" where the source says "B" (L).'), f('changed-actor', 0, 5, 'actor', '"C" where the source says "D" (L).'), f('changed-actor', 10, 20, 'actor', '"A" where the source says "B" (L).')], 'L');
      assert.equal(merged.length, 1);
      assert.deepEqual([merged[0].start, merged[0].end], [0, 20]);
      assert.equal(merged[0].message, '"C" where the source says "D"; "A" where the source says "B" (L).');
    });

    it('a swap found inside another is the same swap, said once', () => {
      const merged = mergeActorFindings([f('changed-actor', 0, 13, 'actor', '"The President" where the source says "The Prime Minister" (L).'), f('changed-actor', 4, 13, 'actor', '"President" where the source says "Prime Minister" (L).'), f('changed-actor', 40, 46, 'actor', '"Canada" where the source says "the United States" (L).')], 'L');
      assert.deepEqual(merged.map(m => [m.start, m.end, m.message]), [[0, 46, '"The President" where the source says "The Prime Minister"; "Canada" where the source says "the United States" (L).']]);
    });

    it('lists a unit’s findings in rule order, whatever order the detectors ran in', () => {
      const listed = inRuleOrder([
        { finding: f('altered-name', 3, 6, 'name'), rule: 'acronym', seq: 0 },
        { finding: f('changed-figure', 3, 6, 'figure'), rule: 'figure', seq: 1 },
        { finding: f('altered-name', 0, 2, 'name'), rule: 'name', seq: 2 },
      ]);
      assert.deepEqual(listed.map(e => e.rule), ['name', 'figure', 'acronym']);
      assert.ok(RULE_ORDER.indexOf('figure') < RULE_ORDER.indexOf('acronym'));
      // A rule of a new detector, not listed, comes after the listed ones.
      const withNew = inRuleOrder([{ finding: f('negated', 0, 1, 'negation'), rule: 'a-new-rule', seq: 0 }, { finding: f('negated', 0, 1, 'negation'), rule: 'term-swap', seq: 1 }]);
      assert.deepEqual(withNew.map(e => e.rule), ['term-swap', 'a-new-rule']);
    });

    it('drops a later name or wording finding on a place already found, and a repeat of a code', () => {
      const full = (x: FindingInput): Finding => ({ severity: 'warning', category: 'contradiction', ...x }) as Finding;
      const kept = dedupe([full(f('changed-figure', 3, 6, 'figure')), full(f('altered-name', 3, 6, 'name')), full(f('changed-figure', 4, 6, 'figure')), full(f('negated', 3, 6, 'negation'))]);
      assert.deepEqual(kept.map(k => k.code), ['changed-figure', 'negated']);
    });

    it('drops a changed wording that a more specific finding covers, even when the wording comes first', () => {
      const full = (x: FindingInput): Finding => ({ severity: 'warning', category: 'contradiction', ...x }) as Finding;
      // `February` (a changed term) inside `February 2021` (a changed date): the date is said, once.
      const kept = dedupe([full(f('changed-term', 10, 18, 'wording')), full(f('changed-figure', 10, 23, 'figure')), full(f('changed-term', 30, 36, 'wording'))]);
      assert.deepEqual(kept.map(k => [k.code, k.start]), [['changed-figure', 10], ['changed-term', 30]]);
    });

    it('reports a swap of both leader and country once through the whole pipeline', () => {
      const text = 'Prime Minister Trudeau condemned the arbitrary detention of Michael Kovrig and Michael Spavor and committed to work for their release.';
      const actors = analyzeDraft(bundledIndex(), text).findings.filter(x => x.code === 'changed-actor');
      assert.equal(actors.length, 1);
      assert.equal(text.slice(actors[0].start, actors[0].end), 'Prime Minister Trudeau');
    });

    it('keeps findings inside a quotation matched to a source for the quotation check', () => {
      const text = 'The leaders said they would "work with Mexico to protect businesses, workers and communities from unfair trade by countries failing to take strong climate action."';
      const codes = analyzeDraft(bundledIndex(), text).findings.map(x => x.code);
      assert.ok(!codes.includes('changed-actor'), codes.join());
      // Unquoted, the same words draw the actor finding.
      const unquoted = analyzeDraft(bundledIndex(), text.replace(/"/g, '')).findings.map(x => x.code);
      assert.ok(unquoted.includes('changed-actor'), unquoted.join());
    });

    it('judges someone else’s words in quotation marks as a quotation, not as the drafter’s claim', () => {
      const said = '“The Prime Minister and the President did not agree to expand cooperation on continental defense,” the senator said in 1995.';
      const codes = analyzeDraft(bundledIndex(), said).findings.map(x => x.code);
      assert.ok(!codes.includes('negated'), codes.join());
      // The same words as the drafter's own claim are a denial of the source.
      const claimed = analyzeDraft(bundledIndex(), said.replace(/[“”]/g, '').replace(/, the senator said in 1995/, '')).findings.map(x => x.code);
      assert.ok(claimed.includes('negated'), claimed.join());
      // Said to be the Roadmap's words, they are an unsourced quotation.
      const attributed = analyzeDraft(bundledIndex(), 'The Roadmap says: “The Prime Minister and the President did not agree to expand cooperation on continental defense.”').findings.map(x => x.code);
      assert.ok(attributed.includes('misquote') || attributed.includes('unsourced-quote'), attributed.join());
    });
  });
});
