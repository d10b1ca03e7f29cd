// Companies ranked by how many of your links there are dilution: where the empty links cluster.
import type { AuditPerson } from '../domain/audit';
import { allOf, companyFilter, tierFilter } from './filters';

export interface CompanyDilution {
  company: string;
  dilution: number;
  /** Everyone you are linked to at that company. */
  total: number;
  /** Opens that company's dilution links. */
  filter: string;
}

/**
 * Companies compare case- and space-insensitively ("ACME  Corp" is "Acme Corp"); the spelling
 * shown is the first one met. People with no company are left out: "no company" is not a place.
 */
export function rankDilutionCompanies(persons: readonly AuditPerson[], limit = 10): CompanyDilution[] {
  const byKey = new Map<string, { company: string; dilution: number; total: number }>();
  for (const p of persons) {
    const company = (p.company ?? '').trim().replace(/\s+/g, ' ');
    if (!company) continue;
    const key = company.toLowerCase();
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = { company, dilution: 0, total: 0 }));
    c.total += 1;
    if (p.tier === 'dilution') c.dilution += 1;
  }
  return [...byKey.values()]
    .filter((c) => c.dilution > 0)
    .sort((a, b) => b.dilution - a.dilution || b.total - a.total || a.company.localeCompare(b.company))
    .slice(0, limit)
    .map((c) => ({ ...c, filter: allOf(companyFilter(c.company), tierFilter('dilution')) }));
}
