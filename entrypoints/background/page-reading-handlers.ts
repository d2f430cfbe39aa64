import type { MessageHandlers } from './message-router';
import type { Clock } from '@/utils/clock';
import { PAGE_READINGS_KEPT, pageReadingsItem } from '@/utils/storage/page-readings-item';
import { KNOWN_SPEAKER_RULES, KNOWN_TITLE_RULES } from '@/utils/trint/transcript-page';

/**
 * Keeps what the last Trint editor pages yielded for the options page. A rule the background
 * does not know (a page script can send anything) is kept as "no rule", so the options page only
 * ever shows our own rule names; a newer reading of the same transcript replaces the older.
 */
export function createPageReadingHandlers(deps: {
  clock: Clock;
}): Pick<MessageHandlers, 'page/reading'> {
  return {
    async 'page/reading'({ transcriptId, titleRule, speakersRule, speakers, report }) {
      const known = (rule: string | undefined, rules: readonly string[]) =>
        rule !== undefined && rules.includes(rule) ? rule : undefined;
      const reading = {
        at: deps.clock.now(),
        transcriptId,
        titleRule: known(titleRule, KNOWN_TITLE_RULES),
        speakersRule: known(speakersRule, KNOWN_SPEAKER_RULES),
        speakers,
        report,
      };
      const { readings } = await pageReadingsItem.read();
      const others = readings.filter((r) => r.transcriptId !== transcriptId);
      await pageReadingsItem.write({
        version: 1,
        readings: [reading, ...others].slice(0, PAGE_READINGS_KEPT),
      });
      return {};
    },
  };
}
