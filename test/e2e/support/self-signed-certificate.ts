import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A key and certificate (PEM) for one host name, and the hash Chromium can be told to trust. */
export interface SelfSignedCertificate {
  key: string;
  cert: string;
  /** Base64 SHA-256 of the certificate's public key: `--ignore-certificate-errors-spki-list`. */
  spkiSha256: string;
}

/**
 * Makes a throwaway certificate for `host` with the openssl CLI (Node cannot sign X.509 itself).
 * A P-256 key takes milliseconds, so every browser launch can have a fresh one and no key is ever
 * committed. `.ci/run` installs openssl.
 */
export function selfSignedCertificate(host: string): SelfSignedCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'ghl-trint-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    // Chromium checks the subjectAltName, not the CN; a day is longer than any test run.
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-nodes', '-days', '1', '-newkey', 'ec'],
        ...['-pkeyopt', 'ec_paramgen_curve:prime256v1', '-keyout', key, '-out', cert],
        ...['-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`],
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const pem = readFileSync(cert, 'utf8');
    const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
    return {
      key: readFileSync(key, 'utf8'),
      cert: pem,
      spkiSha256: createHash('sha256').update(spki).digest('base64'),
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('openssl is not installed (`.ci/run` installs it); the e2e tests need it', {
        cause: error,
      });
    }
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
