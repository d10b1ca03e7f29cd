// A person's tags: remove with ×, add one (suggested prune/keep/reconnect and every existing tag), undo in a toast.
import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { TagPill } from '../../components/TagPill';
import { SUGGESTED_TAGS } from '../people/BulkTagBar';
import type { useTagActions } from '../people/useTagActions';

export function PersonTags({ personId, tags, actions }: { personId: string; tags: string[]; actions: ReturnType<typeof useTagActions> }) {
  const id = useId();
  const [tag, setTag] = useState('');
  const tagList = useQuery({ queryKey: ['tags'], queryFn: () => api['tags:list']({}) });
  const options = [...new Set([...SUGGESTED_TAGS, ...(tagList.data?.tags.map((t) => t.tag) ?? [])])].filter((t) => !tags.includes(t));
  const valid = /^[^\s,;]{1,60}$/.test(tag.trim());
  const add = (t: string) => void actions.apply([{ action: 'add', tag: t, ids: [personId] }]);
  return (
    <div className="person-tags">
      <ul className="person-tag-list" aria-label="Tags">
        {tags.length === 0 ? <li className="muted">No tags.</li> : null}
        {tags.map((t) => (
          <li key={t}>
            <TagPill tag={t} onRemove={() => void actions.apply([{ action: 'remove', tag: t, ids: [personId] }])} />
          </li>
        ))}
      </ul>
      <span className="person-tag-quick">
        {SUGGESTED_TAGS.filter((t) => !tags.includes(t)).map((t) => (
          <button key={t} type="button" disabled={actions.busy} onClick={() => add(t)}>
            + {t}
          </button>
        ))}
      </span>
      <form
        className="person-tag-add"
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          add(tag.trim());
          setTag('');
        }}
      >
        <label htmlFor={`${id}-tag`} className="visually-hidden">
          Add a tag
        </label>
        <input id={`${id}-tag`} list={`${id}-list`} placeholder="another tag" value={tag} onChange={(e) => setTag(e.target.value)} size={14} />
        <datalist id={`${id}-list`}>
          {options.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <button type="submit" disabled={!valid || actions.busy}>
          Add tag
        </button>
      </form>
    </div>
  );
}
