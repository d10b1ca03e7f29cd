// Human-readable output of the command line (the --json forms are printed where they are made).
import type { ImportSummary } from '../../shared/api/schemas';
import type { AuditResult } from '../../shared/domain/audit';

/** One file's summary as `import --json` and `log --json` print it (SPEC §9), for a file alone or inside an archive. */
export function importSummaryJson(s: ImportSummary): Record<string, unknown> {
  const { file, format, network, batchId, added, updated, missing, removed, skipped, warnings, skippedRows, found, joined, joinedRows } = s;
  return {
    file,
    format,
    network,
    batchId,
    added,
    updated,
    missing,
    removed,
    skipped,
    warnings,
    skippedRows,
    ...(found ? { found } : {}),
    ...(joined !== undefined ? { joined, joinedRows } : {}),
  };
}

export function printImportSummary(s: ImportSummary): void {
  const parts = [`${s.added} added`, `${s.updated} updated`, `${s.skipped} skipped`];
  // Rows joined to an earlier row of the file (same URL, e-mail or phone, or every field equal) are among the skipped.
  if (s.joined) parts.push(`${s.joined} of them the same connection as an earlier row`);
  if (s.missing) parts.push(`${s.missing} missing`);
  if (s.removed) parts.push(`${s.removed} marked removed`);
  process.stdout.write(`${s.file} (${s.format}${s.network ? `, ${s.network}` : ''}): ${parts.join(', ')}\n`);
  if (s.found) {
    const f = s.found;
    process.stdout.write(`  ${f.records} records: ${f.threads} threads (${f.twoWayThreads} two-way), ${f.meetings} meetings, ${f.calls} calls; ${f.unlinked} not tied to anyone yet\n`);
  }
  for (const row of s.skippedRows.slice(0, 10)) process.stdout.write(`  skipped line ${row.line}: ${row.reason}\n`);
  if (s.skippedRows.length > 10) process.stdout.write(`  … and ${s.skipped - 10} more skipped\n`);
  for (const w of s.warnings) process.stderr.write(`  note: ${w}\n`);
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

export function printAudit(a: AuditResult): void {
  const s = a.summary;
  const out = process.stdout;
  out.write(`Audit as of ${a.asOf}: ${s.persons} connected persons\n`);
  out.write(`  real          ${String(s.real).padStart(6)}  ${pct(s.persons ? s.real / s.persons : 0)}\n`);
  out.write(`  fading        ${String(s.fading).padStart(6)}  ${pct(s.persons ? s.fading / s.persons : 0)}\n`);
  out.write(`  acquaintance  ${String(s.acquaintance).padStart(6)}  ${pct(s.persons ? s.acquaintance / s.persons : 0)}\n`);
  out.write(`  dilution      ${String(s.dilution).padStart(6)}  ${pct(s.persons ? s.dilution / s.persons : 0)}\n`);
  out.write(`Real share: ${pct(s.realShare)}. Rules: real = met in person or ${a.rules.minConversations}+ conversations, last within ${a.rules.recentMonths} months.\n`);
}
