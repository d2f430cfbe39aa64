/**
 * A connect, replace or disconnect step that failed in a way the person can fix. The message is
 * shown as is: it says what happened and what to do, and never contains a credential.
 */
export class ConnectError extends Error {
  override readonly name = 'ConnectError';
}
