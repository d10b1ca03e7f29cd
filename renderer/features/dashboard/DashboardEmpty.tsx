// The first screen of an empty database: what to import first, and a one-click demo network to look around in.
import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../shared/api/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';

const DEMO_SIZE = 1500;

function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    setSeconds(0);
    const started = Date.now();
    const timer = window.setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => window.clearInterval(timer);
  }, [running]);
  return seconds;
}

/** The engine's job id for the demo's progress events. */
const DEMO_JOB = 'demo';

interface DemoProgress {
  /** Every file, in the order it is announced while generating (all before the first is read). */
  files: string[];
  latest: EventPayload<'import:progress'> | null;
}

/** Follows the demo's progress events while `running`; starts empty each time. */
function useDemoProgress(running: boolean): DemoProgress {
  const [progress, setProgress] = useState<DemoProgress>({ files: [], latest: null });
  useEffect(() => {
    if (!running) return;
    setProgress({ files: [], latest: null });
    return api.on('import:progress', (p) => {
      if (p.jobId !== DEMO_JOB) return;
      setProgress((prev) => ({ files: prev.files.includes(p.file) ? prev.files : [...prev.files, p.file], latest: p }));
    });
  }, [running]);
  return progress;
}

function DemoProgressBar({ progress, seconds }: { progress: DemoProgress; seconds: number }) {
  const { files, latest } = progress;
  const elapsed = seconds > 0 ? `${seconds} s` : undefined;
  if (!latest) return <ProgressBar label={`Generating ${DEMO_SIZE.toLocaleString('en')} connections…`} detail={elapsed} />;
  if (latest.phase === 'generating') return <ProgressBar label={`Writing the demo files… ${files.length} so far`} detail={elapsed} />;
  const at = files.indexOf(latest.file) + 1;
  const of = `${at} of ${files.length} files`;
  if (latest.phase === 'done' && at === files.length) return <ProgressBar label="Linking people and records…" value={1} detail={elapsed} />;
  const fraction = latest.totalBytes > 0 ? latest.bytes / latest.totalBytes : null;
  const rows = latest.rows > 0 ? `${latest.rows.toLocaleString('en')} rows` : undefined;
  return <ProgressBar label={`Importing ${latest.file}… ${of}`} value={latest.phase === 'done' ? 1 : fraction} detail={[rows, elapsed].filter(Boolean).join(' · ') || undefined} />;
}

export function DashboardEmpty() {
  const queryClient = useQueryClient();
  const demo = useMutation({
    mutationFn: () => api['demo:load']({}),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const seconds = useElapsedSeconds(demo.isPending);
  const progress = useDemoProgress(demo.isPending);
  return (
    <EmptyState
      level={1}
      title="Nothing to audit yet"
      actions={
        <>
          <a className="button primary" href="#/import">
            Import your connections
          </a>
          <button type="button" onClick={() => demo.mutate()} disabled={demo.isPending}>
            Load a demo network
          </button>
        </>
      }
    >
      <p>Tiecheck needs two things: who you are linked to, and proof that you actually talk. Start with the first.</p>
      <ol className="dash-steps">
        <li>
          <strong>Your LinkedIn connections</strong> — <code>Connections.csv</code> from LinkedIn's data archive. Facebook friends, Google or Outlook contacts and vCards work too.
        </li>
        <li>
          <strong>Then the evidence</strong> — LinkedIn <code>messages.csv</code>, your mail (<code>.mbox</code>), your calendar (<code>.ics</code>), a call log. Without these every link looks like dilution, which is not fair on anyone.
        </li>
      </ol>
      <p className="muted">Everything stays on this machine. The Import page says where to get each file.</p>
      <p className="muted">Just looking? The demo is a made-up network of {DEMO_SIZE.toLocaleString('en')} connections with messages and meetings; you can undo it from the import history.</p>
      <div aria-live="polite">
        {demo.isPending ? <DemoProgressBar progress={progress} seconds={seconds} /> : null}
        {demo.isSuccess ? (
          <p>
            Demo loaded: {demo.data.connections.toLocaleString('en')} connections, {demo.data.interactions.toLocaleString('en')} interactions.
          </p>
        ) : null}
      </div>
      {demo.isError ? <ErrorNotice title="The demo network could not be loaded" error={demo.error} onRetry={() => demo.mutate()} /> : null}
    </EmptyState>
  );
}
