/** Errors of a connection that was never made and may be on a second try (a server restarting, a DNS hiccup). */
const WORTH_A_RETRY = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);
/** Certificate failures that a retry cannot change (OpenSSL's names; Node adds ERR_TLS_… and ERR_SSL_…). */
const CERTIFICATE = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

/** Quick retries a failed connection deserves before the run stops. */
export const CONNECT_RETRIES = 2;

/**
 * How many quick retries a fetch error deserves when no connection could be made: CONNECT_RETRIES
 * for a refused connection or a failed name lookup, 0 for what fetch or TLS refuse every time (a
 * "bad port", a certificate, https spoken to a plain HTTP server); undefined for anything else,
 * such as a connection dropped mid-answer, which the ordinary retries handle.
 */
export function connectRetries(e: unknown): number | undefined {
  const cause = (
    e as { cause?: { code?: unknown; message?: unknown; errors?: unknown } } | undefined
  )?.cause;
  if (!cause) return undefined;
  // Node tries each address of a host name; when all fail, the codes are in an AggregateError's list.
  const codes = [
    cause.code,
    ...(Array.isArray(cause.errors) ? cause.errors.map(x => (x as { code?: unknown })?.code) : []),
  ].filter((c): c is string => typeof c === 'string');
  if (
    cause.message === 'bad port' ||
    codes.some(c => CERTIFICATE.has(c) || /^ERR_(TLS|SSL)_/.test(c))
  )
    return 0;
  if (codes.some(c => WORTH_A_RETRY.has(c))) return CONNECT_RETRIES;
  return undefined;
}
