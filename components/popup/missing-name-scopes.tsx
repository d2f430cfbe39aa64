import type { Names } from '@/utils/messaging/trint-answers';

/** What each optional scope would show, in the popup's one line. */
const WHAT_IT_SHOWS: Record<string, string> = {
  'users.readonly': "people's names",
  'locations/customFields.readonly': "custom fields' names",
};

/**
 * One short line naming the optional scopes GHL refused and what they would show, e.g. "Grant
 * users.readonly to see people's names instead of ids." Nothing when all are granted or unknown:
 * the connection works the same without them.
 */
export function MissingNameScopes({ names }: { names: Names | undefined }) {
  const missing = names?.missingScopes.filter((scope) => scope in WHAT_IT_SHOWS) ?? [];
  if (missing.length === 0) return null;
  const scopes = missing.join(' and ');
  const shows = missing.map((scope) => WHAT_IT_SHOWS[scope]).join(' and ');
  return (
    <p class="message" data-testid="missing-name-scopes">
      Grant {scopes} to see {shows} instead of ids.
    </p>
  );
}
