/**
 * The background is the only context that will hold credentials and talk to GHL. It only wires
 * factories together; logic lives in utils/. Listeners must be registered synchronously at the
 * start of `main`, before any `await`, so a service worker woken by an event finds them.
 */
export default defineBackground(() => {
  // No listeners yet: the GHL client, connection and sync are wired here as they land.
});
