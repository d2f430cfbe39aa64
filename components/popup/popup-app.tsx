import { browser } from 'wxt/browser';

/** The toolbar popup: connection state at a glance and the way to settings. */
export function PopupApp() {
  const { version } = browser.runtime.getManifest();
  return (
    <main class="page page--popup">
      <header class="page__header">
        <h1 class="page__title">GHL for Trint</h1>
        <span class="page__version">v{version}</span>
      </header>
      <section class="card" aria-labelledby="connection-title">
        <h2 id="connection-title" class="card__title">
          Not connected
        </h2>
        <p class="card__text">No GoHighLevel account is connected yet.</p>
      </section>
      <button type="button" class="button" onClick={() => void browser.runtime.openOptionsPage()}>
        Open settings
      </button>
    </main>
  );
}
