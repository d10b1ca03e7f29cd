// The rows of a connection file joined to an earlier row and what joined them (a shared URL, e-mail or phone, or every field equal), so a wrong join can be caught.
import { formatCount, plural } from '../../components/formatting';

interface FileJoin {
  line: number;
  sameAs: number;
  why: string;
}

export function FileJoins({ joined, joins, before, complete = true }: { joined?: number; joins?: FileJoin[]; before: boolean; complete?: boolean }) {
  if (!joined || !joins) return null;
  return (
    <details className="import-skipped" data-testid="file-joins">
      <summary>
        {before ? plural(joined, 'row will be', 'rows will be') : plural(joined, 'row was', 'rows were')} joined to an earlier row of the file as the
        same connection — see why
      </summary>
      <ul className="import-list">
        {joins.map((j) => (
          <li key={j.line}>
            <span className="import-line">line {j.line}</span> is line {j.sameAs}: {j.why}
          </li>
        ))}
      </ul>
      {joined > joins.length ? <p className="muted">… and {formatCount(joined - joins.length)} more</p> : null}
      {complete ? null : <p className="muted">The file is large: these are the joins of its first part. The summary after the import lists them all.</p>}
    </details>
  );
}
