// One tag as a coloured pill (its colour from the tag manager), optionally with a remove button.
import { useSyncExternalStore } from 'react';
import { readTagColors, subscribeTagColors, tagColorOf, tagColorsVersion } from './tagColors';
import './widgets.css';

/** Re-reads colours only when the tag manager changes one; cheap enough for every visible row. */
let cached = { version: -1, colors: {} as ReturnType<typeof readTagColors> };
export function useTagColors() {
  const version = useSyncExternalStore(subscribeTagColors, tagColorsVersion);
  if (cached.version !== version) cached = { version, colors: readTagColors() };
  return cached.colors;
}

export function TagPill({ tag, onRemove }: { tag: string; onRemove?(): void }) {
  const colors = useTagColors();
  return (
    <span className="tc-tag" data-color={tagColorOf(tag, colors)}>
      {tag}
      {onRemove ? (
        <button type="button" onClick={onRemove} aria-label={`Remove tag ${tag}`}>
          ×
        </button>
      ) : null}
    </span>
  );
}
