// Links the contacts an import creates as it inserts them, deciding each as the relink after it would have.
import type { Db } from '../db/openDatabase';
import type { ContactIdentity } from '../store/identityKeys';
import { buildMatcher, type Matcher, type NormalisedParticipant } from '../../../shared/identity/matcher';
import { normaliseEmail } from '../../../shared/identity/email';
import { contactIds, FiledKeys } from './filedKeys';
import { PersonTable } from './personTable';
import { loadDecisions, loadOwnIdentities, participantIds, storedLinkOf, type StoredLinkColumns } from './relinkContacts';

/** What a contact holds until it is first linked (the columns' defaults), and keeps when nothing matches it. */
export const UNLINKED: StoredLinkColumns = { status: 'none', personId: null, method: null, evidenceJson: '[]' };

/** A stored contact: its identity and its link. */
export interface StoredContact extends StoredLinkColumns {
  name: string;
  email: string;
  profileUrl: string;
  phone: string;
  nameKey: string;
}

/**
 * The decisions `relinkContacts` makes for the contacts an import created (its `relinkCreated`), made
 * as the import inserts them, from the same persons, identities, decisions and identities of yours,
 * none of which an interaction import changes while it writes (it is used only when your identities
 * are known before it starts: otherwise the file may name you at the end). Nearly every new contact
 * (a one-off sender) is settled by `FiledKeys.mayMatch` and inserted unlinked; the others are matched
 * against an index holding from the start the persons decisions name and the company domains of
 * everyone with an address, and the persons a contact could meet added as contacts need them, each
 * in its place in the person table, so that it answers every contact exactly as relink's index of
 * the persons near all of them does (what a contact's answer reads is complete in it: the holders of
 * its identifiers, the persons decided on, and every company's domains).
 */
export class NewContactLinker {
  private readonly keys: FiledKeys;
  private readonly decisionKeys: Set<string>;
  private readonly matcher: Matcher;
  /** Positions (in the person table) of the persons in the matcher's index. */
  private readonly indexed: Uint8Array;
  private readonly table: PersonTable;

  constructor(db: Db) {
    const decisions = loadDecisions(db);
    this.table = new PersonTable(db);
    const own = loadOwnIdentities(db);
    this.keys = new FiledKeys(this.table, own);
    this.decisionKeys = new Set(decisions.map((d) => d.key));
    this.matcher = buildMatcher([], own, decisions);
    this.indexed = new Uint8Array(this.table.ids.length);
    for (const { personId } of decisions) {
      const at = this.table.position.get(personId);
      if (at !== undefined && this.indexed[at] === 0) this.index(at);
    }
    // Relink's index holds everyone with an address, for their companies' domains; the persons themselves
    // matter only to the contacts filed under their identifiers, which add them.
    const withAddress = new Uint8Array(this.table.ids.length);
    for (const at of this.table.kinds.email.owners) if (at >= 0) withAddress[at] = 1;
    for (let at = 0; at < withAddress.length; at++) if (withAddress[at] === 1) this.matcher.index.addCompanyDomains(this.table.person(at));
  }

  /**
   * The link of a contact inserted with these values. Its stored name key is `nameKey` of its name
   * (identityKeys.ts `contactOfParticipant` made both), which relink's matcher would key again.
   */
  linkOfInserted(c: ContactIdentity): StoredLinkColumns {
    const ids = contactIds(c.email, c.profileUrl, c.phone);
    if (!this.keys.mayMatch(c.name, c.nameKey, ids, this.decisionKeys)) return UNLINKED;
    const addressAsName = c.name.includes('@');
    return this.decide({ ...ids, email: addressAsName ? (ids.email ?? normaliseEmail(c.name)) : ids.email, nameKey: addressAsName || c.name === '' ? '' : c.nameKey });
  }

  /**
   * The link of a contact this import created and has since completed (a later record knew a name or
   * address it lacked), from its stored values, exactly as relink reads a stored contact: the shortcut
   * on its stored name key, the matcher on the key of its stored name (the two may now differ).
   */
  linkOfStored(c: StoredContact): StoredLinkColumns {
    const ids = contactIds(c.email, c.profileUrl, c.phone);
    if (!this.keys.mayMatch(c.name, c.nameKey, ids, this.decisionKeys)) return UNLINKED;
    return this.decide(participantIds(c.name, ids));
  }

  private decide(ids: NormalisedParticipant): StoredLinkColumns {
    this.keys.filedUnder(ids, (at) => this.indexed[at] === 0 && this.index(at));
    return storedLinkOf(this.matcher.matchNormalised(ids));
  }

  private index(at: number): void {
    this.indexed[at] = 1;
    this.matcher.index.add(this.table.person(at), at);
  }
}
