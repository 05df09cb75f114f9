/**
 * Resolution: from what the detectors emitted to the findings of a paragraph. The actor
 * findings of one unit merge into one; a unit's findings are listed in rule order; the
 * paragraph's findings are sorted by place and deduplicated.
 */
import type { Finding } from '../findings';
import { RULE_ORDER, type FindingInput, type RuleId } from './types';

/** A finding as emitted, with the rule that found it and its place in emission order. */
export interface Emitted {
  readonly finding: FindingInput;
  readonly rule: RuleId;
  readonly seq: number;
}

const rank = new Map<RuleId, number>(RULE_ORDER.map((r, i) => [r, i]));
const rankOf = (rule: RuleId) => rank.get(rule) ?? RULE_ORDER.length;

/**
 * One swap of parties is one finding: `The President … for the United States` where the
 * source says `the Prime Minister … for Canada` is reported once, over both. `label` is the
 * source's citation label, which closes every actor message.
 */
export function mergeActorFindings(found: readonly FindingInput[], label: string): FindingInput[] {
  // A swap found inside another (`President` within `The President`) is the same swap.
  const outer = found.filter(f => !found.some(g => g !== f && g.start <= f.start && f.end <= g.end && g.end - g.start > f.end - f.start));
  if (outer.length <= 1) return [...outer];
  const sorted = [...outer].sort((x, y) => x.start - y.start);
  const parts = [...new Set(sorted.map(f => f.message.replace(/ \([^()]*(?:\([^()]*\)[^()]*)*\)\.$/, '')))];
  return [{ ...sorted[0], end: Math.max(...sorted.map(f => f.end)), message: `${parts.join('; ')} (${label}).` }];
}

/** A unit's findings in rule order (`RULE_ORDER`), each rule's in the order found. */
export function inRuleOrder(emitted: readonly Emitted[]): Emitted[] {
  return [...emitted].sort((a, b) => rankOf(a.rule) - rankOf(b.rule) || a.seq - b.seq);
}

/** Defaults of a finding as emitted: a warning, a contradiction (a finding that gives its category is complete). */
export function complete(f: FindingInput): Finding {
  return f.category ? (f as Finding) : ({ severity: 'warning', category: 'contradiction', ...f } as Finding);
}

/** Findings by place; on the same characters, in the order listed. */
export function byPlace(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * One finding per place: a later finding overlapping an earlier one of the same category is
 * dropped, and a changed wording gives way to a more specific finding on the same words
 * (`February` where the source says `March` is the changed date `February 2021`).
 */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const overlap = (f: Finding, g: Finding) => g !== f && g.category === f.category && f.start < g.end && g.start < f.end;
  for (const f of findings) {
    if (f.kind === 'wording' && findings.some(g => overlap(f, g) && g.kind !== 'wording' && g.kind !== 'name')) continue;
    if (out.some(g => g.category === f.category && f.start < g.end && g.start < f.end && (g.code === f.code || f.kind === 'wording' || f.kind === 'name'))) continue;
    out.push(f);
  }
  return out;
}
