/** Output formats of `verbatim check`: human text and SARIF 2.1.0. JSON is the diagnostics as they are. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CodeDescriptions, explainCode, type Code, type CorpusIndex } from '../engine';
import { ruleHref } from '../ruleDocs';
import { PROJECT_FILE_PROBLEM, STALE_ACCEPTANCE } from '../projectDiagnostics';
import { docxLocationOf, type DocxLocation } from '../docx';

export interface FileResult {
  /** The path as the user gave it. */
  readonly file: string;
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

const SEVERITY_WORD: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/**
 * Text safe to print on one line of a terminal: line breaks and other control characters
 * (a newline in a file name, an escape sequence in a draft) are shown escaped, as in JSON.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, c => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** `file:line:col: severity code message`, one a line (1-based line and column), then a summary. */
export function formatText(results: readonly FileResult[], index: CorpusIndex): string {
  const lines: string[] = [];
  const counts = [0, 0, 0, 0, 0];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const sev = d.severity ?? 1;
      const docx = docxLocationOf(d);
      if (docx) {
        // A Word draft's findings are named by paragraph, the sentence quoted (its lines are the extracted text's).
        counts[sev]++;
        lines.push(wordLine(r.file, d, SEVERITY_WORD[sev], docx));
        continue;
      }
      counts[sev]++;
      lines.push(`${printable(r.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY_WORD[sev]} ${d.code} ${printable(String(d.message).replace(/\s*\n\s*/g, ' '))}`);
    }
  }
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const found = counts[1] + counts[2] + counts[3] + counts[4];
  const summary =
    found === 0
      ? `No findings in ${plural(results.length, 'file')} (checked against ${plural(index.documents.length, 'source')}, ${index.passageCount} passages).`
      : `${plural(found, 'finding')} in ${plural(results.length, 'file')}: ${plural(counts[1], 'error')}, ${plural(counts[2], 'warning')}, ${counts[3]} information, ${plural(counts[4], 'hint')} (checked against ${plural(index.documents.length, 'source')}, ${index.passageCount} passages).`;
  lines.push(summary);
  return lines.join('\n') + '\n';
}

/** `draft.docx:paragraph 4: warning code message In: “the sentence”`, on one line. */
function wordLine(file: string, d: Diagnostic, severity: string, docx: DocxLocation): string {
  const sentence = docx.sentence.length > 300 ? docx.sentence.slice(0, 299) + '…' : docx.sentence;
  return `${file}:${docx.label}: ${severity} ${d.code} ${d.message} In: “${sentence}”`.replace(/\s*[\n\r\u2028\u2029]\s*/g, ' ');
}

/** SARIF 2.1.0, for code-scanning tools. Columns are UTF-16 code units, as in LSP. */
export function formatSarif(results: readonly FileResult[], index: CorpusIndex, version: string, cwd: string) {
  const level = (s: number | undefined) => (s === 1 ? 'error' : s === 2 ? 'warning' : s === 3 ? 'note' : 'none');
  const descriptions: Record<string, string> = {
    ...CodeDescriptions,
    [STALE_ACCEPTANCE]: 'An accepted wording in the project file restates source text that is in no indexed source any more.',
    [PROJECT_FILE_PROBLEM]: 'The project file (.verbatim.json) has a problem.',
  };
  const codes = Object.keys(descriptions) as Code[];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Verbatim',
            version,
            semanticVersion: version,
            rules: codes.map(code => {
              const help = explainCode(code);
              const href = ruleHref(code);
              return {
                id: code,
                name: code.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
                shortDescription: { text: descriptions[code] },
                fullDescription: { text: descriptions[code] },
                ...(href ? { helpUri: href } : {}),
                ...(help ? { help: { text: help.replace(/[*`#]/g, ''), markdown: help } } : {}),
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + path.sep).href } },
        results: results.flatMap(r =>
          r.diagnostics.map(d => ({
            ruleId: String(d.code),
            ruleIndex: Math.max(0, codes.indexOf(d.code as Code)),
            level: level(d.severity),
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: toSarifUri(r.file, cwd), uriBaseId: path.isAbsolute(r.file) ? undefined : 'SRCROOT' },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                    ...(docxLocationOf(d) ? { snippet: { text: docxLocationOf(d)!.words } } : {}),
                  },
                  // A Word draft: the region is in its extracted text; the sentence, and the paragraph in properties.docx.
                  ...(docxLocationOf(d) ? { contextRegion: { startLine: d.range.start.line + 1, endLine: d.range.end.line + 1, snippet: { text: docxLocationOf(d)!.sentence } } } : {}),
                },
              },
            ],
            relatedLocations: (d.relatedInformation ?? []).map((ri, i) => ({
              id: i + 1,
              message: { text: ri.message },
              physicalLocation: {
                artifactLocation: { uri: ri.location.uri },
                region: { startLine: ri.location.range.start.line + 1, startColumn: ri.location.range.start.character + 1 },
              },
            })),
            properties: { ...(d.data ?? {}), ...(docxLocationOf(d) ? { docx: docxLocationOf(d) } : {}) },
          })),
        ),
        properties: { sources: index.documents.map(doc => ({ id: doc.id, title: doc.title, date: doc.date })) },
      },
    ],
  };
}

function toSarifUri(file: string, cwd: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).map(encodeURIComponent).join('/');
}
