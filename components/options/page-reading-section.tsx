import { useState } from 'preact/hooks';
import { pageReadingsItem, type PageReading } from '@/utils/storage/page-readings-item';
import { useStorageValue } from '../shared/use-storage-value';

const when = (at: number) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One page's result, in words: every rule name here is one of utils/trint's own. */
function describe(reading: PageReading): { title: string; speakers: string } {
  return {
    title: reading.titleRule ? `Title found by ${reading.titleRule}` : 'Title not found',
    speakers:
      reading.speakersRule && reading.speakers > 0
        ? `${reading.speakers} speaker${reading.speakers === 1 ? '' : 's'} found by ${reading.speakersRule}`
        : 'Speakers not found',
  };
}

/**
 * "Trint page reading": what the last Trint editor pages yielded (title found by which rule or
 * missed, speakers found or not, when), so a change of Trint's markup shows here, and the newest
 * page's structure (tag names, classes, data-attribute names; no text) to copy into a bug report.
 */
export function PageReadingSection() {
  const readings = useStorageValue(pageReadingsItem, (value) => value.readings) ?? [];
  const [copied, setCopied] = useState<string>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(readings[0]!.report);
      setCopied('Copied. Paste it into your bug report.');
    } catch {
      setCopied('Could not copy: the browser refused the clipboard.');
    }
  };
  return (
    <section class="card" aria-labelledby="page-reading-title">
      <h2 id="page-reading-title" class="card__title">
        Trint page reading
      </h2>
      {readings.length === 0 ? (
        <p>No Trint transcript opened in this browser session yet.</p>
      ) : (
        <>
          <ul aria-label="Last Trint pages">
            {readings.map((reading) => {
              const { title, speakers } = describe(reading);
              return (
                <li key={`${reading.at}-${reading.transcriptId}`}>
                  {when(reading.at)}: {title}; {speakers}.
                </li>
              );
            })}
          </ul>
          <p>
            The report lists the newest page's tag names, classes and data-attribute names only: no
            text, no values.
          </p>
          <button type="button" class="button" onClick={() => void copy()}>
            Copy page-structure report
          </button>
          <p role="status">{copied}</p>
        </>
      )}
    </section>
  );
}
