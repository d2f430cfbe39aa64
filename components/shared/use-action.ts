import { useState } from 'preact/hooks';
import { errorWords } from '@/utils/messaging/send-message';

/** A button's request to the background: busy while it runs, its error in words afterwards. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function run(task: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    try {
      await task();
      return true;
    } catch (failure) {
      setError(errorWords(failure, 'Something went wrong. Try again.'));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run, clearError: () => setError(undefined) };
}
