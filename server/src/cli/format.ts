/** Output formats of `verbatim check`: human text and SARIF 2.1.0. JSON is the diagnostics as they are. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CodeDescriptions, type Code, type CorpusIndex } from '../engine';

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

/** SARIF 2.1.0, for code-scanning tools. Columns are UTF-16 code units, as in LSP. */
export function formatSarif(results: readonly FileResult[], index: CorpusIndex, version: string, cwd: string) {
  const level = (s: number | undefined) => (s === 1 ? 'error' : s === 2 ? 'warning' : s === 3 ? 'note' : 'none');
  const codes = Object.keys(CodeDescriptions) as Code[];
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
            rules: codes.map(code => ({
              id: code,
              name: code.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: CodeDescriptions[code] },
              helpUri: undefined,
            })),
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
                  },
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
            properties: d.data ?? {},
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
