// The first rows of a file as they will be stored, in a scrollable table.
const HEADINGS: Record<string, string> = {
  line: 'Line',
  name: 'Name',
  email: 'Email',
  url: 'Profile URL',
  company: 'Company',
  position: 'Position',
  connectedOn: 'Connected on',
  kind: 'Kind',
  date: 'Date',
  people: 'People',
  subject: 'Subject',
};

export function PreviewTable({ rows, totalRows }: { rows: Record<string, string>[]; totalRows: number }) {
  if (rows.length === 0) return <p className="muted">No rows to show: the file has nothing Tiecheck could read as {totalRows ? 'shown' : 'a record'}.</p>;
  const keys = Object.keys(rows[0]);
  return (
    <div className="import-table-wrap" tabIndex={0} role="region" aria-label="Preview of the first rows">
      <table className="import-table">
        <caption className="visually-hidden">
          The first {rows.length} of {totalRows} rows, as they will be stored
        </caption>
        <thead>
          <tr>
            {keys.map((k) => (
              <th key={k} scope="col">
                {HEADINGS[k] ?? k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {keys.map((k) => (
                <td key={k} className={k === 'line' ? 'num' : undefined}>
                  {r[k] || <span className="muted">—</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
