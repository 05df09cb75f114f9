/**
 * The detectors, one per kind of finding. Quotation detectors read quotation units; clause
 * detectors read clause units and run in an order that honours each one's `after` (a
 * detector reading another's findings runs after it), otherwise in the order listed here.
 */
import type { Detector, QuoteUnit } from '../types';
import { alteredName } from './altered-name';
import { changedActor } from './changed-actor';
import { changedFigure } from './changed-figure';
import { misquote } from './misquote';
import { negated } from './negated';
import { opposite } from './opposite';
import { strength } from './strength';
import { termSwap } from './term-swap';
import { unsourcedQuote } from './unsourced-quote';

export const quoteDetectors: readonly Detector<QuoteUnit>[] = [misquote, unsourcedQuote];

export const clauseDetectors: readonly Detector[] = ordered([alteredName, negated, changedFigure, opposite, changedActor, strength, termSwap]);

/** `detectors` in an order where every detector comes after those emitting a code it lists in `after`. */
export function ordered<D extends { readonly id: string; readonly emits: readonly string[]; readonly after?: readonly string[] }>(detectors: readonly D[]): D[] {
  const out: D[] = [];
  const visiting = new Set<D>();
  const visit = (d: D) => {
    if (out.includes(d)) return;
    if (visiting.has(d)) throw new Error(`detectors: a cycle of 'after' through ${d.id}`);
    visiting.add(d);
    for (const code of d.after ?? []) for (const other of detectors) if (other !== d && other.emits.includes(code)) visit(other);
    visiting.delete(d);
    out.push(d);
  };
  detectors.forEach(visit);
  return out;
}
