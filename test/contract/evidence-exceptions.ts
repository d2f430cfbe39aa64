/**
 * Where the product sends what GHL's OpenAPI files leave out, because public evidence shows real
 * GHL takes it. The contract tests and the traffic check accept exactly these, and nothing else
 * beyond the spec. Each names its source, so the next person can check it.
 */
export const EVIDENCE_EXCEPTIONS: Record<string, { bodyFields: string[]; source: string }> = {
  'update-contact': {
    bodyFields: ['companyName'],
    source:
      'GoHighLevel/highlevel-api-docs#314: PUT /contacts/{id} has a strict whitelist and accepts companyName (checked live)',
  },
};

/** The body fields an operation may send beyond its documented ones. */
export const extraBodyFields = (operationId: string): string[] =>
  EVIDENCE_EXCEPTIONS[operationId]?.bodyFields ?? [];
