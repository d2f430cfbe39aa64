import type { SyncStatus } from '@/utils/storage/sync-status';

const count = new Intl.NumberFormat('en-US');

/** A share as people read it: one decimal under 10% ("1.6%"), whole above ("35%"). */
export function percent(share: number): string {
  const value = share * 100;
  if (value > 0 && value < 0.1) return 'under 0.1%';
  return `${value < 10 ? value.toFixed(1) : Math.round(value)}%`;
}

/**
 * What this browser spent of GHL's daily limit, which the whole location shares, and why
 * background sync is slower or paused when the location is short of it (issue 17).
 */
export function QuotaUse({ quota }: { quota: NonNullable<SyncStatus['quota']> }) {
  const { sentLast24h, limit, remaining, pressure } = quota;
  const share = limit ? ` — ${percent(sentLast24h / limit)} of the location’s daily limit` : '';
  const left = limit !== undefined && remaining !== undefined ? percent(remaining / limit) : '';
  return (
    <>
      <p class="card__text">
        GHL requests in the last 24 h: {count.format(sentLast24h)}
        {share}
      </p>
      {pressure === 'slow' && (
        <p class="message message--warning">
          Only {left} of the location’s daily GHL limit is left (your whole team shares it):
          background sync is slowed so your own actions keep working.
        </p>
      )}
      {pressure === 'paused' && (
        <p class="message message--error">
          Only {left} of the location’s daily GHL limit is left: background sync is paused until GHL
          resets the limit. Your own actions still go through.
        </p>
      )}
    </>
  );
}
