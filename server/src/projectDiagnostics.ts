/**
 * What is wrong in a project file, as diagnostics on the file itself: problems reading it (with
 * their line and column) and stale acceptances (a wording accepted against source text that is
 * in no indexed source any more). Shared by the language server and the CLI.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { staleAcceptances, type CorpusIndex } from './engine';
import type { ProjectConfig } from './projectFile';
import { ruleHref } from './ruleDocs';

const linkTo = (code: string) => {
  const href = ruleHref(code);
  return href ? { codeDescription: { href } } : {};
};

/** The code of a stale acceptance. */
export const STALE_ACCEPTANCE = 'stale-acceptance';
/** The code of a problem in the project file itself. */
export const PROJECT_FILE_PROBLEM = 'project-file';

function lineRange(text: string, line: number, column = 1) {
  const lines = text.split('\n');
  const l = Math.max(0, Math.min(lines.length - 1, line - 1));
  const length = lines[l]?.replace(/\r$/, '').length ?? 0;
  return { start: { line: l, character: Math.max(0, Math.min(length, column - 1)) }, end: { line: l, character: length } };
}

function clip(s: string, n = 100): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

export function staleAcceptanceDiagnostics(index: CorpusIndex, project: ProjectConfig): Diagnostic[] {
  return staleAcceptances(index, project.accepted).map(a => ({
    range: lineRange(project.text, a.line),
    severity: 2,
    code: STALE_ACCEPTANCE,
    ...linkTo(STALE_ACCEPTANCE),
    source: 'verbatim',
    message: `Stale acceptance: "${clip(a.wording, 60)}" (${a.code}${a.acceptedBy ? `, accepted by ${a.acceptedBy}` : ''}${a.date ? ` on ${a.date}` : ''}) restates source text that is in no indexed source any more: "${clip(a.source)}". Remove it, or accept the wording again against the current source.`,
    data: { code: a.code, wording: a.wording, source: a.source },
  }));
}

export function projectProblemDiagnostics(project: ProjectConfig): Diagnostic[] {
  return project.problems.map(p => ({
    range: lineRange(project.text, p.line, p.column),
    severity: p.severity === 'error' ? 1 : 2,
    code: PROJECT_FILE_PROBLEM,
    ...linkTo(PROJECT_FILE_PROBLEM),
    source: 'verbatim',
    message: p.message.replace(/^[^:]+:\d+:\d+: /, ''),
  }));
}
