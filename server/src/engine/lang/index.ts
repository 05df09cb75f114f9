/**
 * The language packs, and the one a document is read with: a source's own language, a draft's
 * own language (its front matter, else lang/detect.ts), English when it is neither known nor
 * one with a pack.
 */
import { english } from './en';
import { french } from './fr';
import type { LanguagePack } from './pack';

/** Every pack, English first. */
export const PACKS: readonly LanguagePack[] = Object.freeze([english, french]);

/** The pack for a language code (`fr`, `en`); English for any other or none. */
export function packFor(code: string | undefined): LanguagePack {
  return PACKS.find(p => p.code === code) ?? english;
}
