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
 * than this person's daily budget (cut for the team when the whole location spends faster than
 * the team's share), or the token lacks a scope that reads in bulk (issue 17).
 */
export function BudgetNote({
  budget,
  missingScopes,
}: Pick<SyncStatus, 'budget' | 'missingScopes'>) {
  return (
    <>
      {budget && <p class="card__text">{budgetWords(budget)}</p>}
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

/** Why the tiers wait longer than set, in a person's words. */
function budgetWords(budget: NonNullable<SyncStatus['budget']>): string {
  const perDay = (n: number) => `${count.format(Math.round(n))} GHL requests a day`;
  const team = budget.team
    ? `Your team’s extensions together spend about ${perDay(budget.team.locationPerDay)} on this location, more than the team’s share allows (${count.format(Math.round(budget.team.teamPerDay))}, with a margin). `
    : '';
  const open = budget.openStretch
    ? `, and the one open in a tab ${stretchWords(budget.openStretch)} as long`
    : '';
  return `${team}To stay within ${budget.team ? 'your part of it' : 'your daily budget'} (${perDay(budget.requestsPerDay)}), transcripts not open in a tab wait ${stretchWords(budget.stretch)} as long between refreshes as set${open}.`;
}

/** "1.3 times", "2 times". */
function stretchWords(stretch: number): string {
  const rounded = stretch < 10 ? Math.round(stretch * 10) / 10 : Math.round(stretch);
  return `${rounded} times`;
}
