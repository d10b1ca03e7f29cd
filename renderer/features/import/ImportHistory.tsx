// Every import batch with its file, date and counts, and an undo that takes a whole batch back (after a confirm).
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatDateTime, formatNetwork } from '../../components/formatting';
import { QUERY_KEYS } from '../dashboard/dashboardQueries';

function describeCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${formatCount(n)} ${k}`);
  return parts.length ? parts.join(', ') : 'no changes';
}

export function ImportHistory() {
  const queryClient = useQueryClient();
  const history = useQuery({ queryKey: QUERY_KEYS.imports, queryFn: () => api['import:history']({}) });
  const [asking, setAsking] = useState<number | null>(null);
  const undo = useMutation({
    mutationFn: (batchId: number) => api['import:undo']({ batchId }),
    onSettled: () => {
      setAsking(null);
      void queryClient.invalidateQueries();
    },
  });
  const batches = history.data?.batches ?? [];
  return (
    <section className="card import-history" aria-labelledby="history-title">
      <h2 id="history-title">Import history</h2>
      {history.isError ? <ErrorNotice error={history.error} title="Could not load the import history" /> : null}
      {history.isSuccess && batches.length === 0 ? <p className="muted">Nothing imported yet.</p> : null}
      {batches.length > 0 ? (
        <div className="import-table-wrap">
          <table className="import-table" data-testid="import-history">
            <caption className="visually-hidden">Every import, newest first</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">What</th>
                <th scope="col">When</th>
                <th scope="col">Counts</th>
                <th scope="col">
                  <span className="visually-hidden">Undo</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id} className={b.undoneAt ? 'import-undone' : undefined} data-batch={b.id}>
                  <th scope="row">{b.file}</th>
                  <td>
                    {b.kind} · {b.format}
                    {b.network && b.network !== b.format ? ` · ${formatNetwork(b.network)}` : ''}
                  </td>
                  <td>{formatDateTime(b.createdAt)}</td>
                  <td>{describeCounts(b.counts)}</td>
                  <td className="import-undo-cell">
                    {b.undoneAt ? (
                      <span className="muted">undone {formatDateTime(b.undoneAt)}</span>
                    ) : asking === b.id ? (
                      <span className="import-confirm" role="group" aria-label={`Undo ${b.file}?`}>
                        <span>Undo this import?</span>
                        <button type="button" className="danger" onClick={() => undo.mutate(b.id)} disabled={undo.isPending}>
                          {undo.isPending ? 'Undoing…' : 'Yes, undo'}
                        </button>
                        <button type="button" onClick={() => setAsking(null)} disabled={undo.isPending}>
                          Keep
                        </button>
                      </span>
                    ) : (
                      <button type="button" onClick={() => setAsking(b.id)} aria-label={`Undo the import of ${b.file}`}>
                        Undo
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="muted import-small">Undo removes the people, connections, records and links that batch created. Your tags, notes and decisions stay.</p>
      {undo.isError ? <ErrorNotice error={undo.error} title="The import was not undone" /> : null}
      {undo.isSuccess ? (
        <p role="status" className="muted">
          {undo.data.undone ? 'Undone.' : 'That import was already undone.'}
        </p>
      ) : null}
    </section>
  );
}
