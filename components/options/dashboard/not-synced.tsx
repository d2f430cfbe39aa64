/** "—" for a count that is not kept because that part is switched off; says so to screen readers. */
export function NotSynced() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span class="visually-hidden"> not synced</span>
    </>
  );
}
