import { describe } from 'vitest';
import { findSpecDir, loadSpec, type OpenApiSpec } from './openapi-spec';

const specDir = findSpecDir();
const spec = specDir === undefined ? undefined : loadSpec(specDir);
if (!spec) {
  console.warn(
    'Contract tests SKIPPED: GHL OpenAPI files not found. Set GHL_OPENAPI_DIR, or put them in ' +
      'shared/ghl-openapi beside the repo (../shared/ghl-openapi).',
  );
}

/**
 * `describe` when the spec was found, else `describe.skip`: without the files the contract tests
 * are reported as skipped (with a warning), never as passed.
 */
export const describeWithSpec = spec ? describe : describe.skip;

/** The loaded spec, inside a {@link describeWithSpec} suite (which only runs when it exists). */
export function requireSpec(): OpenApiSpec {
  if (!spec) throw new Error('The GHL OpenAPI files were not found');
  return spec;
}
