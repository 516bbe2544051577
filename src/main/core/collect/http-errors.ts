import { CollectError } from './errors'
import { INTERNAL_CLASS_NAMES, type InternalClass } from './address'

/** The failures of one HTTP fetch, worded for people: what happened and what to do. */

export function aborted(): CollectError {
  return new CollectError('aborted', 'collection was stopped', 'It runs again on schedule.')
}

export function timeoutError(ms: number): CollectError {
  return new CollectError(
    'timeout',
    `the site did not answer in full within ${ms / 1000} s`,
    'The site is slow or overloaded; collection retries automatically.'
  )
}

export function tooLarge(max: number, declared: number | null): CollectError {
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`
  return new CollectError(
    'too-large',
    declared
      ? `the response is ${mb(declared)}, over the ${mb(max)} limit`
      : `the response is larger than the ${mb(max)} limit; the download was stopped`,
    'Check that the address is a feed and not a file or a whole site.'
  )
}

export function httpError(status: number, message: string | undefined): CollectError {
  const what = `the server answered ${status}${message ? ' ' + message : ''}`
  if (status === 404 || status === 410)
    return new CollectError(
      'http',
      what,
      'Check the address in a browser; the feed may have moved or been removed.'
    )
  if (status === 401 || status === 403)
    return new CollectError(
      'http',
      what,
      'The site refuses automated readers or needs a login; open the address in a browser to check.'
    )
  if (status === 429)
    return new CollectError(
      'http',
      what,
      'The site asks to read it less often; make the schedule less frequent.'
    )
  if (status >= 500)
    return new CollectError(
      'http',
      what,
      'The site has a problem on its side; collection retries automatically.'
    )
  return new CollectError('http', what, 'Check the address in a browser.')
}

export function networkError(e: NodeJS.ErrnoException, u: URL): CollectError {
  const code = e.code ?? ''
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new CollectError(
      'network',
      `the host name ${u.hostname} could not be found`,
      'Check the address and the internet connection.'
    )
  }
  if (code === 'ECONNREFUSED')
    return new CollectError(
      'network',
      `${u.host} refused the connection`,
      'The site may be down; collection retries automatically.'
    )
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return new CollectError(
      'network',
      `the connection to ${u.host} was reset`,
      'Collection retries automatically.'
    )
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code) || /certificate/i.test(e.message)) {
    return new CollectError(
      'network',
      `the security certificate of ${u.host} could not be verified (${code || e.message})`,
      'If your network inspects HTTPS traffic, ask IT for its CA certificate and add it in the settings.'
    )
  }
  return new CollectError(
    'network',
    `cannot connect to ${u.host} (${code || e.message})`,
    'Check the internet connection; collection retries automatically.'
  )
}

/** Raised inside name resolution when every address of a host is internal (see address.ts). */
export class InternalAddressError extends Error {
  readonly code = 'EINTERNALADDRESS'
  constructor(
    readonly cls: InternalClass,
    readonly address: string,
    readonly host: string
  ) {
    super(`${host} is ${address}, ${INTERNAL_CLASS_NAMES[cls]}`)
  }
}

export function internalAddress(e: InternalAddressError, redirected: boolean): CollectError {
  const where = e.host === e.address ? e.address : `${e.host} (${e.address})`
  return new CollectError(
    'internal-address',
    `${redirected ? 'the feed redirected to' : 'the address is'} ${where}, ${INTERNAL_CLASS_NAMES[e.cls]}; it was not requested`,
    'Collection reaches internal addresses only for a source whose own address is one (an intranet feed).'
  )
}
