// A one-line list of keyboard shortcuts: each key in a <kbd>, then what it does.
import './widgets.css';

export function KeyboardHelp({ keys, label = 'Keyboard shortcuts' }: { keys: readonly (readonly [string, string])[]; label?: string }) {
  return (
    <ul className="tc-keys" aria-label={label}>
      {keys.map(([key, what]) => (
        <li key={key}>
          <kbd>{key}</kbd> {what}
        </li>
      ))}
    </ul>
  );
}
