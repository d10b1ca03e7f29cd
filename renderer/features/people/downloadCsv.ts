// Hands a CSV text to the browser as a file download (a Blob URL on a temporary link).

export function downloadCsv(fileName: string, csv: string): void {
  const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started once click() returns; keep the URL a moment for slow browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
