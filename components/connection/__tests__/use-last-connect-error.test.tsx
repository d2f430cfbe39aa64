// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { mount, settle, waitFor } from '@/components/sync/__tests__/render-page';
import { listenAsBackground } from '@/test/support/settings-background';
import { LAST_CONNECT_ERROR_KEY } from '@/utils/storage/last-connect-error-item';
import { useLastConnectError } from '../use-last-connect-error';

let current: ReturnType<typeof useLastConnectError> | undefined;
function Probe() {
  current = useLastConnectError();
  return null;
}

let unmount = () => {};
async function show() {
  const page = await mount(<Probe />);
  unmount = page.unmount;
  await settle();
}

describe('useLastConnectError', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    listenAsBackground();
    current = undefined;
  });
  afterEach(() => unmount());

  it('shows a fresh failure, and the background forgets it when dismissed', async () => {
    const failure = { message: 'The sign-in window was closed.', at: Date.now() };
    await fakeBrowser.storage.session.set({ [LAST_CONNECT_ERROR_KEY]: failure });
    await show();
    expect(current?.[0]).toEqual(failure);
    await act(() => current![1]());
    await waitFor(() => expect(current?.[0]).toBeUndefined());
    expect(await fakeBrowser.storage.session.get(LAST_CONNECT_ERROR_KEY)).toEqual({});
  });

  it('leaves out a failure older than 15 minutes', async () => {
    const failure = { message: 'Old.', at: Date.now() - 16 * 60_000 };
    await fakeBrowser.storage.session.set({ [LAST_CONNECT_ERROR_KEY]: failure });
    await show();
    expect(current?.[0]).toBeUndefined();
  });
});
