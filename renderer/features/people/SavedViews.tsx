// Saved views: pick one to filter the table, save the current filter under a name, delete your own.
import { useId, useState } from 'react';
import { deleteView, loadViews, restoreSuggested, saveView, type SavedView } from './savedViews';

function storage() {
  return window.localStorage;
}

export function SavedViews({ filter, onPick }: { filter: string; onPick(filter: string): void }) {
  const id = useId();
  const [views, setViews] = useState<SavedView[]>(() => loadViews(storage()));
  const [name, setName] = useState('');
  return (
    <section className="saved-views" aria-label="Saved views">
      <h2 className="visually-hidden">Saved views</h2>
      <ul className="saved-view-list">
        {views.map((v) => (
          <li key={v.name}>
            <button type="button" className="saved-view" aria-pressed={v.filter === filter} title={v.filter} onClick={() => onPick(v.filter)}>
              {v.name}
            </button>
            <button type="button" className="saved-view-delete" aria-label={`Delete view ${v.name}`} onClick={() => setViews(deleteView(storage(), v.name))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="saved-view-save"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          setViews(saveView(storage(), { name, filter }));
          setName('');
        }}
      >
        <label htmlFor={`${id}-name`} className="visually-hidden">
          Name for this view
        </label>
        <input id={`${id}-name`} placeholder="Name this filter…" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={!name.trim()}>
          Save view
        </button>
        {views.some((v) => v.suggested) ? null : (
          <button type="button" onClick={() => setViews(restoreSuggested(storage()))}>
            Restore suggestions
          </button>
        )}
      </form>
    </section>
  );
}
