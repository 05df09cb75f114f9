'use strict';
// Loads the Verbatim injection grammar the way VS Code does and tokenises text with it.
//
// - Oniguruma comes from vscode-oniguruma's onig.wasm (no native build, no network).
// - The host grammar for `text.html.markdown` is a small fixture (the real one ships
//   with VS Code, not on npm); set VERBATIM_MARKDOWN_GRAMMAR to a copy of VS Code's
//   markdown.tmLanguage(.json) to run the explicit assertions against the real one.
// - `text.plain` is the host grammar we ship ourselves (syntaxes/plaintext.tmLanguage.json),
//   because VS Code has no grammar for the `plaintext` language.
// - Injections are resolved from the manifest fragment (syntaxes/contributes.grammars.json)
//   exactly like VS Code's TextMate service: a grammar with `injectTo: [X]` is injected into
//   X and every scope below X (`text.html` -> `text.html.markdown`, ...).

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, 'fixtures');
const FRAGMENT_PATH = path.join(ROOT, 'syntaxes', 'contributes.grammars.json');
const FIXTURE_MARKDOWN = path.join(FIXTURES, 'host', 'markdown.tmLanguage.json');

let onigLibPromise;
function onigLib() {
  if (!onigLibPromise) {
    const wasmPath = require.resolve('vscode-oniguruma/release/onig.wasm');
    const wasm = fs.readFileSync(wasmPath);
    onigLibPromise = oniguruma
      .loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength))
      .then(() => ({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s) => new oniguruma.OnigString(s),
      }));
  }
  return onigLibPromise;
}

function readFragment() {
  return JSON.parse(fs.readFileSync(FRAGMENT_PATH, 'utf8'));
}

// StandardTokenType values as vscode-textmate encodes them (bits 8-9 of a token's metadata).
const TOKEN_TYPES = { other: 0, comment: 1, string: 2, regex: 3 };
const TOKEN_TYPE_NAMES = Object.fromEntries(Object.entries(TOKEN_TYPES).map(([k, v]) => [v, k]));

/**
 * scopeName -> file, injected scope -> [injector scopeName], and scopeName -> tokenTypes
 * (as VS Code passes a language grammar's `tokenTypes` to vscode-textmate), from a
 * contributes.grammars list.
 */
function indexContributions(grammars) {
  const files = new Map();
  const injections = new Map();
  const tokenTypes = new Map();
  for (const g of grammars) {
    files.set(g.scopeName, path.resolve(ROOT, g.path));
    for (const target of g.injectTo || []) {
      if (!injections.has(target)) injections.set(target, []);
      injections.get(target).push(g.scopeName);
    }
    if (g.tokenTypes) {
      const map = {};
      for (const [selector, type] of Object.entries(g.tokenTypes)) {
        if (!(type in TOKEN_TYPES)) throw new Error(`unknown token type ${type} for ${selector}`);
        map[selector] = TOKEN_TYPES[type];
      }
      tokenTypes.set(g.scopeName, map);
    }
  }
  return { files, injections, tokenTypes };
}

/**
 * @param {{ markdownGrammar?: string }} [options] path of the host Markdown grammar
 *   (defaults to the fixture; `.tmLanguage` plist and `.json` both work).
 */
