/**
 * Saves text as a file through the browser's download bar: a Blob behind an object URL, clicked
 * as an `<a download>`. Needs no `downloads` permission. Takes the document so tests can pass
 * their own.
 */
export function downloadFile(
  name: string,
  text: string,
  type: string,
  doc: Document = document,
): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
