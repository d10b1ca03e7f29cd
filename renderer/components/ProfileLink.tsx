// A profile address: a link that opens in a new window when it is https:, plain text otherwise (never javascript:).
import { httpsUrl } from './httpsUrl';
import './widgets.css';

export function ProfileLink({ url, label }: { url: string; label?: string }) {
  if (!url) return <span className="muted">—</span>;
  const safe = httpsUrl(url);
  if (safe === null) return <span className="tc-profile-link" title="Not an https: address, so not a link">{label ?? url}</span>;
  return (
    <a className="tc-profile-link" href={safe} target="_blank" rel="noreferrer noopener">
      {label ?? url}
    </a>
  );
}