async function createTokenizer(options = {}) {
  const markdownGrammar = options.markdownGrammar || FIXTURE_MARKDOWN;
  const { files, injections, tokenTypes } = indexContributions(readFragment());
  if (!files.has('text.html.markdown')) files.set('text.html.markdown', markdownGrammar);

  const registry = new vsctm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      const file = files.get(scopeName);
      if (file) return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      // Grammars the host includes that VS Code has but we don't (source.yaml for front
      // matter, text.html.derivative, languages of fenced code...) become empty stubs: a
      // host rule whose only include cannot be resolved would otherwise not match at all,
      // which is not what happens in VS Code.
      return { scopeName, patterns: [] };
    },
    // Same lookup as VS Code's TMGrammarFactory: injections registered for every
    // prefix of the scope name apply (text -> text.html -> text.html.markdown).
    getInjections: (scopeName) => {
      const parts = scopeName.split('.');
      const result = [];
      for (let i = 1; i <= parts.length; i++) {
        result.push(...(injections.get(parts.slice(0, i).join('.')) || []));
      }
      return result;
    },
  });

  const grammars = new Map();
  async function grammarFor(scopeName) {
    if (!grammars.has(scopeName)) {
      const g = await registry.loadGrammarWithConfiguration(scopeName, 1, {
        tokenTypes: tokenTypes.get(scopeName),
      });
      if (!g) throw new Error(`no grammar for ${scopeName}`);
      grammars.set(scopeName, g);
    }
    return grammars.get(scopeName);
  }

  /**
   * Tokenises `text` as VS Code would: split into lines on CRLF, CR or LF (the
   * editor model never hands a line terminator to the tokenizer), state carried
   * from line to line. Adjacent tokens with identical scopes are merged.
   * @returns {Promise<Array<{ line: string, tokens: Array<{ text: string, scopes: string[] }> }>>}
   */
  async function tokenize(text, scopeName) {
    const grammar = await grammarFor(scopeName);
    const lines = text.split(/\r\n|\r|\n/);
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return tokenizeLines(grammar, lines);
  }

  /** Tokenises lines exactly as given (a caller may leave a '\r' on them on purpose). */
  async function tokenizeRawLines(lines, scopeName) {
    return tokenizeLines(await grammarFor(scopeName), lines);
  }

  /**
   * The standard token type VS Code derives for each character run (what decides whether
   * `editor.quickSuggestions.strings`, auto-closing `notIn: ["string"]` and bracket matching
   * treat the text as a string): one line of text, returns [{ text, type }].
   */
  async function tokenTypesOfLine(line, scopeName) {
    const grammar = await grammarFor(scopeName);
    const { tokens } = grammar.tokenizeLine2(line, vsctm.INITIAL);
    const out = [];
    for (let i = 0; i < tokens.length; i += 2) {
      const start = tokens[i];
      const end = i + 2 < tokens.length ? tokens[i + 2] : line.length;
      const type = TOKEN_TYPE_NAMES[(tokens[i + 1] >>> 8) & 0b11];
      if (end > start) out.push({ text: line.slice(start, end), type });
    }
    return out;
  }

  return { tokenize, tokenizeRawLines, tokenTypesOfLine };
}

function tokenizeLines(grammar, lines) {
  let state = vsctm.INITIAL;
  const out = [];
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state, 10000);
    if (r.stoppedEarly) throw new Error(`tokenisation stopped early (time limit) on line: ${line}`);
    state = r.ruleStack;
    const tokens = [];
    for (const t of r.tokens) {
      const text = line.slice(t.startIndex, t.endIndex);
      if (text === '') continue;
      const last = tokens[tokens.length - 1];
      if (last && sameScopes(last.scopes, t.scopes)) last.text += text;
      else tokens.push({ text, scopes: t.scopes });
    }
    out.push({ line, tokens });
  }
  return out;
}

function sameScopes(a, b) {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

// ---- snapshot format -------------------------------------------------------

// Invisible or look-alike characters are written as \u{...} so the snapshot shows them.
const INVISIBLE = /[\u0000-\u001f\u007f-\u00a0\u00ad\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/gu;
function visible(s) {
  return s.replace(INVISIBLE, (c) => `\\u{${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}}`);
}

/**
 * Human-readable snapshot: every source line, then one row per token with its text
 * (quoted, invisible characters escaped) and its scopes minus the root scope.
 */
function formatSnapshot(name, rootScope, lines) {
  const out = [`# ${name}  (host grammar: ${rootScope}; root scope omitted below)`, ''];
  lines.forEach(({ line, tokens }, i) => {
    out.push(`${String(i + 1).padStart(3, ' ')} | ${visible(line)}`);
    for (const t of tokens) {
      const scopes = t.scopes[0] === rootScope ? t.scopes.slice(1) : t.scopes;
      const text = `"${visible(t.text).replace(/"/g, '\\"')}"`;
      out.push(`      ${text.padEnd(28, ' ')} ${scopes.join(' ') || '-'}`);
    }
  });
  return out.join('\n') + '\n';
}

module.exports = {
  ROOT,
  FIXTURES,
  FRAGMENT_PATH,
  createTokenizer,
  readFragment,
  formatSnapshot,
  visible,
};
