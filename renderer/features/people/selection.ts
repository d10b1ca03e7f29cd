// Row selection for the people table: click, ctrl/cmd-click, shift-click ranges, keyboard moves, select all.

export interface Selection {
  /** Selected person ids. */
  selected: ReadonlySet<string>;
  /** Where a shift-click range starts: the last plainly clicked or toggled row. */
  anchor: string | null;
  /** The row the keyboard is on. */
  focus: string | null;
}

export interface ClickModifiers {
  shift?: boolean;
  /** ctrl on Windows/Linux, cmd on macOS. */
  toggle?: boolean;
}

export const EMPTY_SELECTION: Selection = { selected: new Set(), anchor: null, focus: null };

/** The ids from `a` to `b` inclusive, in table order; just `b` when `a` is not in the table. */
export function rangeBetween(order: readonly string[], a: string | null, b: string): string[] {
  const end = order.indexOf(b);
  if (end < 0) return [];
  const start = a === null ? -1 : order.indexOf(a);
  if (start < 0) return [b];
  const [lo, hi] = start <= end ? [start, end] : [end, start];
  return order.slice(lo, hi + 1);
}

/**
 * A click on a row: plain selects only it; toggle adds or removes it; shift selects the range from the
 * anchor (replacing the selection, or adding to it with toggle held too).
 */
export function clickRow(state: Selection, order: readonly string[], id: string, mods: ClickModifiers = {}): Selection {
  if (mods.shift) {
    const range = rangeBetween(order, state.anchor, id);
    const selected = new Set(mods.toggle ? state.selected : []);
    for (const r of range) selected.add(r);
    return { selected, anchor: state.anchor ?? id, focus: id };
  }
  if (mods.toggle) return { selected: toggled(state.selected, id), anchor: id, focus: id };
  return { selected: new Set([id]), anchor: id, focus: id };
}

/** The checkbox: toggles one row (shift extends from the anchor instead, keeping the rest). */
export function toggleRow(state: Selection, order: readonly string[], id: string, shift = false): Selection {
  if (shift) return clickRow(state, order, id, { shift: true, toggle: true });
  return { selected: toggled(state.selected, id), anchor: id, focus: id };
}

function toggled(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** ↑/↓ (delta −1/+1), PageUp/PageDown (±page), Home/End (±Infinity); shift extends the selection from the anchor. */
export function moveFocus(state: Selection, order: readonly string[], delta: number, extend = false): Selection {
  if (order.length === 0) return state;
  const current = state.focus === null ? -1 : order.indexOf(state.focus);
  let next: number;
  if (current < 0) next = delta < 0 ? order.length - 1 : 0;
  else next = Math.min(order.length - 1, Math.max(0, current + (Number.isFinite(delta) ? delta : Math.sign(delta) * order.length)));
  const focus = order[next];
  if (!extend) return { ...state, focus };
  const anchor = state.anchor ?? state.focus ?? focus;
  return { selected: new Set(rangeBetween(order, anchor, focus)), anchor, focus };
}

/** Every row that matches the filter, not only the rows on screen. */
export function selectAll(state: Selection, order: readonly string[]): Selection {
  return { ...state, selected: new Set(order) };
}

export function clearSelection(state: Selection): Selection {
  return { selected: new Set(), anchor: null, focus: state.focus };
}

/** After the filter changes, rows that no longer match leave the selection (a bulk tag never hits hidden rows). */
export function keepMatching(state: Selection, matching: ReadonlySet<string>): Selection {
  let dropped = false;
  for (const id of state.selected) {
    if (!matching.has(id)) {
      dropped = true;
      break;
    }
  }
  const focus = state.focus !== null && matching.has(state.focus) ? state.focus : null;
  const anchor = state.anchor !== null && matching.has(state.anchor) ? state.anchor : null;
  if (!dropped && focus === state.focus && anchor === state.anchor) return state;
  const selected = dropped ? new Set([...state.selected].filter((id) => matching.has(id))) : state.selected;
  return { selected, anchor, focus };
}
