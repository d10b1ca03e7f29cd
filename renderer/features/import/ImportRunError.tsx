// Why an import (of one file or a whole archive) wrote nothing: cancelled, or failed with its one line.
import { ErrorNotice } from '../../components/ErrorNotice';

export function ImportRunError({ error }: { error: unknown }) {
  if (!error) return null;
  const cancelled = (error as { code?: string }).code === 'cancelled';
  return <ErrorNotice title={cancelled ? 'Import cancelled: nothing was written' : 'The import failed: nothing was written'} error={error} />;
}
