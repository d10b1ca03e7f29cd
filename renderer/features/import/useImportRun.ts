// Runs an import with a job id, follows its progress events, and cancels it on request.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EventPayload, Request } from '../../../shared/api/contract';
import { api } from '../../api';

export type ImportProgress = EventPayload<'import:progress'>;
export type RunOptions = Omit<Request<'import:run'>, 'jobId'>;

function newJobId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function useImportRun() {
  const queryClient = useQueryClient();
  const jobRef = useRef<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(
    () =>
      api.on('import:progress', (p) => {
        if (p.jobId === jobRef.current) setProgress(p);
      }),
    [],
  );
  const run = useMutation({
    mutationFn: (opts: RunOptions) => {
      const jobId = newJobId();
      jobRef.current = jobId;
      setProgress(null);
      return api['import:run']({ ...opts, jobId });
    },
    onSettled: () => {
      jobRef.current = null;
      void queryClient.invalidateQueries();
    },
  });
  const cancel = useCallback(() => {
    if (jobRef.current) void api['import:cancel']({ jobId: jobRef.current });
  }, []);
  return { run, progress, cancel };
}
