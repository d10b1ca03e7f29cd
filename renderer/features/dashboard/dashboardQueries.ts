// The queries the dashboard, the report page and settings share: one key each, so an invalidation reaches them all.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export const QUERY_KEYS = {
  appInfo: ['app:info'] as const,
  audit: (asOf: string | null, save: boolean) => ['audit:get', asOf ?? 'today', save] as const,
  history: ['audit:history'] as const,
  settings: ['settings:get'] as const,
  imports: ['import:history'] as const,
};

export function useAppInfo() {
  return useQuery({ queryKey: QUERY_KEYS.appInfo, queryFn: () => api['app:info']({}) });
}

/** The audit as of a day (today when null); `save` stores it as a snapshot for the trend. */
export function useAudit(asOf: string | null, save: boolean, enabled = true) {
  return useQuery({
    queryKey: QUERY_KEYS.audit(asOf, save),
    queryFn: () => api['audit:get']({ ...(asOf ? { asOf } : {}), ...(save ? { save: true } : {}) }),
    enabled,
  });
}

export function useAuditHistory(enabled = true) {
  return useQuery({ queryKey: QUERY_KEYS.history, queryFn: () => api['audit:history']({}), enabled });
}
