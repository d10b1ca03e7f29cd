// Settings, app info, the review queue of uncertain links, and the user's merges and splits of persons.
import type { Handlers } from './handlerTypes';
import { readMe, readRules, replaceMe, writeRules } from '../store/settingsStore';
import { relinkContacts } from '../linking/relinkContacts';
import { decideLink, listReviewItems } from '../linking/reviewQueue';
import { mergePersons, splitPerson, undoPersonOperation } from '../store/personSurgery';

export const settingsHandlers: Pick<
  Handlers,
  'app:info' | 'settings:get' | 'settings:setRules' | 'settings:setMe' | 'review:list' | 'review:decide' | 'person:merge' | 'person:split' | 'person:undo'
> = {
  'app:info': (_req, ctx) => ({
    version: ctx.version,
    dbPath: ctx.dbPath,
    door: ctx.door,
    persons: (ctx.db.prepare(`SELECT count(DISTINCT person_id) AS n FROM connections WHERE removed_at IS NULL`).get() as { n: number }).n,
  }),
  'settings:get': (_req, ctx) => ({ rules: readRules(ctx.db), me: readMe(ctx.db) }),
  'settings:setRules': (req, ctx) => {
    const rules = writeRules(ctx.db, req.rules);
    ctx.emit('data:changed', { what: 'settings' });
    return { rules };
  },
  'settings:setMe': (req, ctx) => {
    const me = ctx.db.transaction(() => {
      const stored = replaceMe(ctx.db, req.me);
      relinkContacts(ctx.db);
      return stored;
    })();
    ctx.emit('data:changed', { what: 'settings' });
    return { me };
  },
  'review:list': (_req, ctx) => ({ items: listReviewItems(ctx.db) }),
  'review:decide': (req, ctx) => {
    decideLink(ctx.db, req.contactId, req.personId, req.verdict);
    ctx.emit('data:changed', { what: 'links' });
    return { ok: true as const };
  },
  'person:merge': (req, ctx) => {
    const result = mergePersons(ctx.db, req.keepId, req.mergeId);
    ctx.emit('data:changed', { what: 'links' });
    return result;
  },
  'person:split': (req, ctx) => {
    const result = splitPerson(ctx.db, req.id, req.connectionIds);
    ctx.emit('data:changed', { what: 'links' });
    return result;
  },
  'person:undo': (req, ctx) => {
    const undone = undoPersonOperation(ctx.db, req.operationId);
    ctx.emit('data:changed', { what: 'links' });
    return { undone };
  },
};
