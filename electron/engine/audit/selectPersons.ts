// Persons of the audit that a FILTER expression (SPEC §9) matches.
import type { Db } from '../db/openDatabase';
import type { AuditPerson } from '../../../shared/domain/audit';
import { compileFilter, parseFilter, FilterError } from '../../../shared/filter';
import { runAudit } from './runAudit';
import type { AuditCache } from './auditCache';
import { UserFacingError } from '../handlers/handlerTypes';

export function selectPersons(db: Db, filter: string, asOf?: string, audits?: AuditCache): AuditPerson[] {
  let matches: (p: AuditPerson) => boolean;
  try {
    matches = compileFilter(parseFilter(filter));
  } catch (err) {
    if (err instanceof FilterError) throw new UserFacingError('bad_filter', `bad filter: ${err.message}`);
    throw err;
  }
  return (audits ? audits.get(db, asOf) : runAudit(db, { asOf })).persons.filter(matches);
}
