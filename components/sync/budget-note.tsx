import type { SyncStatus } from '@/utils/storage/sync-status';

const count = new Intl.NumberFormat('en-US');

/** What each optional bulk scope would make better, in a person's words. */
const SCOPE_GAINS: Record<string, string> = {
  'locations/tasks.readonly': 'tasks of many contacts in one request',
  'calendars.readonly': 'the location’s calendars, to read appointments in bulk',
  'calendars/events.readonly': 'appointments of the whole location in one request per calendar',
};

/**
 * Why background sync refreshes less often than its settings say: a day of them would cost more
 * than this person's daily budget, or the token lacks a scope that reads in bulk (issue 17).
 */
export function BudgetNote({
  budget,
  missingScopes,
}: Pick<SyncStatus, 'budget' | 'missingScopes'>) {
  return (
    <>
      {budget && (
        <p class="card__text">
          To stay within your daily budget ({count.format(Math.round(budget.requestsPerDay))} GHL
          requests a day), transcripts not open in a tab wait {stretchWords(budget.stretch)} as long
          between refreshes as set.
        </p>
      )}
      {missingScopes && missingScopes.length > 0 && (
        <div class="message message--warning">
          <p>
            The GHL connection lacks scopes that would make the sync fresher with fewer requests:
          </p>
          <ul>
            {missingScopes.map((scope) => (
              <li key={scope}>
                <code>{scope}</code>
                {SCOPE_GAINS[scope] ? `: ${SCOPE_GAINS[scope]}` : ''}
              </li>
            ))}
          </ul>
          <p>Without them those parts are read contact by contact.</p>
        </div>
      )}
    </>
  );
}

/** "1.3 times", "2 times". */
function stretchWords(stretch: number): string {
  const rounded = stretch < 10 ? Math.round(stretch * 10) / 10 : Math.round(stretch);
  return `${rounded} times`;
}
