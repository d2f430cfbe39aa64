/**
 * Why the extension asks for each permission in wxt.config.ts, in words for the person installing
 * it. The options page shows these; README.md ("Permissions") says the same. A unit test checks
 * that every permission in the manifest has a reason here.
 */
export const PERMISSION_REASONS: Readonly<Record<string, string>> = {
  storage: 'Keep your settings and which GHL contact each transcript is linked to.',
  alarms: 'Wake up on a schedule to refresh linked contacts, tasks and notes from GHL.',
  identity: 'Sign in to GoHighLevel with OAuth in a browser window GHL controls.',
  notifications: 'Tell you when a change could not be saved to GHL or you need to reconnect.',
  'https://services.leadconnectorhq.com/*':
    "Talk to GoHighLevel's API (contacts, tasks, notes, appointments) with your credentials.",
  'https://app.trint.com/*': 'Show the GHL panel beside your transcripts in Trint.',
  'https://app.eu.trint.com/*':
    'Show the GHL panel beside your transcripts in Trint EU, where its EU customers work.',
};
