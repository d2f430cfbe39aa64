import { browser } from 'wxt/browser';
import { PERMISSION_REASONS } from '@/utils/permissions';
import { PRIVACY_FILE } from '@/utils/privacy-policy';
import { ConnectionCard } from '../connection/connection-card';
import { useConnectionStatus } from '../shared/use-connection-status';
import { AuditLogView } from './audit-log-view';
import { Dashboard } from './dashboard/dashboard';
import { LogSettingsForm } from './log-settings-form';
import { MappingEditor } from './mapping/mapping-editor';
import { OAuthAppForm } from './oauth-app-form';
import { PageReadingSection } from './page-reading-section';
import { SyncSettingsForm } from './sync-settings-form';

/**
 * The options page: the dashboard of linked transcripts first, then what needs more room than the
 * popup has (connection, field mapping, sync settings, OAuth app, permissions, audit log).
 */
export function OptionsApp() {
  const { version, permissions = [] } = browser.runtime.getManifest();
  const status = useConnectionStatus();
  return (
    <main class="page page--options">
      <header class="page__header">
        <h1 class="page__title">GHL for Trint</h1>
        <span class="page__version">
          v{version} ·{' '}
          <a href={PRIVACY_FILE} target="_blank" rel="noreferrer">
            Privacy policy
          </a>
        </span>
      </header>
      <Dashboard />
      <ConnectionCard status={status} />
      <MappingEditor />
      <SyncSettingsForm />
      <LogSettingsForm />
      <OAuthAppForm />
      <section class="card" aria-labelledby="permissions-title">
        <h2 id="permissions-title" class="card__title">
          What this extension may do, and why
        </h2>
        <p>
          What it reads, keeps and sends, and to whom:{' '}
          <a href={PRIVACY_FILE} target="_blank" rel="noreferrer">
            the privacy policy
          </a>
          .
        </p>
        <dl class="facts">
          {permissions.map((permission) => (
            <div key={permission} class="facts__row">
              <dt>{permission}</dt>
              <dd>{PERMISSION_REASONS[permission] ?? 'Not explained yet.'}</dd>
            </div>
          ))}
        </dl>
      </section>
      <PageReadingSection />
      <AuditLogView />
    </main>
  );
}
