/**
 * The per-index cache of paragraph analyses behind incremental re-checks: after an edit,
 * only the paragraphs whose text changed are analysed again.
 *
 * Bounded by bytes (an estimate of the strings and objects an entry keeps), not only by
 * entries: one entry may be a ten-word paragraph or a megabyte. And it never keeps a draft
 * alive: in V8 a slice of a string (and a string concatenated from one) holds on to the whole
 * string it came from, so a key sliced from a 1 MB draft, or a message quoting a few of its
 * words, would pin that version of the draft for as long as the entry lives. Keys and values
 * are therefore copied into strings of their own before they are stored.
 */
import { LRUCache } from 'lru-cache';
import type { CorpusIndex } from './corpusIndex';

/** Bytes of paragraph analyses kept per index: the analyses of a few megabytes of drafts. */
export const PARAGRAPH_CACHE_BYTES = 32 * 1024 * 1024;

/** The cache of one index: paragraph text → its analysis (offsets relative to the paragraph). */
export interface ParagraphCache<V> {
  get(text: string): V | undefined;
  /** Stores a copy of `value` that shares no string with the caller's. */
  set(text: string, value: V): void;
  /** Estimated bytes held, never more than the budget. */
  readonly bytes: number;
  readonly entries: number;
}

const caches = new WeakMap<CorpusIndex, ParagraphCache<unknown>>();

/**
 * Keeps, while it is active, every analysis made or looked up, whatever the cache evicts
 * meanwhile: a check stopped part way (to let other requests in) and started again finds
 * the paragraphs it already did, even in a draft larger than the cache.
 */
export class CacheSession {
  private readonly entries = new Map<string, unknown>();
  /** Analyses made (not found) during the session. */
  made = 0;

  /** Runs `fn` (synchronously) with this session active. */
  run<T>(fn: () => T): T {
    return withSession(this, fn);
  }

  get<V>(text: string): V | undefined {
    return this.entries.get(text) as V | undefined;
  }

  keep(text: string, value: unknown, made: boolean): void {
    this.entries.set(text, value);
    if (made) this.made++;
  }
}
let active: CacheSession | undefined;

function withSession<T>(session: CacheSession, fn: () => T): T {
  const outer = active;
  active = session;
  try {
    return fn();
  } finally {
    active = outer;
  }
}

/** The paragraph cache of `index` (made on first use, dropped with the index). */
export function paragraphCache<V>(index: CorpusIndex, maxBytes = PARAGRAPH_CACHE_BYTES): ParagraphCache<V> {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = createParagraphCache<V>(maxBytes)));
  return cache as ParagraphCache<V>;
}

/** A standalone cache (tests, tools); the engine uses {@link paragraphCache}. */
export function createParagraphCache<V>(maxBytes: number): ParagraphCache<V> {
  const lru = new LRUCache<string, { value: V; bytes: number }>({
    maxSize: maxBytes,
    // An entry larger than an eighth of the budget would flush most of it: not kept.
    maxEntrySize: Math.max(1, Math.floor(maxBytes / 8)),
    sizeCalculation: (entry, key) => Math.max(1, entry.bytes + stringBytes(key)),
  });
  return {
    get(text) {
      const session = active;
      const kept = session?.get<V>(text);
      if (kept !== undefined) return kept;
      const value = lru.get(text)?.value;
      if (value !== undefined) session?.keep(text, value, false);
      return value;
    },
    set(text, value) {
      active?.keep(text, value, true);
      const copied = detach(value);
      const key = copyString(text);
      if (copied.bytes + stringBytes(key) > lru.maxEntrySize) return;
      lru.set(key, { value: copied.value, bytes: copied.bytes });
    },
    get bytes() {
      return lru.calculatedSize;
    },
    get entries() {
      return lru.size;
    },
  };
}

/** A copy of `s` in storage of its own (JSON escapes lone surrogates, so they survive). */
export function copyString(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** UTF-16 storage of a string plus its header: what the estimate counts. */
function stringBytes(s: string): number {
  return 16 + 2 * s.length;
}

/**
 * A deep copy of plain data (arrays, plain objects, strings, numbers) with every string
 * copied, and the estimated bytes it holds. Other objects are shared, not copied.
 */
export function detach<V>(value: V): { value: V; bytes: number } {
  let bytes = 0;
  const copy = (v: unknown): unknown => {
    if (typeof v === 'string') {
      bytes += stringBytes(v);
      return copyString(v);
    }
    if (Array.isArray(v)) {
      bytes += 16 + 8 * v.length;
      const out = v.map(copy);
      return Object.isFrozen(v) ? Object.freeze(out) : out;
    }
    if (v !== null && typeof v === 'object') {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return v;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        bytes += 16;
        out[k] = copy(x);
      }
      bytes += 24;
      return Object.isFrozen(v) ? Object.freeze(out) : out;
    }
    bytes += 8;
    return v;
  };
  const value2 = copy(value) as V;
  return { value: value2, bytes };
}
