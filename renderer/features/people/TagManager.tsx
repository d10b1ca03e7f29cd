// The tag manager: every tag with its count; rename, merge into another, colour, delete — each one undoable step.
import { useState } from 'react';
import { formatCount } from '../../components/formatting';
import { TagPill, useTagColors } from '../../components/TagPill';
import { TAG_PALETTE, tagColorOf, writeTagColor, type TagColor } from '../../components/tagColors';
import type { TagChange } from './tagHistory';

export interface TagManagerProps {
  tags: { tag: string; count: number }[];
  busy: boolean;
  /** Without a label the toast says what the engine did, with its own count (removed connections included). */
  onApply(requests: TagChange[], label?: string): void;
  onClose(): void;
}

function TagRow({ tag, count, others, busy, onApply }: { tag: string; count: number; others: string[]; busy: boolean; onApply: TagManagerProps['onApply'] }) {
  const colors = useTagColors();
  const [newName, setNewName] = useState('');
  const [mergeInto, setMergeInto] = useState('');
  const validName = /^[^\s,;]{1,60}$/.test(newName.trim()) && newName.trim() !== tag;
  return (
    <li className="tag-row">
      <span className="tag-row-name">
        <TagPill tag={tag} /> <span className="muted">{formatCount(count)}</span>
      </span>
      <label>
        <span className="visually-hidden">Colour of {tag}</span>
        <select value={tagColorOf(tag, colors)} onChange={(e) => writeTagColor(tag, e.target.value as TagColor)}>
          {TAG_PALETTE.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <form
        className="tag-row-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!validName) return;
          const to = newName.trim();
          onApply([{ action: 'rename', from: tag, to }]);
          setNewName('');
        }}
      >
        <label className="visually-hidden" htmlFor={`rename-${tag}`}>
          New name for {tag}
        </label>
        <input id={`rename-${tag}`} placeholder="new name" value={newName} onChange={(e) => setNewName(e.target.value)} size={12} />
        <button type="submit" disabled={!validName || busy}>
          Rename
        </button>
      </form>
      <form
        className="tag-row-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!mergeInto) return;
          onApply([{ action: 'rename', from: tag, to: mergeInto }], `Merged ${tag} into ${mergeInto}`);
          setMergeInto('');
        }}
      >
        <label className="visually-hidden" htmlFor={`merge-${tag}`}>
          Merge {tag} into
        </label>
        <select id={`merge-${tag}`} value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
          <option value="">merge into…</option>
          {others.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
        <button type="submit" disabled={!mergeInto || busy}>
          Merge
        </button>
      </form>
      <button
        type="button"
        className="danger"
        disabled={busy}
        onClick={() => onApply([{ action: 'delete', tag }])}
      >
        Delete
      </button>
    </li>
  );
}

export function TagManager({ tags, busy, onApply, onClose }: TagManagerProps) {
  return (
    <section className="card tag-manager" aria-labelledby="tag-manager-h">
      <div className="tag-manager-head">
        <h2 id="tag-manager-h">Tags</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {tags.length === 0 ? (
        <p className="muted">No tags yet. Select people and press p, k or r, or use the bar above.</p>
      ) : (
        <ul className="tag-rows">
          {tags.map((t) => (
            <TagRow key={t.tag} tag={t.tag} count={t.count} others={tags.map((o) => o.tag).filter((o) => o !== t.tag)} busy={busy} onApply={onApply} />
          ))}
        </ul>
      )}
      <p className="muted tag-manager-note">
        Rename, merge and delete reach everyone with the tag, people whose connections were removed included (so “pruned ✓” follows a renamed prune tag). Every change can be undone.
      </p>
    </section>
  );
}
