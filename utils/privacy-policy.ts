/**
 * Where each build carries its own copy of PRIVACY.md (wxt.config.ts copies it there, as text: a
 * browser shows an extension's .txt file, while a .md one it may download). The settings page
 * links to it, so the policy of the version installed is one click away, without the network.
 */
export const PRIVACY_FILE = 'privacy.txt';
