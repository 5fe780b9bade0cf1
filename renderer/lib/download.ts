// Saves text the station produced (a trace, an export) as a file through the browser's
// own download, which both hosts allow for the app's origin.
export function downloadText(fileName: string, text: string, type = 'text/plain;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by then; the object URL only needs to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
